package io.dicombq.adapter.out.sql;

import java.util.List;

/** A class of static methods installed as H2 functions under the names it lists (see {@link BigQueryFunctions#install}). */
record RuntimeClass(Class<?> owner, String[][] names) {
    /** The statistical aggregates, mathematics, array and JSON functions of issue 13 (not DETERMINISTIC). */
    static final List<RuntimeClass> AGGREGATE_MATH_ARRAY_JSON = List.of(
            new RuntimeClass(AggregateRuntime.class, AggregateRuntime.NAMES),
            new RuntimeClass(TrigonometricRuntime.class, TrigonometricRuntime.NAMES),
            new RuntimeClass(IntegerRuntime.class, IntegerRuntime.NAMES),
            new RuntimeClass(ArrayRuntime.class, ArrayRuntime.NAMES),
            new RuntimeClass(JsonDocumentRuntime.class, JsonDocumentRuntime.NAMES),
            new RuntimeClass(JsonBuildRuntime.class, JsonBuildRuntime.NAMES),
            new RuntimeClass(JsonMutateRuntime.class, JsonMutateRuntime.NAMES),
            new RuntimeClass(JsonLaxRuntime.class, JsonLaxRuntime.NAMES));
}
