package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Temporary SQL functions: a script of {@code CREATE TEMP FUNCTION} statements and one query (BigQuery docs:
 * user-defined functions), with the results BigQuery's documentation gives for its examples.
 */
class TemporaryFunctionsTest {
    private static final String T = "`my-project.d.t`";
    private final H2Warehouse warehouse = H2Warehouse.inMemory("udf-" + UUID.randomUUID(), Clock.systemUTC());
    private final QueryEngine engine = new H2QueryEngine(warehouse);

    @BeforeEach
    void load() {
        warehouse.createDataset("my-project", "d");
        TableUri t = new TableUri("my-project", "d", "t");
        warehouse.createTable(t, TableSchema.of(Column.of("x", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("y", ColumnType.FLOAT, Mode.NULLABLE)));
        warehouse.insertRows(t, List.of(Row.of(Map.of("x", 1L, "y", 2.0)), Row.of(Map.of("x", 3L, "y", 4.0)),
                Row.of(Map.of())));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private QueryResult query(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project"));
    }

    private List<Object> column(String sql) {
        QueryResult result = query(sql);
        String name = result.schema().columns().get(0).name();
        List<Object> values = new ArrayList<>();
        for (Row row : result.rows()) {
            values.add(row.get(name));
        }
        return values;
    }

    @Test
    void scriptsOfTemporaryFunctionsRunTheirQuery() {
        assertThat(column("CREATE TEMP FUNCTION Add(x INT64, y INT64) AS (x + y);\nSELECT Add(3, 4);")).containsExactly(7L);
        // BigQuery docs, user-defined functions: the RETURNS type coerces the body's value
        assertThat(column("CREATE TEMP FUNCTION AddFourAndDivide(x INT64, y INT64)\nRETURNS FLOAT64\nAS ((x + 4) / y);\n"
                + "SELECT AddFourAndDivide(val, 2) FROM UNNEST([2,3,5,8]) AS val ORDER BY val")).containsExactly(3.0, 3.5, 4.5, 6.0);
        // a function calling an earlier one; NULL in, NULL out as the body gives it
        assertThat(column("CREATE TEMP FUNCTION g(a INT64) AS (a * 10);\nCREATE TEMPORARY FUNCTION h(a INT64) AS (g(a) + 1);\n"
                + "SELECT h(x) FROM " + T + " ORDER BY x")).containsExactly(null, 11L, 31L);
        assertThat(column("CREATE TEMP FUNCTION f(s STRING) RETURNS STRING AS (CONCAT(s, '!'));\nSELECT f(NULL)"))
                .containsExactly((Object) null);
    }

    @Test
    void templatedArgumentsAreTypedAtEachCall() {
        QueryResult result = query("CREATE TEMP FUNCTION triple(a ANY TYPE) AS (a + a * 2);\n"
                + "SELECT triple(x) AS fx, triple(y) AS fy FROM " + T + " WHERE x = 3");
        assertThat(result.schema().column("fx").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(result.schema().column("fy").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(result.rows()).containsExactly(Row.of(Map.of("fx", 9L, "fy", 12.0)));
        assertThat(column("CREATE TEMP FUNCTION firstOf(arr ANY TYPE) AS (arr[SAFE_OFFSET(0)]);\n"
                + "SELECT firstOf(['a', 'b'])")).containsExactly("a");
    }

    @Test
    void anArgumentReadTwiceIsEvaluatedOnce() {
        assertThat(column("CREATE TEMP FUNCTION zero(a ANY TYPE) AS (a - a);\n"
                + "SELECT COUNTIF(zero(RAND()) != 0) FROM UNNEST(GENERATE_ARRAY(1, 500)) n")).containsExactly(0L);
        assertThat(column("CREATE TEMP FUNCTION same(a STRING) AS (a = a);\n"
                + "SELECT LOGICAL_AND(same(GENERATE_UUID())) FROM UNNEST(GENERATE_ARRAY(1, 500)) n")).containsExactly(true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE FUNCTION d.f(x INT64) AS (x); SELECT 1|CREATE FUNCTION without TEMP (a persistent function, d.f) is not supported",
        "CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS 'return x;'; SELECT f(1)|A function in LANGUAGE js (f) is not supported",
        "CREATE TEMP AGGREGATE FUNCTION f(x INT64) AS (SUM(x)); SELECT 1|An aggregate function (CREATE TEMP AGGREGATE FUNCTION f) is not supported",
        "CREATE TEMP TABLE FUNCTION f() AS (SELECT 1 AS x); SELECT 1|A script (several statements",
        "CREATE TEMP FUNCTION f() AS (1); CREATE TEMP FUNCTION f() AS (2); SELECT f()|A second CREATE TEMP FUNCTION f without OR REPLACE is not supported",
        "SELECT 1; SELECT 2|A script (several statements",
        "CREATE TEMP FUNCTION upper(x STRING) AS (CONCAT(x, '!')); SELECT upper('a')|A temporary function named like the function UPPER the catalog already has is not supported",
        "CREATE TEMP FUNCTION Contains_Substr(x STRING) AS (x); SELECT 1|A temporary function named like the function CONTAINS_SUBSTR",
        "CREATE TEMP FUNCTION f() AS (1); SELECT f(); SELECT 2|A script (several statements",
        "CREATE TEMP FUNCTION zero(a ANY TYPE) AS (a - a); SELECT zero(RAND() * x) FROM `my-project.d.t`|a correlated subquery",
    })
    void otherFunctionsAndScriptsAreRefusedByName(String sql, String named) {
        assertThatThrownBy(() -> query(sql)).isInstanceOf(DicombqException.class).hasMessageContaining(named)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void aTemporaryFunctionsNameHasNoDatasetOrProject() {
        assertThatThrownBy(() -> query("CREATE TEMP FUNCTION `my-project.d.f`(x INT64) AS (x); SELECT 1"))
                .isInstanceOf(DicombqException.class)
                .hasMessage("The name of a temporary function cannot contain '.': my-project.d.f; give it a name without"
                        + " a dataset or project, or create a persistent function");
        assertThatThrownBy(() -> query("CREATE TEMP FUNCTION d.f(x INT64) AS (x); SELECT d.f(1)"))
                .isInstanceOf(DicombqException.class).hasMessageStartingWith("The name of a temporary function cannot contain '.': d.f;");
    }

    @Test
    void anInvalidFunctionKeepsTheAnalyzersErrorAndPosition() {
        assertThatThrownBy(() -> query("CREATE TEMP FUNCTION f(x INT64)\nAS (x + 'a');\nSELECT f(1)"))
                .isInstanceOf(DicombqException.class).hasMessage("Could not cast literal \"a\" to type DATE [at 2:9]");
        assertThatThrownBy(() -> query("CREATE TEMP FUNCTION f(x INT64) AS (x);\nSELECT f('a')"))
                .isInstanceOf(DicombqException.class).hasMessageContaining("No matching signature for function f")
                .hasMessageEndingWith("[at 2:8]");
    }
}
