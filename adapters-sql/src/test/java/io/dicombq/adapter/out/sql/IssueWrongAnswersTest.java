package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The eight wrong answers the hand-written engine gave (issue 13), each now BigQuery's answer or error. */
class IssueWrongAnswersTest {
    private static H2Warehouse warehouse;
    private static H2QueryEngine engine;

    @BeforeAll
    static void open() {
        warehouse = H2Warehouse.inMemory("wrong-answers-" + UUID.randomUUID());
        engine = new H2QueryEngine(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static QueryResult query(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project"));
    }

    private static Object value(String expression) {
        return query("SELECT " + expression + " AS v").rows().get(0).get("v");
    }

    private static void assertInvalid(String expression, String message) {
        assertThatThrownBy(() -> value(expression)).isInstanceOf(DicombqException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void ifnullCoalesceAndCaseTakeTheSupertypeFloat64() {
        QueryResult result = query("SELECT IFNULL(x, 2.5) AS a, COALESCE(x, 2.5) AS b, CASE WHEN x > 0 THEN x ELSE 2.5 END AS c,"
                + " IFNULL(y, 2.5) AS d FROM (SELECT CAST(NULL AS INT64) AS x, 3 AS y)");

        assertThat(result.rows().get(0).values()).containsEntry("a", 2.5).containsEntry("b", 2.5).containsEntry("c", 2.5)
                .containsEntry("d", 3.0);
        assertThat(result.schema().columns()).allSatisfy(c -> assertThat(c.type()).isEqualTo(ColumnType.FLOAT));
    }

    @Test
    void caseWithAValueTakesTheSupertypeToo() {
        QueryResult result = query("SELECT CASE 1 WHEN 1 THEN 5 ELSE 3.7 END AS v");

        assertThat(result.rows().get(0).get("v")).isEqualTo(5.0);
        assertThat(result.schema().column("v").type()).isEqualTo(ColumnType.FLOAT);
    }

    @Test
    void jsonQueryOfANullMemberInAStringIsNull() {
        assertThat(value("JSON_QUERY('{\"a\":null}', '$.a')")).isNull();
        assertThat(value("JSON_QUERY('{\"a\":{\"b\":1}}', '$.a')")).isEqualTo("{\"b\":1}");
    }

    @Test
    void castOfAFloatOutsideInt64FailsInsteadOfClamping() {
        assertInvalid("CAST(9223372036854775754.5 AS INT64)", "int64 out of range");
        assertThat(value("SAFE_CAST(9223372036854775754.5 AS INT64)")).isNull();
        assertThat(value("CAST(-2.5 AS INT64)")).isEqualTo(-3L);
    }

    @Test
    void float64OverflowIsAnError() {
        assertInvalid("1e300 / 1e-300", "Floating point overflow");
        assertInvalid("1e308 * 10", "Floating point overflow");
        assertInvalid("1.5 / 0", "division by zero");
        assertThat(value("SAFE_DIVIDE(1e300, 1e-300)")).isNull();
        assertThat(value("CAST('inf' AS FLOAT64) / 2")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void nanComparesUnequalToEverything() {
        assertThat(value("CAST('NaN' AS FLOAT64) BETWEEN 1 AND NULL")).isEqualTo(false);
        assertThat(value("CAST('NaN' AS FLOAT64) > 1")).isEqualTo(false);
        assertThat(value("CAST('NaN' AS FLOAT64) = CAST('NaN' AS FLOAT64)")).isEqualTo(false);
        assertThat(value("CAST('NaN' AS FLOAT64) != CAST('NaN' AS FLOAT64)")).isEqualTo(true);
    }

    @Test
    void selectWithoutFromAndTheSafePrefixRun() {
        assertThat(value("1")).isEqualTo(1L);
        assertThat(value("SAFE.LOWER('A')")).isEqualTo("a");
        assertThat(value("SAFE.SUBSTR('abc', 1, -1)")).isNull();
        assertInvalid("SAFE.LPAD('abc', -1)", "SAFE.LPAD is not supported by the embedded warehouse");
    }
}
