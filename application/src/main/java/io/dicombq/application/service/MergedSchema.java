package io.dicombq.application.service;

import io.dicombq.domain.schema.TableSchema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The union of every instance schema seen so far in one pass, shared by the workers that map instances in parallel.
 * The union is commutative and associative and sorted canonically (SchemaMerger, specification 3.1 tag order), so the
 * final schema does not depend on which thread merged first. An unchanged union keeps its identity, so the writer
 * can tell cheaply which rows were fitted to which schema.
 */
final class MergedSchema {
    /** Instance schemas already known to be inside the union; bounded, as each can hold hundreds of columns. */
    private static final int COVERED_LIMIT = 64;

    private final ExportMapping mapping;
    private final AtomicReference<TableSchema> current;
    /**
     * A schema inside the union stays inside every later union (merge(merge(u, x), s) = merge(merge(u, s), x)), so
     * this set only grows until it is trimmed.
     */
    private final Map<TableSchema, Boolean> covered = new ConcurrentHashMap<>();

    MergedSchema(ExportMapping mapping, TableSchema seed) {
        this.mapping = mapping;
        this.current = new AtomicReference<>(seed);
    }

    TableSchema current() {
        return current.get();
    }

    /**
     * Adds an instance's schema and returns a union that contains it (the current one when it already did).
     * FAILED_PRECONDITION past BigQuery's column limit.
     */
    TableSchema include(TableSchema instance) {
        if (covered.containsKey(instance)) {
            // read after the check: the union that took this schema in was published before it was remembered
            return current.get();
        }
        TableSchema before = current.get();
        while (true) {
            TableSchema merged = mapping.union(before, instance);
            if (merged == before || merged.equals(before)) {
                remember(instance);
                return before;
            }
            if (current.compareAndSet(before, merged)) {
                remember(instance);
                return merged;
            }
            before = current.get();
        }
    }

    private void remember(TableSchema instance) {
        if (covered.size() >= COVERED_LIMIT) {
            covered.clear();
        }
        covered.put(instance, Boolean.TRUE);
    }
}
