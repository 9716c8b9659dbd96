package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRecursiveRefScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRecursiveScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationItem;
import com.google.zetasql.resolvedast.ResolvedRecursiveScanEnums.RecursiveSetOperationType;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive CTE (BigQuery docs: recursive CTEs): the base term gives the first iteration's rows, the recursive term
 * is run over the previous iteration's rows until it gives none, and the CTE is every iteration's rows (UNION ALL).
 * H2 2.3.232 does not see a recursive CTE's own table from inside a derived table, where every scan of the
 * translation sits, so the iterations are run by {@link RecursiveRuntime}: the base and recursive terms are each a
 * statement of their own, the recursive term reading the previous iteration as an array of ROWs given as parameter.
 */
final class RecursiveCtes {
    private RecursiveCtes() {
    }

    /** The SELECT of the CTE's rows, its columns named by the recursive scan's column ids. */
    static String rows(ResolvedRecursiveScan scan, ResolvedTranslator t) {
        if (scan.getOpType() != RecursiveSetOperationType.UNION_ALL) {
            // BigQuery's recursive union operator is UNION ALL (BigQuery docs: WITH clause, recursive CTEs).
            throw ResolvedTranslator.refuse("WITH RECURSIVE with UNION DISTINCT");
        }
        if (scan.getRecursionDepthModifier() != null) {
            throw ResolvedTranslator.refuse("WITH RECURSIVE … WITH DEPTH");
        }
        if (!OuterColumns.of(List.of(scan)).isEmpty()) {
            throw ResolvedTranslator.refuse("a recursive CTE that reads columns of an outer query");
        }
        ResolvedSetOperationItem base = scan.getNonRecursiveTerm();
        ResolvedSetOperationItem step = scan.getRecursiveTerm();
        String baseSql = t.isolatedRows(base.getScan(), base.getOutputColumnList());
        String stepSql = t.withRecursion(scan, () -> t.isolatedRows(step.getScan(), step.getOutputColumnList()));
        String iterations = ResolvedFunctions.call("recursive_rows", Literals.string(baseSql), Literals.string(stepSql));
        return select(scan, scan.getColumnList(), "CAST(" + iterations + " AS " + rowType(scan) + " ARRAY)", t);
    }

    /** The recursive term's self-reference: the previous iteration's rows, the statement's one parameter. */
    static String previousIteration(ResolvedRecursiveScan scan, ResolvedRecursiveRefScan ref, ResolvedTranslator t) {
        return select(scan, ref.getColumnList(), "CAST(? AS " + rowType(scan) + " ARRAY)", t);
    }

    private static String select(ResolvedRecursiveScan scan, List<ResolvedColumn> as, String rows, ResolvedTranslator t) {
        String alias = t.alias();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            select.add("(" + alias + ".\"r\")." + ResolvedTranslator.col(scan.getColumnList().get(i)) + " AS "
                    + ResolvedTranslator.col(as.get(i)));
        }
        return "SELECT " + (select.isEmpty() ? "TRUE AS \"_\"" : String.join(", ", select)) + " FROM UNNEST(" + rows
                + ") AS " + alias + "(\"r\")";
    }

    /** One iteration's row: a ROW whose fields are named after the CTE's column ids. */
    private static String rowType(ResolvedRecursiveScan scan) {
        List<String> fields = new ArrayList<>();
        for (ResolvedColumn column : scan.getColumnList()) {
            fields.add(ResolvedTranslator.col(column) + " " + ResolvedTranslator.h2Type(column.getType()));
        }
        return "ROW(" + String.join(", ", fields) + ")";
    }
}
