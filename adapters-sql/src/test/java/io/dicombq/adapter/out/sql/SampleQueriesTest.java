package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.application.query.ResultFormatter;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The three queries of specification 6, pasted verbatim, on a table shaped like the flattened export. */
class SampleQueriesTest {
    private static final String QUERY_A = "#standardSQL\n"
            + "SELECT CONCAT('/dicomWeb/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID) as DICOMwebPath\n"
            + "FROM `project.DATASET.TABLE` WHERE PatientID = '19045';";
    private static final String QUERY_B = "#standardSQL\n"
            + "SELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime, MIN(PatientID) as PatientID,\n"
            + "       StudyInstanceUID, COUNT(*) as InstanceCount\n"
            + "FROM `project.DATASET.TABLE` AS dicom\n"
            + "GROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 10;";
    private static final String QUERY_C = "SELECT CONCAT ('/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID)\n"
            + "FROM [project:DATASET.TABLE]";
    /** A filter-file line (specification 4) naming one instance. */
    private static final Pattern FILTER_LINE = Pattern.compile(
            "/studies/[0-9.]{1,64}(/series/[0-9.]{1,64}(/instances/[0-9.]{1,64})?)?");

    private final H2Warehouse warehouse = H2Warehouse.inMemory("samples-" + UUID.randomUUID());
    private final QueryEngine engine = new H2QueryEngine(warehouse);
    private final TableUri table = new TableUri("project", "DATASET", "TABLE");
    private final List<Row> rows = new ArrayList<>();

    @BeforeEach
    void load() {
        warehouse.createDataset("project", "DATASET");
        warehouse.createTable(table, CtRows.schema());
        // Patient 19045 has one study of two instances; 12 other studies exceed LIMIT 10; one has no StudyTime.
        rows.add(instance("19045", "1.2.826.0.1.3680043.2.1125.1.19045", "1.1", "1.1.1", LocalDate.of(2021, 3, 4), LocalTime.of(12, 30)));
        rows.add(instance("19045", "1.2.826.0.1.3680043.2.1125.1.19045", "1.1", "1.1.2", LocalDate.of(2021, 3, 4), LocalTime.of(12, 31, 5, 500_000_000)));
        for (int s = 1; s <= 12; s++) {
            rows.add(instance("P" + s, "1.2.826.0.1.3680043.2.1125.2." + s, "1", "1.1", LocalDate.of(2020, 1, s), LocalTime.of(8, s)));
        }
        rows.add(instance("P99", "1.2.826.0.1.3680043.2.1125.3.99", "1", "1.1", LocalDate.of(2030, 1, 1), null));
        warehouse.insertRows(table, rows);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private static Row instance(String patientId, String study, String series, String sop, LocalDate date, LocalTime time) {
        Map<String, Object> values = new LinkedHashMap<>(CtRows.instance(1, 1, 1, 1).values());
        values.put("PatientID", patientId);
        values.put("StudyInstanceUID", study);
        values.put("SeriesInstanceUID", study + "." + series);
        values.put("SOPInstanceUID", study + "." + sop);
        values.put("StudyDate", date);
        if (time == null) {
            values.remove("StudyTime");
        } else {
            values.put("StudyTime", time);
        }
        return Row.of(values);
    }

    @Test
    void queryAListsThePatientsInstancesAsDicomWebPaths() {
        QueryResult result = engine.query(QueryRequest.of(QUERY_A, "project"));

        assertThat(result.schema().columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("DICOMwebPath:STRING");
        assertThat(result.rows()).extracting(r -> r.get("DICOMwebPath")).containsExactlyInAnyOrder(
                "/dicomWeb/studies/1.2.826.0.1.3680043.2.1125.1.19045/series/1.2.826.0.1.3680043.2.1125.1.19045.1.1"
                        + "/instances/1.2.826.0.1.3680043.2.1125.1.19045.1.1.1",
                "/dicomWeb/studies/1.2.826.0.1.3680043.2.1125.1.19045/series/1.2.826.0.1.3680043.2.1125.1.19045.1.1"
                        + "/instances/1.2.826.0.1.3680043.2.1125.1.19045.1.1.2");
    }

    @Test
    void queryBListsTheLatestStudiesWithBigQueryDateAndTimeText() {
        QueryResult result = engine.query(QueryRequest.of(QUERY_B, "project"));

        assertThat(result.schema().columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly(
                "StudyDateTime:STRING", "PatientID:STRING", "StudyInstanceUID:STRING", "InstanceCount:INTEGER");
        assertThat(result.rows()).hasSize(10);
        // The study without StudyTime has a NULL CONCAT (BigQuery semantics), which sorts last when descending.
        assertThat(result.rows().get(0).values()).containsEntry("StudyDateTime", "2021-03-04 12:30:00")
                .containsEntry("PatientID", "19045").containsEntry("InstanceCount", 2L);
        assertThat(result.rows().get(1).get("StudyDateTime")).isEqualTo("2020-01-12 08:12:00");
        assertThat(result.rows().get(9).get("StudyDateTime")).isEqualTo("2020-01-04 08:04:00");
        assertThat(result.rows()).noneMatch(r -> "P99".equals(r.get("PatientID")));

        StringBuilder json = new StringBuilder();
        ResultFormatter.json(result, json, false);
        assertThat(json.toString()).startsWith("[{\"StudyDateTime\":\"2021-03-04 12:30:00\",\"PatientID\":\"19045\","
                + "\"StudyInstanceUID\":\"1.2.826.0.1.3680043.2.1125.1.19045\",\"InstanceCount\":\"2\"},");
    }

    @Test
    void queryCWithALegacyTableReferenceProducesAValidFilterFile() {
        QueryResult result = engine.query(QueryRequest.of(QUERY_C, "project"));

        assertThat(result.schema().columns()).extracting(c -> c.name()).containsExactly("f0_");
        StringBuilder file = new StringBuilder();
        ResultFormatter.csv(result, file, false);
        String[] lines = file.toString().split("\n");
        assertThat(lines).hasSize(rows.size()).allMatch(line -> FILTER_LINE.matcher(line).matches());
        assertThat(lines).contains("/studies/1.2.826.0.1.3680043.2.1125.1.19045/series/1.2.826.0.1.3680043.2.1125.1.19045.1.1"
                + "/instances/1.2.826.0.1.3680043.2.1125.1.19045.1.1.2");
    }

    @Test
    void concatOfATimeWithAFractionWritesMillisecondsLikeBigQuery() {
        QueryResult result = engine.query(QueryRequest.of("SELECT CONCAT(StudyDate, 'T', StudyTime) AS t FROM DATASET.TABLE"
                + " WHERE SOPInstanceUID LIKE '%.19045.1.1.2'", "project"));

        assertThat(result.rows()).extracting(r -> r.get("t")).containsExactly("2021-03-04T12:31:05.500");
        assertThat(result.schema().column("t").type()).isEqualTo(ColumnType.STRING);
    }
}
