package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableResult;
import io.dicombq.adapter.out.bigquery.BigQueryQueryEngine;
import io.dicombq.adapter.out.bigquery.BigQueryTableSink;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import io.dicombq.application.port.out.QueryParameter;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries through the real client and the emulator give exactly what the embedded engine gives directly: the
 * three sample queries of specification 6 verbatim, and nested, repeated and JSON columns.
 */
class BigQuerySampleQueriesTest {
    private static final String QUERY_A = "#standardSQL\n"
            + "SELECT CONCAT('/dicomWeb/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID) as DICOMwebPath\n"
            + "FROM `test-project.dicom.instances` WHERE PatientID = '19045';";
    private static final String QUERY_B = "#standardSQL\n"
            + "SELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime, MIN(PatientID) as PatientID,\n"
            + "       StudyInstanceUID, COUNT(*) as InstanceCount\n"
            + "FROM `test-project.dicom.instances` AS dicom\n"
            + "GROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 10;";
    private static final String QUERY_C = "SELECT CONCAT ('/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID)\n"
            + "FROM [test-project:dicom.instances]";

    private static final Column CODE = Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
            Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
            Column.of("CodeMeaning", ColumnType.STRING, Mode.NULLABLE)));
    private static final Column NAME = Column.record("PatientName", Mode.NULLABLE, List.of(
            Column.record("Alphabetic", Mode.NULLABLE, List.of(
                    Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE),
                    Column.of("GivenName", ColumnType.STRING, Mode.NULLABLE)))));
    private static final TableSchema SCHEMA = TableSchema.of(
            Column.of("StudyInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("SeriesInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
            Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
            Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("LastUpdated", ColumnType.TIMESTAMP, Mode.NULLABLE),
            Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
            Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
            NAME, CODE);

    @TempDir
    Path spool;
    private EmulatorFixture fixture;
    private BigQueryQueryEngine throughClient;
    private final TableUri table = new TableUri(EmulatorFixture.PROJECT, "dicom", "instances");

    @BeforeEach
    void exportRowsThroughTheAdapter() {
        fixture = new EmulatorFixture();
        fixture.warehouse.createDataset(EmulatorFixture.PROJECT, "dicom");
        BigQueryTableSink sink = new BigQueryTableSink(fixture.clients(), Clock.systemUTC(), EmulatorFixture.ids("s"), spool);
        List<Row> rows = new ArrayList<>();
        rows.add(instance("19045", "1.2.826.0.1.3680043.2.1125.1.19045", "1.1", "1.1.1", LocalDate.of(2021, 3, 4), LocalTime.of(12, 30)));
        rows.add(instance("19045", "1.2.826.0.1.3680043.2.1125.1.19045", "1.1", "1.1.2", LocalDate.of(2021, 3, 4), LocalTime.of(12, 31, 5, 500_000_000)));
        for (int s = 1; s <= 12; s++) {
            rows.add(instance("P" + s, "1.2.826.0.1.3680043.2.1125.2." + s, "1", "1.1", LocalDate.of(2020, 1, s), LocalTime.of(8, s)));
        }
        rows.add(instance("P99", "1.2.826.0.1.3680043.2.1125.3.99", "1", "1.1", LocalDate.of(2030, 1, 1), null));
        try (StagedWrite write = sink.begin(table, WritePlan.CREATE)) {
            write.write(SCHEMA, rows);
            write.commit(SCHEMA);
        }
        throughClient = new BigQueryQueryEngine(fixture.clients());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {QUERY_A, QUERY_B, QUERY_C})
    void eachSampleQueryGivesTheSameResultThroughTheClientAsOnTheEngine(String sql) {
        QueryRequest request = QueryRequest.of(sql, EmulatorFixture.PROJECT);

        QueryResult direct = new H2QueryEngine(fixture.warehouse).query(request);
        QueryResult viaClient = throughClient.query(request);

        assertThat(direct.rows()).isNotEmpty();
        assertThat(viaClient).isEqualTo(direct);
    }

    @Test
    void sampleQueryAReturnsTheTwoDicomWebPathsOfPatient19045() {
        QueryResult result = throughClient.query(QueryRequest.of(QUERY_A, EmulatorFixture.PROJECT));

        assertThat(result.rows()).extracting(r -> r.get("DICOMwebPath")).containsExactlyInAnyOrder(
                "/dicomWeb/studies/1.2.826.0.1.3680043.2.1125.1.19045/series/1.2.826.0.1.3680043.2.1125.1.19045.1.1"
                        + "/instances/1.2.826.0.1.3680043.2.1125.1.19045.1.1.1",
                "/dicomWeb/studies/1.2.826.0.1.3680043.2.1125.1.19045/series/1.2.826.0.1.3680043.2.1125.1.19045.1.1"
                        + "/instances/1.2.826.0.1.3680043.2.1125.1.19045.1.1.2");
    }

    @Test
    void nestedRepeatedAndJsonColumnsComeBackExactlyAsExported() {
        QueryRequest request = new QueryRequest("SELECT SOPInstanceUID, PatientName, ProcedureCodeSequence, ImageType,"
                + " Metadata, LastUpdated, `Rows` FROM `test-project.dicom.instances` WHERE PatientID = @pid"
                + " ORDER BY SOPInstanceUID", EmulatorFixture.PROJECT,
                Map.of("pid", new QueryParameter(ColumnType.STRING, "19045")), false);

        QueryResult viaClient = throughClient.query(request);

        assertThat(viaClient).isEqualTo(new H2QueryEngine(fixture.warehouse).query(request));
        Row first = viaClient.rows().get(0);
        assertThat(first.get("PatientName")).isEqualTo(Row.of(Map.of("Alphabetic",
                Row.of(Map.of("FamilyName", "Doe", "GivenName", "19045")))));
        assertThat(first.get("ProcedureCodeSequence")).isEqualTo(List.of(
                Row.of(Map.of("CodeValue", "CTCHEST", "CodeMeaning", "CT chest")),
                Row.of(Map.of("CodeValue", "CTABD", "CodeMeaning", "CT abdomen"))));
        assertThat(first.get("Metadata")).isEqualTo(new JsonText("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]}}"));
        assertThat(first.get("LastUpdated")).isEqualTo(Instant.parse("2024-05-06T07:08:09.123456Z"));
    }

    @Test
    void positionalAndArrayParametersGoThroughTheClient() {
        QueryRequest request = new QueryRequest("SELECT SOPInstanceUID FROM `test-project.dicom.instances`"
                + " WHERE PatientID IN UNNEST(?) AND `Rows` > ? ORDER BY SOPInstanceUID", EmulatorFixture.PROJECT,
                Map.of(QueryParameter.positional(1), new QueryParameter(ColumnType.STRING, List.of("19045", "no-such-patient")),
                        QueryParameter.positional(2), new QueryParameter(ColumnType.INTEGER, 0L)), false);

        QueryResult viaClient = throughClient.query(request);

        assertThat(viaClient).isEqualTo(new H2QueryEngine(fixture.warehouse).query(request));
        assertThat(viaClient.rows()).hasSize(2);
    }

    @Test
    void unnestOfARepeatedRecordWorksThroughTheClient() {
        QueryRequest request = QueryRequest.of("SELECT t.SOPInstanceUID, code.CodeValue FROM"
                + " `test-project.dicom.instances` AS t, UNNEST(t.ProcedureCodeSequence) AS code"
                + " WHERE t.PatientID = '19045' ORDER BY 1, 2", EmulatorFixture.PROJECT);

        QueryResult viaClient = throughClient.query(request);

        assertThat(viaClient).isEqualTo(new H2QueryEngine(fixture.warehouse).query(request));
        assertThat(viaClient.rows()).hasSize(4);
    }

    @Test
    void theSlowPathWithAJobAndItsAnonymousResultTableGivesTheSameRows() throws Exception {
        BigQuery bigQuery = fixture.client();
        Job job = bigQuery.create(JobInfo.of(JobId.of("sample-b"), QueryJobConfiguration.newBuilder(QUERY_B).build()));

        TableResult result = job.getQueryResults();

        QueryResult direct = new H2QueryEngine(fixture.warehouse).query(QueryRequest.of(QUERY_B, EmulatorFixture.PROJECT));
        List<String> studies = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            studies.add(row.get("StudyInstanceUID").getStringValue());
        }
        assertThat(result.getTotalRows()).isEqualTo(10);
        assertThat(studies).containsExactlyElementsOf(direct.rows().stream()
                .map(r -> (String) r.get("StudyInstanceUID")).toList());
        assertThat(job.reload().getConfiguration().toString()).contains("_dicombq_anon");
    }

    @Test
    void aQueryOutsideTheSupportedSubsetIsAnInvalidArgumentNotAWrongAnswer() {
        assertThatThrownBy(() -> throughClient.query(QueryRequest.of(
                "SELECT NET.HOST(PatientID) AS h FROM `test-project.dicom.instances`", EmulatorFixture.PROJECT)))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    private static Row instance(String patientId, String study, String series, String sop, LocalDate date, LocalTime time) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("StudyInstanceUID", study);
        values.put("SeriesInstanceUID", study + "." + series);
        values.put("SOPInstanceUID", study + "." + sop);
        values.put("PatientID", patientId);
        values.put("StudyDate", date);
        if (time != null) {
            values.put("StudyTime", time);
        }
        values.put("Rows", 512L);
        values.put("LastUpdated", Instant.parse("2024-05-06T07:08:09.123456Z"));
        values.put("ImageType", List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        values.put("Metadata", new JsonText("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"" + patientId + "\"]}}"));
        values.put("PatientName", Row.of(Map.of("Alphabetic", Row.of(Map.of("FamilyName", "Doe", "GivenName", patientId)))));
        values.put("ProcedureCodeSequence", List.of(
                Row.of(Map.of("CodeValue", "CTCHEST", "CodeMeaning", "CT chest")),
                Row.of(Map.of("CodeValue", "CTABD", "CodeMeaning", "CT abdomen"))));
        return Row.of(values);
    }
}
