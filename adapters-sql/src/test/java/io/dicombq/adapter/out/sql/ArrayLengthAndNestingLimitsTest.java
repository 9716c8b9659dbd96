package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two limits of the embedded engine's plumbing, each either honoured or refused by name: an array built in the
 * query that is longer than the numbers table correlated UNNEST reads positions from (10,000 at first), and
 * sequences nested deeper than the analyzer's message channel carries (docs/sql.md).
 */
class ArrayLengthAndNestingLimitsTest {
    private static final String DEEP = "`my-project.dicom.deep`";
    /** Sequences nested 20 deep, as a DICOMweb export through Orthanc has: past protobuf's nesting limit in full. */
    private static final int DEPTH = 20;

    private static H2Warehouse warehouse;
    private static H2QueryEngine engine;

    @BeforeAll
    static void open() {
        warehouse = H2Warehouse.inMemory("limits-" + UUID.randomUUID());
        engine = new H2QueryEngine(warehouse);
        warehouse.createDataset("my-project", "dicom");
        TableUri deep = new TableUri("my-project", "dicom", "deep");
        warehouse.createTable(deep, new TableSchema(List.of(Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                sequence("ContentSequence", DEPTH))));
        warehouse.insertRows(deep, List.of(Row.of(Map.of("PatientID", "p1", "ContentSequence", List.of(item(DEPTH, "v"))))));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    /** A sequence of items holding a value and the next level down ({@code depth} levels in all). */
    private static Column sequence(String name, int depth) {
        List<Column> fields = new ArrayList<>();
        fields.add(Column.of("Value", ColumnType.STRING, Mode.NULLABLE));
        if (depth > 1) {
            fields.add(sequence("ContentSequence", depth - 1));
        }
        return Column.record(name, Mode.REPEATED, fields);
    }

    private static Row item(int depth, String value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Value", value + depth);
        if (depth > 1) {
            fields.put("ContentSequence", List.of(item(depth - 1, value)));
        }
        return Row.of(fields);
    }

    private static QueryResult query(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project"));
    }

    private static void assertRefused(String sql, String construct) {
        assertThatThrownBy(() -> query(sql)).isInstanceOf(DicombqException.class)
                .hasMessageContaining(construct).hasMessageContaining("is not supported by the embedded warehouse")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    private static String intArray(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** An ARRAY_AGG of 20,000 elements: twice the numbers table a new warehouse starts with. */
    private static final String BUILT = "SELECT ARRAY_AGG(a * 200 + b) AS arr FROM UNNEST(" + intArray(0, 100) + ") AS a, UNNEST("
            + intArray(0, 200) + ") AS b";

    @Test
    void aCorrelatedUnnestOfABuiltArrayLongerThanTheNumbersTableKeepsEveryElement() {
        QueryResult result = query("SELECT COUNT(*) AS n, COUNT(DISTINCT x) AS d, MAX(o) AS o FROM (" + BUILT + ") AS s,"
                + " UNNEST(s.arr) AS x WITH OFFSET AS o");

        assertThat(result.rows().get(0).values()).containsEntry("n", 20_000L).containsEntry("d", 20_000L).containsEntry("o", 19_999L);
        QueryResult left = query("SELECT COUNT(x) AS n FROM (" + BUILT + " UNION ALL SELECT CAST([] AS ARRAY<INT64>)) AS s"
                + " LEFT JOIN UNNEST(s.arr) AS x");
        assertThat(left.rows().get(0).get("n")).isEqualTo(20_000L);
    }

    @Test
    void generatedArraysAndCorrelatedSubqueriesOverLongBuiltArraysKeepEveryElement() {
        QueryResult generated = query("SELECT k, COUNT(*) AS n, MAX(x) AS x FROM (SELECT 25000 AS k UNION ALL SELECT 3) AS s,"
                + " UNNEST(GENERATE_ARRAY(1, s.k)) AS x GROUP BY k ORDER BY k");
        assertThat(generated.rows()).extracting(r -> r.get("k") + ":" + r.get("n") + ":" + r.get("x"))
                .containsExactly("3:3:3", "25000:25000:25000");
        QueryResult subquery = query("SELECT (SELECT COUNT(*) FROM UNNEST(s.arr) AS x WHERE x >= 0) AS n FROM (" + BUILT + ") AS s");
        assertThat(subquery.rows().get(0).get("n")).isEqualTo(20_000L);
    }

    @Test
    void anUncorrelatedUnnestOfABuiltArrayHasNoLengthLimit() {
        QueryResult result = query("SELECT COUNT(*) AS n, MAX(o) AS o FROM UNNEST((" + BUILT + ")) AS x WITH OFFSET AS o");

        assertThat(result.rows().get(0).values()).containsEntry("n", 20_000L).containsEntry("o", 19_999L);
    }

    @Test
    void aTableNestingSequencesPastTheChannelLimitIsAnalyzedForTheColumnsAQueryNames() {
        assertThat(query("SELECT PatientID FROM " + DEEP).rows()).extracting(r -> r.get("PatientID")).containsExactly("p1");
        QueryResult shallow = query("SELECT c.Value AS v, ARRAY_LENGTH(c.ContentSequence) AS n, c.ContentSequence[OFFSET(0)].Value AS w"
                + " FROM " + DEEP + " t, UNNEST(t.ContentSequence) AS c");
        assertThat(shallow.rows().get(0).values()).containsEntry("v", "v" + DEPTH).containsEntry("n", 1L)
                .containsEntry("w", "v" + (DEPTH - 1));
    }

    @Test
    void aQueryReachingBelowTheLimitIsRefusedByName() {
        StringBuilder path = new StringBuilder("ContentSequence[OFFSET(0)]");
        for (int level = 2; level <= ZetaTypes.MAX_RECORD_DEPTH + 1; level++) {
            path.append(".ContentSequence[OFFSET(0)]");
        }
        assertRefused("SELECT " + path + ".Value FROM " + DEEP, "A field nested deeper than " + ZetaTypes.MAX_RECORD_DEPTH);
        assertRefused("SELECT ContentSequence FROM " + DEEP, "result column ContentSequence of type RECORD (nesting sequences deeper");
        assertRefused("SELECT * FROM " + DEEP, "nesting sequences deeper than " + ZetaTypes.MAX_RECORD_DEPTH + " levels");
        assertRefused("SELECT TO_JSON_STRING(ContentSequence) FROM " + DEEP, "nesting sequences deeper than");
    }
}
