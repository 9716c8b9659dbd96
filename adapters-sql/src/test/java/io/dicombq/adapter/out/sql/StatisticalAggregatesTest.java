package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the differential suite cannot hold to the reference implementation, which has no approximate aggregates and
 * whose ANY_VALUE does not skip NULLs: BigQuery's examples (BigQuery docs: approximate aggregate functions,
 * ANY_VALUE) and the refusals past what is provably BigQuery's answer.
 */
class StatisticalAggregatesTest {
    private final H2Warehouse warehouse = H2Warehouse.inMemory("statistics-" + UUID.randomUUID());
    private final H2QueryEngine engine = new H2QueryEngine(warehouse);

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Object value(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project")).rows().get(0).get("v");
    }

    @Test
    void approxCountDistinctIsTheExactCountOfAFewValues() {
        assertThat(value("SELECT APPROX_COUNT_DISTINCT(x) AS v FROM UNNEST([0, 1, 1, 2, 3, 5]) AS x")).isEqualTo(5L);
        assertThat(value("SELECT APPROX_COUNT_DISTINCT(x) AS v FROM UNNEST(ARRAY<STRING>[]) AS x")).isEqualTo(0L);
        assertThat(value("SELECT APPROX_COUNT_DISTINCT(x) AS v FROM UNNEST(GENERATE_ARRAY(1, "
                + StatisticalAggregates.EXACT_APPROX_COUNT + ")) AS x")).isEqualTo(StatisticalAggregates.EXACT_APPROX_COUNT);
    }

    @Test
    void approxCountDistinctOfManyValuesIsRefusedByName() {
        assertThatThrownBy(() -> value("SELECT APPROX_COUNT_DISTINCT(x) AS v FROM UNNEST(GENERATE_ARRAY(1, "
                + (StatisticalAggregates.EXACT_APPROX_COUNT + 1) + ")) AS x"))
                .isInstanceOf(DicombqException.class)
                .hasMessageContaining("APPROX_COUNT_DISTINCT over more than 32 distinct values")
                .hasMessageContaining("is not supported by the embedded warehouse");
    }

    @Test
    void approxCountDistinctRunsOverAWindow() {
        assertThat(engine.query(QueryRequest.of("SELECT APPROX_COUNT_DISTINCT(x) OVER () AS v FROM UNNEST([1, 1, 2]) AS x",
                "my-project")).rows()).extracting(row -> row.get("v")).containsExactly(2L, 2L, 2L);
    }

    private java.util.List<Object> values(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project")).rows().stream().map(row -> row.get("v")).toList();
    }

    private static java.util.Map<String, Object> entry(String field, Object value, String total, Object amount) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(field, value);
        map.put(total, amount);
        return map;
    }

    private static java.util.List<java.util.Map<String, Object>> entries(Object value) {
        java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
        for (Object element : (java.util.List<?>) value) {
            io.dicombq.domain.schema.Row row = (io.dicombq.domain.schema.Row) element;
            out.add(entry("value", row.get("value"), row.values().containsKey("count") ? "count" : "sum",
                    row.values().containsKey("count") ? row.get("count") : row.get("sum")));
        }
        return out;
    }

    @Test
    void approxQuantilesAreTheExactBoundariesOfBigQuerysExamples() {
        assertThat(value("SELECT APPROX_QUANTILES(x, 2) AS v FROM UNNEST([1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(java.util.List.of(1L, 5L, 10L));
        assertThat(value("SELECT APPROX_QUANTILES(x, 100)[OFFSET(90)] AS v FROM UNNEST([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(9L);
        assertThat(value("SELECT APPROX_QUANTILES(DISTINCT x, 2) AS v FROM UNNEST([1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(java.util.List.of(1L, 6L, 10L));
        // [NULL, 4, 10] and [NULL, 6, 10]: a result array cannot hold NULL, so their elements are read one by one
        assertThat(value("SELECT APPROX_QUANTILES(x, 2 RESPECT NULLS)[OFFSET(1)] AS v FROM UNNEST([NULL, NULL, 1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(4L);
        assertThat(value("SELECT APPROX_QUANTILES(DISTINCT x, 2 RESPECT NULLS)[OFFSET(1)] AS v FROM UNNEST([NULL, NULL, 1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(6L);
        assertThat(value("SELECT APPROX_QUANTILES(x, 2 RESPECT NULLS)[OFFSET(0)] IS NULL AS v FROM UNNEST([NULL, NULL, 1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x"))
                .isEqualTo(true);
        assertThat(value("SELECT APPROX_QUANTILES(x, 3) AS v FROM UNNEST(['b', NULL, 'a', 'd', 'c']) AS x"))
                .isEqualTo(java.util.List.of("a", "b", "c", "d"));
        assertThat(value("SELECT APPROX_QUANTILES(x, 2) IS NULL AS v FROM UNNEST(ARRAY<INT64>[NULL]) AS x")).isEqualTo(true);
        // RESPECT NULLS over NULLs only: boundaries that are NULL (ZetaSQL's compliance tests)
        assertThat(value("SELECT ARRAY_LENGTH(APPROX_QUANTILES(x, 1 RESPECT NULLS)) AS v FROM UNNEST(ARRAY<INT64>[NULL, NULL]) AS x")).isEqualTo(2L);
        assertThat(value("SELECT APPROX_QUANTILES(x, 1 RESPECT NULLS)[OFFSET(1)] AS v FROM UNNEST([1, NULL, 1, NULL, NULL]) AS x")).isEqualTo(1L);
        assertThat(value("SELECT APPROX_QUANTILES(x, 2) IS NULL AS v FROM UNNEST(ARRAY<INT64>[]) AS x")).isEqualTo(true);
    }

    @Test
    void approxQuantilesWithANullBoundaryInTheResultIsBigQuerysOwnError() {
        // The function reference prints [NULL, 4, 10], but BigQuery cannot write an array holding NULL into a result
        // (BigQuery docs: data types, array type), the one rule for every result array here (docs/sql.md)
        assertThatThrownBy(() -> value("SELECT APPROX_QUANTILES(x, 2 RESPECT NULLS) AS v FROM UNNEST([NULL, NULL, 1, 4, 10]) AS x"))
                .isInstanceOf(DicombqException.class).hasMessageStartingWith("Array cannot have a null element");
        assertThat(value("SELECT ARRAY_TO_STRING(ARRAY(SELECT IFNULL(CAST(q AS STRING), 'NULL') FROM UNNEST(qs) AS q"
                + " WITH OFFSET o ORDER BY o), ',') AS v FROM (SELECT APPROX_QUANTILES(x, 2 RESPECT NULLS) AS qs"
                + " FROM UNNEST([NULL, NULL, 1, 1, 1, 4, 5, 6, 7, 8, 9, 10]) AS x)")).isEqualTo("NULL,4,10");
    }

    @Test
    void approxTopCountAndSumAreExactOnBigQuerysExamples() {
        assertThat(entries(value("SELECT APPROX_TOP_COUNT(x, 2) AS v FROM UNNEST(['apple', 'apple', 'pear', 'pear', 'pear', 'banana']) AS x")))
                .containsExactly(entry("value", "pear", "count", 3L), entry("value", "apple", "count", 2L));
        assertThat(entries(value("SELECT APPROX_TOP_COUNT(x, 2) AS v FROM UNNEST([NULL, 'pear', 'pear', 'pear', 'apple', NULL]) AS x")))
                .containsExactly(entry("value", "pear", "count", 3L), entry("value", null, "count", 2L));
        assertThat(entries(value("SELECT APPROX_TOP_SUM(x, weight, 2) AS v FROM UNNEST([STRUCT('apple' AS x, 3 AS weight),"
                + " ('pear', 2), ('apple', 0), ('banana', 5), ('pear', 4)])")))
                .containsExactly(entry("value", "pear", "sum", 6L), entry("value", "banana", "sum", 5L));
        assertThat(entries(value("SELECT APPROX_TOP_SUM(x, weight, 2) AS v FROM UNNEST([STRUCT('apple' AS x, NULL AS weight), ('pear', 0), ('pear', NULL)])")))
                .containsExactly(entry("value", "pear", "sum", 0L), entry("value", "apple", "sum", null));
        assertThat(entries(value("SELECT APPROX_TOP_SUM(x, weight, 2) AS v FROM UNNEST([STRUCT('apple' AS x, 0 AS weight), (NULL, 2)])")))
                .containsExactly(entry("value", null, "sum", 2L), entry("value", "apple", "sum", 0L));
        assertThat(entries(value("SELECT APPROX_TOP_SUM(x, weight, 2) AS v FROM UNNEST([STRUCT('apple' AS x, 0 AS weight), (NULL, NULL)])")))
                .containsExactly(entry("value", "apple", "sum", 0L), entry("value", null, "sum", null));
        assertThat(entries(value("SELECT APPROX_TOP_SUM(x, w, 3) AS v FROM UNNEST([STRUCT('a' AS x, 0.5 AS w), ('b', 0.25), ('a', 1.0)])")))
                .containsExactly(entry("value", "a", "sum", 1.5), entry("value", "b", "sum", 0.25));
        assertThat(value("SELECT APPROX_TOP_COUNT(x, 2) IS NULL AS v FROM UNNEST(ARRAY<STRING>[]) AS x")).isEqualTo(true);
    }

    @Test
    void approximateAnswersBigQueryMayGiveDifferentlyAreRefusedByName() {
        for (String sql : java.util.List.of(
                "SELECT APPROX_QUANTILES(x, 2) AS v FROM UNNEST(GENERATE_ARRAY(1, 33)) AS x",
                "SELECT APPROX_QUANTILES(x, 2) AS v FROM UNNEST([1.0, CAST('NaN' AS FLOAT64)]) AS x",
                "SELECT APPROX_QUANTILES(x, " + (ApproximateRuntime.MOST_QUANTILES + 1) + ") AS v FROM UNNEST([1]) AS x",
                "SELECT APPROX_TOP_COUNT(x, 2) AS v FROM UNNEST(['apple', 'pear']) AS x",
                "SELECT APPROX_TOP_COUNT(x, 1) AS v FROM UNNEST(['apple', 'pear', 'fig', 'fig', 'pear']) AS x",
                "SELECT APPROX_TOP_COUNT(x, 1) AS v FROM UNNEST(GENERATE_ARRAY(1, 33)) AS x",
                "SELECT APPROX_TOP_SUM(x, w, 1) AS v FROM UNNEST([STRUCT('a' AS x, 0.1 AS w), ('a', 0.2), ('b', 0.0)])")) {
            assertThatThrownBy(() -> value(sql)).as(sql).isInstanceOf(DicombqException.class)
                    .hasMessageContaining("is not supported by the embedded warehouse");
        }
        assertThat(entries(value("SELECT APPROX_TOP_COUNT(x, 1) AS v FROM UNNEST(['apple', 'pear', 'fig', 'fig', 'pear', 'fig']) AS x")))
                .containsExactly(entry("value", "fig", "count", 3L));
    }

    @Test
    void approxTopSumFailsOnANegativeWeight() {
        assertThatThrownBy(() -> value("SELECT APPROX_TOP_SUM(x, w, 1) AS v FROM UNNEST([STRUCT('a' AS x, -1 AS w)])"))
                .isInstanceOf(DicombqException.class).hasMessageContaining("non-negative weight");
    }

    @Test
    void anyValueOverAWindowSkipsNulls() {
        assertThat(values("SELECT ANY_VALUE(x) OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS v"
                + " FROM UNNEST([NULL, 3, NULL, NULL, NULL]) AS x WITH OFFSET o ORDER BY o"))
                .containsExactly(3L, 3L, 3L, null, null);
    }
}
