package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumnBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInlineLambda;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedScan;
import com.google.zetasql.resolvedast.ResolvedNodes.Visitor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns a part of a resolved statement reads from the query around it: those referenced but not produced
 * inside it (by its scans, a computed column, a lambda's arguments). A part with none can run as a statement of its
 * own; one with some needs them given.
 */
final class OuterColumns {
    private OuterColumns() {
    }

    /** Each such column by id (ascending), with one reference to it. */
    static Map<Long, ResolvedColumnRef> of(List<? extends ResolvedNode> nodes) {
        Map<Long, ResolvedColumnRef> referenced = new TreeMap<>();
        Set<Long> produced = new HashSet<>();
        Visitor visitor = new Visitor() {
            @Override
            protected void defaultVisit(ResolvedNode node) {
                if (node instanceof ResolvedScan) {
                    ((ResolvedScan) node).getColumnList().forEach(c -> produced.add(c.getId()));
                } else if (node instanceof ResolvedComputedColumnBase) {
                    produced.add(((ResolvedComputedColumnBase) node).getColumn().getId());
                } else if (node instanceof ResolvedInlineLambda) {
                    ((ResolvedInlineLambda) node).getArgumentList().forEach(c -> produced.add(c.getId()));
                } else if (node instanceof ResolvedColumnRef) {
                    referenced.putIfAbsent(((ResolvedColumnRef) node).getColumn().getId(), (ResolvedColumnRef) node);
                }
                super.defaultVisit(node);
            }
        };
        nodes.forEach(n -> n.accept(visitor));
        produced.forEach(referenced::remove);
        return referenced;
    }
}
