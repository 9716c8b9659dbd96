package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNode;
import com.google.zetasql.resolvedast.ResolvedNodes;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateScanBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSubqueryExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowPartitioning;
import com.google.zetasql.resolvedast.ResolvedSetOperationScanEnums.SetOperationType;

import java.util.Locale;
import java.util.Set;

/**
 * {@code COLLATE(value, collation)} (BigQuery docs: collation): binary collation ({@code ''}, {@code 'binary'}) is the
 * default order, so it changes nothing; {@code 'und:ci'} runs only in {@code =}, {@code !=} and {@code IN (…)}, compared by
 * {@link StringRuntime#equalCaseInsensitive}. ICU's root order, grouping and every other collation-aware function are
 * refused by name while a query uses {@code 'und:ci'}. ZetaSQL's Java client does not say which collation a node
 * carries, only that it carries one, so a query is checked as a whole before it is rendered: it may use
 * {@code 'und:ci'} or {@code 'binary'}, not both.
 */
final class Collations {
    static final String CASE_INSENSITIVE = "und:ci";
    private static final Set<String> RUN = Set.of("", "binary", CASE_INSENSITIVE);
    /** The comparisons whose {@code 'und:ci'} answer the engine reproduces. */
    private static final Set<String> EQUALITY = Set.of("$equal", "$not_equal", "$in");

    /** Functions that compare strings without a collation on the resolved node. */
    private static final Set<String> UNMARKED = Set.of("nullif", "array_includes", "array_includes_any",
            "array_includes_all", "array_min", "array_max", "array_is_distinct", "range_bucket", "$is_distinct_from",
            "$is_not_distinct_from");

    private Collations() {
    }

    /**
     * Whether the statement compares under {@code 'und:ci'}; refuses a collation other than binary and
     * {@code 'und:ci'}, both in one query, and any use of {@code 'und:ci'} other than equality.
     */
    static boolean caseInsensitive(ResolvedStatement statement) {
        boolean[] named = {false, false};
        statement.accept(new ResolvedNodes.Visitor() {
            @Override
            public void visit(ResolvedFunctionCall call) {
                if (call.getFunction().getName().equalsIgnoreCase("collate")) {
                    String collation = ResolvedFunctions.stringLiteral(call.getArgumentList().get(1));
                    // Exactly these spellings: ZetaSQL reads 'BINARY' as a locale, not as binary collation.
                    if (collation == null || !RUN.contains(collation)) {
                        throw ResolvedTranslator.refuse("COLLATE " + (collation == null ? "with a collation that is not a"
                                + " string literal" : "'" + collation + "'") + " (binary and 'und:ci' run)");
                    }
                    named[collation.equals(CASE_INSENSITIVE) ? 0 : 1] |= !collation.isEmpty();
                }
                super.visit(call);
            }
        });
        if (named[0] && named[1]) {
            throw ResolvedTranslator.refuse("COLLATE 'und:ci' and 'binary' in one query");
        }
        if (named[0]) {
            statement.accept(new CaseInsensitiveUses());
        }
        return named[0];
    }

    /** Refuses each node that would compare under {@code 'und:ci'} other than by equality. */
    private static final class CaseInsensitiveUses extends ResolvedNodes.Visitor {
        @Override
        protected void defaultVisit(ResolvedNode node) {
            if (node instanceof ResolvedFunctionCallBase call && !call.getCollationList().isEmpty()
                    && !(node instanceof ResolvedFunctionCall && EQUALITY.contains(call.getFunction().getName())
                    && call.getArgumentList().stream().allMatch(a -> a.getType().isString()))) {
                refuse(ResolvedFunctions.sqlName(call));
            }
            if (node instanceof ResolvedAggregateScanBase scan && !scan.getCollationList().isEmpty()) {
                refuse("GROUP BY or DISTINCT");
            }
            if (node instanceof ResolvedWindowPartitioning partition && !partition.getCollationList().isEmpty()) {
                refuse("PARTITION BY");
            }
            // An ORDER BY item always has a collation object, empty or not, and the client does not say which: any
            // STRING key may be collated.
            if (node instanceof ResolvedOrderByItem item && item.getColumnRef().getType().isString()) {
                refuse("ORDER BY a STRING");
            }
            if (node instanceof ResolvedSubqueryExpr subquery && subquery.getInCollation() != null) {
                refuse("IN (subquery)");
            }
            // These compare strings and carry no collation in this analyzer's output, though BigQuery may collate them
            // (NULLIF does: BigQuery docs: collation), so a query using 'und:ci' does not run them.
            if (node instanceof ResolvedFunctionCall call && UNMARKED.contains(call.getFunction().getName().toLowerCase(Locale.ROOT))) {
                refuse(ResolvedFunctions.sqlName(call));
            }
            // A set operation does not say whether its columns are collated, so only UNION ALL, which compares nothing, runs.
            if (node instanceof ResolvedSetOperationScan set && set.getOpType() != SetOperationType.UNION_ALL) {
                refuse(set.getOpType().name().replace('_', ' '));
            }
            super.defaultVisit(node);
        }

        private static void refuse(String construct) {
            throw ResolvedTranslator.refuse(construct + " under COLLATE 'und:ci' (=, != and IN (…) run under it)");
        }
    }
}
