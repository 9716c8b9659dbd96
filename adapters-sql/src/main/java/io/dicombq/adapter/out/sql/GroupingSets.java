package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCube;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSet;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSetBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSetMultiColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRollup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grouping sets of {@code GROUP BY ROLLUP | CUBE | GROUPING SETS}, each as the ids of the key columns it groups by
 * (BigQuery docs: GROUP BY clause): ROLLUP(a, b) is (a, b), (a), (); CUBE(a, b) every subset; a list of sets their
 * concatenation, repeats kept. The translator runs one aggregation per set and unites them (H2 has none of these).
 */
final class GroupingSets {
    /** More sets than this (CUBE of many columns) is refused rather than run as that many aggregations. */
    static final int MAX_SETS = 4096;

    private GroupingSets() {
    }

    /** Whether the aggregation has grouping sets at all. */
    static boolean present(ResolvedAggregateScan scan) {
        return !scan.getGroupingSetList().isEmpty() || !scan.getRollupColumnList().isEmpty();
    }

    static List<Set<Long>> of(ResolvedAggregateScan scan) {
        List<Set<Long>> sets = new ArrayList<>();
        if (scan.getGroupingSetList().isEmpty()) {
            // the older form: ROLLUP's columns on the scan itself
            List<List<ResolvedColumnRef>> columns = new ArrayList<>();
            for (ResolvedColumnRef ref : scan.getRollupColumnList()) {
                columns.add(List.of(ref));
            }
            rollup(columns, sets);
        }
        for (ResolvedGroupingSetBase set : scan.getGroupingSetList()) {
            if (set instanceof ResolvedGroupingSet) {
                sets.add(ids(((ResolvedGroupingSet) set).getGroupByColumnList()));
            } else if (set instanceof ResolvedRollup) {
                rollup(multi(((ResolvedRollup) set).getRollupColumnList()), sets);
            } else if (set instanceof ResolvedCube) {
                cube(multi(((ResolvedCube) set).getCubeColumnList()), sets);
            } else {
                throw ResolvedTranslator.refuse("grouping set " + ResolvedTranslator.describe(set));
            }
            if (sets.size() > MAX_SETS) {
                throw ResolvedTranslator.refuse("GROUP BY with more than " + MAX_SETS + " grouping sets");
            }
        }
        return sets;
    }

    private static List<List<ResolvedColumnRef>> multi(List<ResolvedGroupingSetMultiColumn> items) {
        List<List<ResolvedColumnRef>> columns = new ArrayList<>();
        for (ResolvedGroupingSetMultiColumn item : items) {
            columns.add(item.getColumnList());
        }
        return columns;
    }

    private static void rollup(List<List<ResolvedColumnRef>> items, List<Set<Long>> sets) {
        for (int n = items.size(); n >= 0; n--) {
            Set<Long> set = new LinkedHashSet<>();
            for (List<ResolvedColumnRef> item : items.subList(0, n)) {
                set.addAll(ids(item));
            }
            sets.add(set);
        }
    }

    private static void cube(List<List<ResolvedColumnRef>> items, List<Set<Long>> sets) {
        if (items.size() > 12) {
            throw ResolvedTranslator.refuse("CUBE of more than 12 columns");
        }
        for (int mask = (1 << items.size()) - 1; mask >= 0; mask--) {
            Set<Long> set = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.addAll(ids(items.get(i)));
                }
            }
            sets.add(set);
        }
    }

    private static Set<Long> ids(List<ResolvedColumnRef> refs) {
        Set<Long> ids = new LinkedHashSet<>();
        for (ResolvedColumnRef ref : refs) {
            ids.add(ref.getColumn().getId());
        }
        return ids;
    }
}
