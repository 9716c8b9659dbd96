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
 * What the differential suite cannot hold to the reference implementation, which has no APPROX_COUNT_DISTINCT:
 * BigQuery's example (BigQuery docs: approximate aggregate functions) and the refusal past the exact range.
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
}
