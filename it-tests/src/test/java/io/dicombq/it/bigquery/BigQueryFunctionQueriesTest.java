package io.dicombq.it.bigquery;

import io.dicombq.adapter.out.bigquery.BigQueryQueryEngine;
import io.dicombq.adapter.out.bigquery.BigQueryTableSink;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The functions users write against IDC-style tables (ARRAY_TO_STRING, SUBSTR, EXTRACT, DATE_DIFF,
 * FORMAT_DATE, PARSE_DATE, REGEXP_CONTAINS, JSON_VALUE, JSON_QUERY, TO_JSON_STRING) through the real client
 * and the emulator, compared with the embedded engine's own answer.
 */
class BigQueryFunctionQueriesTest {
    private static final TableSchema SCHEMA = TableSchema.of(
            Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
            Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
            Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
            Column.record("PatientName", Mode.NULLABLE, List.of(Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE))));

    @TempDir
    Path spool;
    private EmulatorFixture fixture;
    private BigQueryQueryEngine throughClient;

    @BeforeEach
    void loadThroughTheAdapter() {
        fixture = new EmulatorFixture();
        fixture.warehouse.createDataset(EmulatorFixture.PROJECT, "idc");
        BigQueryTableSink sink = new BigQueryTableSink(fixture.clients(), Clock.systemUTC(), EmulatorFixture.ids("f"), spool);
        TableUri table = new TableUri(EmulatorFixture.PROJECT, "idc", "meta");
        try (StagedWrite write = sink.begin(table, WritePlan.CREATE)) {
            write.write(SCHEMA, List.of(
                    row("1.2.3.1", "P12", LocalDate.of(2007, 12, 31), List.of("ORIGINAL", "PRIMARY", "AXIAL")),
                    row("1.2.3.2", "QA", LocalDate.of(2009, 1, 1), List.of("DERIVED", "SECONDARY"))));
            write.commit(SCHEMA);
        }
        throughClient = new BigQueryQueryEngine(fixture.clients());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void functionResultsThroughTheClientMatchTheEngineAndTheReference() {
        QueryRequest request = QueryRequest.of("SELECT SOPInstanceUID, ARRAY_TO_STRING(ImageType, '\\\\') AS image_type,"
                + " SUBSTR(SOPInstanceUID, -3) AS tail, EXTRACT(ISOYEAR FROM StudyDate) AS iso_year,"
                + " EXTRACT(WEEK FROM StudyDate) AS week, DATE_DIFF(DATE '2018-01-01', StudyDate, YEAR) AS years,"
                + " FORMAT_DATE('%b %e %Y', StudyDate) AS shown, REGEXP_CONTAINS(PatientID, r'^P\\d+$') AS numbered,"
                + " JSON_VALUE(Metadata, '$.\"00100020\".Value[0]') AS pid, JSON_QUERY(Metadata, '$.\"00100020\"') AS element,"
                + " TO_JSON_STRING(PatientName) AS name"
                + " FROM `test-project.idc.meta` WHERE StudyDate >= PARSE_DATE('%Y%m%d', '20000101') ORDER BY 1", EmulatorFixture.PROJECT);

        QueryResult viaClient = throughClient.query(request);

        assertThat(viaClient).isEqualTo(new H2QueryEngine(fixture.warehouse).query(request));
        assertThat(viaClient.rows()).hasSize(2);
        assertThat(viaClient.rows().get(0).values()).containsEntry("image_type", "ORIGINAL\\PRIMARY\\AXIAL")
                .containsEntry("tail", "3.1").containsEntry("iso_year", 2008L).containsEntry("week", 52L)
                .containsEntry("years", 11L).containsEntry("shown", "Dec 31 2007").containsEntry("numbered", true)
                .containsEntry("pid", "P12").containsEntry("element", new JsonText("{\"Value\":[\"P12\"],\"vr\":\"LO\"}"))
                .containsEntry("name", "{\"FamilyName\":\"Doe\"}");
        assertThat(viaClient.rows().get(1).values()).containsEntry("week", 0L).containsEntry("shown", "Jan  1 2009")
                .containsEntry("numbered", false).containsEntry("years", 9L);
    }

    @Test
    void aBadValueInsideAFunctionIsAnInvalidArgumentThroughTheClient() {
        assertThatThrownBy(() -> throughClient.query(QueryRequest.of(
                "SELECT PARSE_DATE('%Y-%m-%d', PatientID) AS d FROM `test-project.idc.meta`", EmulatorFixture.PROJECT)))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("Failed to parse input string");
                });
    }

    private static Row row(String sop, String patientId, LocalDate date, List<String> imageType) {
        return Row.of(Map.of("SOPInstanceUID", sop, "PatientID", patientId, "StudyDate", date, "ImageType", imageType,
                "Metadata", new JsonText("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"" + patientId + "\"]}}"),
                "PatientName", Row.of(Map.of("FamilyName", "Doe"))));
    }
}
