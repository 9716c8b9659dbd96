package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSubqueryExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowPartitioning;
import com.google.zetasql.resolvedast.ResolvedSubqueryExprEnums.SubqueryType;

/**
 * The value types that travel through H2 as their text (INTERVAL, RANGE), whose text does not order, group or compare
 * as BigQuery orders, groups and compares the values: a query that would do so is refused by name.
 */
final class UnorderedValues {
    private UnorderedValues() {
    }

    /**
     * Refuses grouping, ordering, partitioning, DISTINCT set operations and IN subqueries over INTERVAL values, and
     * over RANGE values (ordered by their bounds, which their text is not: BigQuery docs, range type).
     */
    static void refuseIn(ResolvedStatement statement) {
        statement.accept(new ResolvedNodes.Visitor() {
            @Override
            public void visit(ResolvedAggregateScan scan) {
                for (ResolvedComputedColumn key : scan.getGroupByList()) {
                    refuseIfHeld(key.getColumn().getType(), "GROUP BY or DISTINCT");
                }
                super.visit(scan);
            }

            @Override
            public void visit(ResolvedOrderByItem item) {
                refuseIfHeld(item.getColumnRef().getType(), "ORDER BY");
                super.visit(item);
            }

            @Override
            public void visit(ResolvedWindowPartitioning partitioning) {
                for (ResolvedColumnRef ref : partitioning.getPartitionByList()) {
                    refuseIfHeld(ref.getType(), "PARTITION BY");
                }
                super.visit(partitioning);
            }

            @Override
            public void visit(ResolvedSetOperationScan scan) {
                if (!scan.getOpType().name().equals("UNION_ALL")) {
                    scan.getColumnList().forEach(c -> refuseIfHeld(c.getType(), scan.getOpType().name().replace('_', ' ')));
                }
                super.visit(scan);
            }

            @Override
            public void visit(ResolvedSubqueryExpr subquery) {
                if (subquery.getSubqueryType() == SubqueryType.IN) {
                    refuseIfHeld(subquery.getInExpr().getType(), "IN (subquery)");
                }
                super.visit(subquery);
            }
        });
    }

    private static void refuseIfHeld(Type type, String where) {
        if (ZetaTypes.holds(type, Type::isInterval)) {
            throw ResolvedTranslator.refuse(where + " over INTERVAL values");
        }
        if (ZetaTypes.holds(type, Type::isRange)) {
            throw ResolvedTranslator.refuse(where + " over RANGE values");
        }
    }
}
