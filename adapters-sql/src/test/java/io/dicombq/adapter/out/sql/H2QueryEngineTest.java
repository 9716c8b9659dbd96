package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2QueryEngineTest {
    private static final String T = "`my-project.dicom.ct`";
    private final H2Warehouse warehouse = H2Warehouse.inMemory("engine-" + UUID.randomUUID());
    private final QueryEngine engine = new H2QueryEngine(warehouse);

    @BeforeEach
    void load() {
        warehouse.createDataset("my-project", "dicom");
        TableUri ct = new TableUri("my-project", "dicom", "ct");
        warehouse.createTable(ct, CtRows.schema());
        Map<String, Object> second = new LinkedHashMap<>(CtRows.instance(2, 1, 1, 7).values());
        second.put("ImageType", List.of("DERIVED", "SECONDARY"));
        second.put("ProcedureCodeSequence", List.of(
                Row.of(Map.of("CodeValue", "A1", "ModifierSequence", List.of(Row.of(Map.of("CodeValue", "M1")), Row.of(Map.of("CodeValue", "M2"))))),
                Row.of(Map.of("CodeValue", "B2", "ModifierSequence", List.of()))));
        second.put("PatientName", CtRows.name("Doe", null));
        warehouse.insertRows(ct, List.of(CtRows.instance(1, 1, 1, 1), Row.of(second)));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private QueryResult query(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project"));
    }

    private List<Object> column(String sql, String name) {
        return query(sql).rows().stream().map(r -> r.get(name)).toList();
    }

    @Test
    void nestedFieldAccessWithAndWithoutTheTableAlias() {
        assertThat(column("SELECT PatientName.Alphabetic.FamilyName FROM " + T + " ORDER BY 1", "FamilyName"))
                .containsExactly("CompressedSamples1", "Doe");
        assertThat(column("SELECT t.PatientName.Alphabetic.GivenName AS given FROM " + T + " t ORDER BY given", "given"))
                .containsExactly(null, "CT1");
    }

    @Test
    void unnestOfAScalarArrayWithOffset() {
        QueryResult result = query("SELECT t.InstanceNumber, it, o FROM " + T + " t, UNNEST(t.ImageType) AS it WITH OFFSET AS o"
                + " WHERE t.InstanceNumber = '7' ORDER BY o");

        assertThat(result.rows()).extracting(r -> r.get("it") + "@" + r.get("o")).containsExactly("DERIVED@0", "SECONDARY@1");
        assertThat(result.schema().column("o").type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void unnestOfRepeatedRecordsTwoLevelsDeep() {
        QueryResult result = query("SELECT s.CodeValue, m.CodeValue AS modifier FROM " + T + " AS t"
                + " CROSS JOIN UNNEST(t.ProcedureCodeSequence) AS s, UNNEST(s.ModifierSequence) AS m ORDER BY 1, 2");

        assertThat(result.rows()).extracting(r -> r.get("CodeValue") + "/" + r.get("modifier"))
                .containsExactly("A1/M1", "A1/M2", "CTCHEST/W");
    }

    @Test
    void aRangeResultColumnIsItsCanonicalTextWithItsElementType() {
        QueryResult result = query("SELECT RANGE(DATE '2020-01-01', NULL) AS d, RANGE<TIMESTAMP> '[UNBOUNDED, 2021-03-01 10:00:00+01)' AS ts,"
                + " [RANGE<DATETIME> '[2021-03-01 08:00:00.5, 2021-03-02 00:00:00)'] AS dts");

        assertThat(result.schema().column("d")).isEqualTo(Column.range("d", ColumnType.DATE, Mode.NULLABLE));
        assertThat(result.schema().column("ts").rangeElement()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(result.schema().column("dts")).isEqualTo(Column.range("dts", ColumnType.DATETIME, Mode.REPEATED));
        assertThat(result.rows().get(0).values()).containsEntry("d", "[2020-01-01, UNBOUNDED)")
                .containsEntry("ts", "[UNBOUNDED, 2021-03-01 09:00:00+00)")
                .containsEntry("dts", List.of("[2021-03-01 08:00:00.500, 2021-03-02 00:00:00)"));
    }

    @Test
    void leftJoinUnnestKeepsRowsWithEmptyArrays() {
        QueryResult result = query("SELECT s.CodeValue, m FROM " + T + " t, UNNEST(t.ProcedureCodeSequence) s"
                + " LEFT JOIN UNNEST(s.ModifierSequence) m WHERE s.CodeValue = 'B2'");

        assertThat(result.rows()).hasSize(1);
        assertThat(result.rows().get(0).values()).containsEntry("CodeValue", "B2").doesNotContainKey("m");
    }

    @Test
    void inUnnestTestsArrayMembership() {
        assertThat(column("SELECT InstanceNumber FROM " + T + " WHERE 'AXIAL' IN UNNEST(ImageType)", "InstanceNumber"))
                .containsExactly("1");
        assertThat(column("SELECT COUNT(*) AS n FROM " + T + " WHERE 'AXIAL' NOT IN UNNEST(ImageType)", "n"))
                .containsExactly(1L);
    }

    @Test
    void arraySubscripts() {
        QueryResult result = query("SELECT ImageType[OFFSET(0)] AS first, ImageType[ORDINAL(2)] AS second,"
                + " ImageType[SAFE_OFFSET(5)] AS missing, ProcedureCodeSequence[OFFSET(0)].CodeValue AS code, ARRAY_LENGTH(ImageType) AS n"
                + " FROM " + T + " ORDER BY n");

        assertThat(result.rows().get(0).values()).containsEntry("first", "DERIVED").containsEntry("second", "SECONDARY")
                .doesNotContainKey("missing").containsEntry("code", "A1").containsEntry("n", 2L);
        assertThatThrownBy(() -> query("SELECT ImageType[OFFSET(5)] FROM " + T))
                .isInstanceOf(DicombqException.class).satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("Array index 5 is out of bounds (overflow)");
    }

    @Test
    void subscriptsOutOfRangeFailInBigQuerysWordsNamingTheIndexAsWritten() {
        // BigQuery: "Array index 2 is out of bounds (overflow)"; ZetaSQL's reference names the same index
        assertThatThrownBy(() -> query("SELECT [4, 5][OFFSET(2)] AS x")).hasMessage("Array index 2 is out of bounds (overflow)");
        assertThatThrownBy(() -> query("SELECT [4, 5][ORDINAL(3)] AS x")).hasMessage("Array index 3 is out of bounds (overflow)");
        assertThatThrownBy(() -> query("SELECT [4, 5][OFFSET(-1)] AS x")).hasMessage("Array index -1 is out of bounds (underflow)");
        assertThatThrownBy(() -> query("SELECT [4, 5][ORDINAL(0)] AS x")).hasMessage("Array index 0 is out of bounds (underflow)");
        assertThatThrownBy(() -> query("SELECT ImageType[ORDINAL(ARRAY_LENGTH(ImageType) + 3)] AS x FROM " + T))
                .isInstanceOf(DicombqException.class).hasMessageMatching("Array index \\d+ is out of bounds \\(overflow\\)");
    }

    @Test
    void subscriptsOfANullArrayOrByANullIndexAreNullAndABranchNotTakenIsNotEvaluated() {
        QueryResult result = query("SELECT CAST(NULL AS ARRAY<INT64>)[OFFSET(7)] AS a, CAST(NULL AS ARRAY<INT64>)[ORDINAL(-1)] AS b,"
                + " [4, 5][OFFSET(CAST(NULL AS INT64))] AS c, [4, 5][ORDINAL(2)] AS d, [4, 5][OFFSET(0)] AS e,"
                + " IF(FALSE, [4][OFFSET(9)], 0) AS f, IFERROR([4][OFFSET(9)], -1) AS g");

        assertThat(result.rows().get(0).values()).doesNotContainKeys("a", "b", "c")
                .containsEntry("d", 5L).containsEntry("e", 4L).containsEntry("f", 0L).containsEntry("g", -1L);
    }

    @Test
    void namedParameters() {
        QueryResult result = engine.query(new QueryRequest("SELECT SOPInstanceUID FROM " + T + " WHERE PatientID = @pid AND StudyDate >= @since",
                "my-project", Map.of("pid", new QueryParameter(ColumnType.STRING, "1002"),
                "since", new QueryParameter(ColumnType.DATE, LocalDate.of(2004, 1, 1))), false));

        assertThat(result.rows()).extracting(r -> r.get("SOPInstanceUID")).containsExactly("1.3.6.1.4.1.5962.1.2.2.1.1.7");
        assertThatThrownBy(() -> query("SELECT 1 AS x FROM " + T + " WHERE PatientID = @nope")).hasMessageContaining("nope");
    }

    @Test
    void castsUseBigQueryTypeNamesAndSafeCastGivesNull() {
        Row row = query("SELECT CAST(InstanceNumber AS INT64) + 1 AS next, SAFE_CAST('x12' AS INT64) AS bad,"
                + " CAST(`Rows` AS FLOAT64) / 3 AS third, CAST(1.0 AS STRING) AS one, CAST(0.1 AS STRING) AS tenth,"
                + " CAST(1e20 AS STRING) AS big, CAST(TRUE AS STRING) AS yes, CAST('2021-03-04' AS DATE) AS d,"
                + " SAFE_CAST('2021-02-30' AS DATE) AS nodate, CAST(2.5 AS INT64) AS rounded, CAST(-2.5 AS INT64) AS negative"
                + " FROM " + T + " WHERE InstanceNumber = '1'").rows().get(0);

        assertThat(row.values()).containsEntry("next", 2L).doesNotContainKey("bad").containsEntry("one", "1")
                .containsEntry("tenth", "0.1").containsEntry("big", "1e+20").containsEntry("yes", "true")
                .containsEntry("d", LocalDate.of(2021, 3, 4)).doesNotContainKey("nodate")
                .containsEntry("rounded", 3L).containsEntry("negative", -3L);
        assertThat((Double) row.get("third")).isEqualTo(128.0 / 3);
        assertThatThrownBy(() -> query("SELECT CAST(Modality AS INT64) AS x FROM " + T))
                .hasMessageContaining("Bad int64 value: CT")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void concatIsNullWhenAnyArgumentIsNull() {
        assertThat(query("SELECT CONCAT('a', PatientName.Alphabetic.GivenName) AS c FROM " + T + " ORDER BY c").rows())
                .extracting(r -> r.get("c")).containsExactly(null, "aCT1");
    }

    @Test
    void groupByOrdinalAndAlias() {
        QueryResult byOrdinal = query("SELECT Modality, COUNT(*) AS n FROM " + T + " GROUP BY 1");
        QueryResult byAlias = query("SELECT LOWER(PatientID) AS pid, COUNT(*) AS n FROM " + T + " GROUP BY pid ORDER BY pid");

        assertThat(byOrdinal.rows()).extracting(r -> r.get("Modality") + "=" + r.get("n")).containsExactly("CT=2");
        assertThat(byAlias.rows()).extracting(r -> r.get("pid")).containsExactly("1001", "1002");
    }

    @Test
    void projectLessPathsUseTheDefaultProjectAndMissingTablesAreNotFound() {
        assertThat(column("SELECT COUNT(*) AS n FROM dicom.ct", "n")).containsExactly(2L);
        assertThat(column("SELECT COUNT(*) AS n FROM `my-project`.`dicom`.`ct`", "n")).containsExactly(2L);
        assertThatThrownBy(() -> query("SELECT 1 AS x FROM dicom.nope")).hasMessageContaining("my-project:dicom.nope")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.NOT_FOUND));
    }

    @Test
    void resultSchemaKeepsNestedAndRepeatedShapes() {
        QueryResult result = query("SELECT PatientName, ImageType, ProcedureCodeSequence FROM " + T + " WHERE InstanceNumber = '7'");

        Column sequence = result.schema().column("ProcedureCodeSequence");
        assertThat(sequence.mode()).isEqualTo(Mode.REPEATED);
        assertThat(sequence.field("ModifierSequence").mode()).isEqualTo(Mode.REPEATED);
        assertThat(result.schema().column("ImageType").mode()).isEqualTo(Mode.REPEATED);
        Row row = result.rows().get(0);
        assertThat(row.get("ImageType")).isEqualTo(List.of("DERIVED", "SECONDARY"));
        assertThat(((Row) ((Row) row.get("PatientName")).get("Alphabetic")).get("FamilyName")).isEqualTo("Doe");
    }

    @Test
    void selectStarExpandsTheCatalogColumns() {
        QueryResult result = query("SELECT * FROM " + T + " WHERE InstanceNumber = '1'");

        assertThat(result.schema()).isEqualTo(CtRows.schema());
        assertThat(result.rows()).containsExactly(CtRows.instance(1, 1, 1, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT NET.HOST(PatientID) FROM `my-project.dicom.ct`|Function NET.HOST is not supported by the embedded warehouse",
        "SELECT SAFE.APPROX_TOP_COUNT(PatientID, 2) FROM `my-project.dicom.ct`|SAFE.APPROX_TOP_COUNT is not supported by the embedded warehouse",
        "WITH RECURSIVE x AS (SELECT 1 AS n UNION DISTINCT SELECT n + 1 FROM x WHERE n < 3) SELECT n FROM x|WITH RECURSIVE with UNION DISTINCT is not supported",
        "SELECT CAST('2018-12-03' AS TIMESTAMP FORMAT 'YYYY-MM-DD' AT TIME ZONE 'UTC') AS a|CAST … FORMAT is not supported",
        "DELETE FROM `my-project.dicom.ct` WHERE TRUE|The statement DeleteStatement (only queries run here) is not supported by the embedded warehouse",
        "CREATE TEMP FUNCTION Twice(x INT64) AS (2 * x)|The statement CreateFunctionStatement (only queries run here) is not supported",
        "CREATE TEMP FUNCTION Twice(x INT64) AS (2 * x); DECLARE y INT64; SELECT Twice(3)|A script (several statements",
        "SELECT 1; SELECT 2|A script (several statements",
        "BEGIN\\nSELECT 1;\\nEND;|A script (several statements",
        "DECLARE x INT64 DEFAULT 1; SELECT x|A script (several statements, BigQuery's multi-statement query) other than CREATE TEMP FUNCTION statements before one query (this one holds a statement of kind VariableDeclaration)",
        "DECLARE x INT64 DEFAULT 1|(this one holds a statement of kind VariableDeclaration) is not supported by the embedded warehouse",
        "IF TRUE THEN SELECT 1; END IF|(this one holds a statement of kind IfStatement)",
        "SELECT 1 SELECT 2|Syntax error: Expected end of input but got keyword SELECT [at 1:10]",
        "SELECT PatientID FROM `my-project.dicom.ct` WHERE PatientID = 1002|No matching signature for operator =",
        "SELECT NoSuchColumn FROM `my-project.dicom.ct`|Unrecognized name: NoSuchColumn [at 1:8]",
        "SELECT PatientName.Nope FROM `my-project.dicom.ct`|Field name Nope does not exist",
        "SELECT Rows FROM `my-project.dicom.ct`|Syntax error: Unexpected keyword ROWS [at 1:8]",
        "#legacySQL\\nSELECT COUNT(DISTINCT PatientID) FROM [my-project:dicom.ct]|approximate",
        "SELECT ImageType.x FROM `my-project.dicom.ct`|Cannot access field x on a value with type ARRAY<STRING>",
    })
    void constructsOutsideTheSubsetAreInvalidArgumentNamingThem(String sql, String named) {
        assertThatThrownBy(() -> query(sql.replace("\\n", "\n"))).isInstanceOf(DicombqException.class)
                .hasMessageContaining(named)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    /** Constructs the hand-written parser refused, now resolved by ZetaSQL and run on H2 (issue 13). */
    @Test
    void constructsBeyondTheSamplesRun() {
        assertThat(column("WITH x AS (SELECT 1 AS n), y AS (SELECT n + 1 AS n FROM x) SELECT n FROM y", "n")).containsExactly(2L);
        assertThat(column("SELECT COUNT(*) OVER () AS n FROM " + T, "n")).containsExactly(2L, 2L);
        assertThat(column("SELECT x FROM (SELECT 1 AS x)", "x")).containsExactly(1L);
        assertThat(query("SELECT STRUCT(PatientID AS p, InstanceNumber AS n) AS s FROM " + T + " WHERE InstanceNumber = '7'")
                .rows().get(0).get("s")).isEqualTo(Row.of(Map.of("p", "1002", "n", "7")));
        assertThat(column("SELECT x FROM " + T + ", UNNEST([1, 2]) x ORDER BY x", "x")).containsExactly(1L, 1L, 2L, 2L);
        assertThat(query("SELECT * EXCEPT (`Rows`) FROM " + T).schema().column("Rows")).isNull();
        assertThat(column("SELECT PatientID FROM " + T + " UNION ALL SELECT PatientID FROM " + T + " ORDER BY PatientID", "PatientID"))
                .containsExactly("1001", "1001", "1002", "1002");
        assertThat(column("SELECT PatientID FROM " + T + " INTERSECT ALL SELECT PatientID FROM " + T + " ORDER BY PatientID",
                "PatientID")).containsExactly("1001", "1002");
        assertThat(column("SELECT InstanceNumber FROM " + T + " WHERE TRUE QUALIFY ROW_NUMBER() OVER (ORDER BY InstanceNumber DESC) = 1",
                "InstanceNumber")).containsExactly("7");
    }

    /** BigQuery stops a recursive CTE after 500 iterations (the base term is the first) with an error. */
    @Test
    void aRecursiveCteRunsAtMost500Iterations() {
        String counter = "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < %d) SELECT COUNT(*) AS k, MAX(n) AS m FROM c";
        // iterations 1 to 499 give a row each, the 500th none
        QueryResult fits = query(String.format(counter, 499));
        assertThat(fits.rows()).extracting(r -> r.get("k") + "/" + r.get("m")).containsExactly("499/499");

        assertThatThrownBy(() -> query(String.format(counter, 1000)))
                .isInstanceOf(DicombqException.class).satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("Recursive CTE exceeded the maximum of 500 iterations");
        // the 500th iteration gives a row and the 501st none: whether BigQuery fails is not documented, so it is refused
        assertThatThrownBy(() -> query(String.format(counter, 500)))
                .hasMessageContaining("is not supported by the embedded warehouse");
    }

    /** A refusal inside a function the analyzer resolved names the construct once, in the one wording (Refusals). */
    @Test
    void aNestedRefusalIsWordedOnce() {
        assertThatThrownBy(() -> query("SELECT TO_JSON_STRING([1.5, 2.5]) AS j"))
                .isInstanceOf(DicombqException.class).satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("Function TO_JSON_STRING with these arguments (TO_JSON_STRING of ARRAY<FLOAT64> (arrays of STRING, INT64 and BOOL are supported))"
                        + " is not supported by the embedded warehouse (see docs/sql.md)");
    }
}
