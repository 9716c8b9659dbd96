package io.dicombq.adapter.out.sql;

import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SUM and AVG over FLOAT64 add the values' exact binary values and round once, and PERCENTILE_CONT weighs as the
 * reference does in long double, giving ZetaSQL's reference implementation's answers to the last bit, which the differential test's 12 significant digits do not see
 * (specification 6.1). Adding the values' shortest decimal forms instead gave 0.3 for 0.1 + 0.2, and 0.15 for their mean.
 */
class FloatAggregatesTest {
    private static H2Warehouse warehouse;
    private static H2QueryEngine engine;
    private static SimpleCatalog catalog;

    @BeforeAll
    static void open() {
        warehouse = H2Warehouse.inMemory("float-sum-" + UUID.randomUUID());
        engine = new H2QueryEngine(warehouse);
        catalog = new SimpleCatalog("oracle");
        catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(ZetaSqlFrontEnd.bigQueryLanguage()));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT SUM(x) AS s FROM UNNEST([0.1, 0.2]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([0.1, 0.2, 0.3]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([1e300, 1.0, -1e300]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([1e308, 1e308, -1e308]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([5e-324, 5e-324, 0.1]) AS x",
        "SELECT SUM(DISTINCT x) AS s FROM UNNEST([0.1, 0.2, 0.2]) AS x",
        "SELECT SAFE.SUM(x) AS s FROM UNNEST([0.1, 0.2]) AS x",
        "SELECT SAFE.SUM(x) AS s FROM UNNEST([1.7e308, 1.7e308]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([CAST('inf' AS FLOAT64), CAST('-inf' AS FLOAT64)]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([CAST('-inf' AS FLOAT64), 0.1]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([CAST('nan' AS FLOAT64), 0.1]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST([-0.0, -0.0]) AS x",
        "SELECT SUM(x) AS s FROM UNNEST(CAST([] AS ARRAY<FLOAT64>)) AS x",
        "SELECT SUM(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM UNNEST([0.1, 0.2, 0.3]) AS x",
        "SELECT SUM(x) OVER (ORDER BY x) AS s FROM UNNEST([0.1, 0.2, 0.3, 0.7]) AS x",
    })
    void theSumIsTheReferenceImplementationsToTheLastBit(String sql) {
        assertThat(bits(engineValues(sql))).isEqualTo(bits(referenceValues(sql)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT AVG(x) AS s FROM UNNEST([0.1, 0.2]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([0.1, 0.2, 0.3]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([0.1, 0.7, 1e-5, 3.3, 2.25, -8.125]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([1e308, 1e308, 1e308]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([1.7976931348623157e308, 1.7976931348623157e308]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([-1.7976931348623157e308, -1.7976931348623157e308]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([5e-324, 0.0]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([1.5e-323, 0.0]) AS x",
        "SELECT AVG(DISTINCT x) AS s FROM UNNEST([0.1, 0.2, 0.2]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([-0.0, -0.0]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([-1.0, 1.0]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([CAST('nan' AS FLOAT64), 0.1]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([CAST('inf' AS FLOAT64), CAST('-inf' AS FLOAT64)]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([1.0, CAST('inf' AS FLOAT64)]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST(CAST([] AS ARRAY<FLOAT64>)) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([1, 2, 4]) AS x",
        "SELECT AVG(x) AS s FROM UNNEST([9007199254740993, 9007199254740993, 1]) AS x",
        "SELECT SAFE.AVG(x) AS s FROM UNNEST([0.1, 0.2]) AS x",
        "SELECT AVG(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM UNNEST([0.1, 0.2, 0.3]) AS x",
        "SELECT AVG(x) OVER (ORDER BY x) AS s FROM UNNEST([0.1, 0.2, 0.3, 0.7]) AS x",
    })
    void theMeanIsTheReferenceImplementationsToTheLastBit(String sql) {
        assertThat(bits(engineValues(sql))).isEqualTo(bits(referenceValues(sql)));
    }

    /** PERCENTILE_CONT's weights and interpolation are the reference's long double ones ({@link ExtendedPrecision}). */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT PERCENTILE_CONT(x, 0.1) OVER () AS s FROM UNNEST(GENERATE_ARRAY(1, 10)) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.77) OVER () AS s FROM UNNEST([0.1, -0.6, 62.38, 1e-7, 3.3]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.3) OVER () AS s FROM UNNEST([0.1, 0.2, 0.3, 0.7, 1.1, 1.3]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.3333333333333333) OVER () AS s FROM UNNEST([1e300, -1e300, 7.5, 0.125]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.999) OVER () AS s FROM UNNEST([1.0, 1.0000000000000002, 3.0]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.6) OVER () AS s FROM UNNEST([-1.5, -0.1, -0.2]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.45 RESPECT NULLS) OVER () AS s FROM UNNEST([NULL, 0.1, 0.7, NULL, 2.9]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.5) OVER () AS s FROM UNNEST([0.1, 0.2, CAST('nan' AS FLOAT64)]) AS x LIMIT 1",
        "SELECT PERCENTILE_CONT(x, 0.9) OVER () AS s FROM UNNEST([0.1, CAST('inf' AS FLOAT64)]) AS x LIMIT 1",
    })
    void percentileContIsTheReferenceImplementationsToTheLastBit(String sql) {
        assertThat(bits(engineValues(sql))).isEqualTo(bits(referenceValues(sql)));
    }

    /**
     * The reference's running mean (Knuth's, in long double) turns [+inf, 1] into NaN and [1, +inf] into +inf; BigQuery
     * allows either for an infinity (docs, AVG), and the engine answers as IEEE 754 adds the values, whatever their order.
     */
    @Test
    void aMeanWithOneInfinityIsThatInfinityInAnyOrder() {
        assertThat(engineValues("SELECT AVG(x) AS s FROM UNNEST([CAST('inf' AS FLOAT64), 1.0]) AS x"))
                .containsExactly(Double.POSITIVE_INFINITY);
        assertThat(engineValues("SELECT AVG(x) AS s FROM UNNEST([CAST('-inf' AS FLOAT64), 1.0, 2.0]) AS x"))
                .containsExactly(Double.NEGATIVE_INFINITY);
    }

    /**
     * The reference's running mean loses 1.0 beside 1e300 (its 64-bit significand) and answers 0 for [1e300, 1, -1e300],
     * and another order of the same rows gives another answer there; the engine answers the exact mean, rounded once,
     * whatever the order (BigQuery docs: AVG over FLOAT64 is non-deterministic). docs/sql.md says so.
     */
    @Test
    void aMeanIsExactWhereTheReferencesRunningMeanCancels() {
        assertThat(engineValues("SELECT AVG(x) AS s FROM UNNEST([1e300, 1.0, -1e300]) AS x")).containsExactly(1.0 / 3);
        assertThat(referenceValues("SELECT AVG(x) AS s FROM UNNEST([1e300, 1.0, -1e300]) AS x")).containsExactly(0.0);
        assertThat(engineValues("SELECT AVG(x) AS s FROM UNNEST([1.0, 1e300, -1e300]) AS x")).containsExactly(1.0 / 3);
    }

    /** Legacy SQL's SUM and AVG over a FLOAT column take the same rule (the hand-written parser's own path). */
    @Test
    void legacySqlSumsAndAveragesTheSameWay() {
        warehouse.createDataset("my-project", "floats");
        TableUri uri = new TableUri("my-project", "floats", "f");
        warehouse.createTable(uri, TableSchema.of(Column.of("x", ColumnType.FLOAT, Mode.NULLABLE)));
        warehouse.insertRows(uri, List.of(Row.of(Map.of("x", 0.1)), Row.of(Map.of("x", 0.2))));

        Row row = engine.query(new QueryRequest("SELECT SUM(x) AS s, AVG(x) AS a FROM [my-project:floats.f]", "my-project",
                Map.of(), true)).rows().get(0);

        assertThat(row.get("s")).isEqualTo(0.1 + 0.2);
        assertThat(row.get("a")).isEqualTo((0.1 + 0.2) / 2);
    }

    private static List<Double> engineValues(String sql) {
        List<Double> values = new ArrayList<>();
        for (Row row : engine.query(QueryRequest.of(sql, "my-project")).rows()) {
            values.add((Double) row.get("s"));
        }
        return values;
    }

    private static List<Double> referenceValues(String sql) {
        try (PreparedQuery query = PreparedQuery.builder().setSql(sql)
                .setAnalyzerOptions(ZetaSqlFrontEnd.analyzerOptions(ZetaSqlFrontEnd.bigQueryLanguage()))
                .setCatalog(catalog).prepare()) {
            List<Double> values = new ArrayList<>();
            for (List<Value> row : query.execute(Map.of()).getTableData()) {
                values.add(row.get(0).isNull() ? null : row.get(0).getDoubleValue());
            }
            return values;
        }
    }

    /** Each value as its bits (NaN as one value), so that 0.3 and 0.30000000000000004 differ and -0.0 is not 0.0. */
    private static List<String> bits(List<Double> values) {
        return values.stream().map(v -> v == null ? "NULL" : Long.toHexString(Double.doubleToLongBits(v))).toList();
    }
}
