package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CopyJobConfiguration;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import com.google.cloud.bigquery.RoutineId;
import com.google.cloud.bigquery.RoutineInfo;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unmodified google-cloud-bigquery client against the emulator: every call the adapter and users make. */
class BigQueryEmulatorClientTest {
    private static final Schema SCHEMA = Schema.of(
            Field.newBuilder("SOPInstanceUID", StandardSQLTypeName.STRING).setMode(Field.Mode.REQUIRED).build(),
            Field.of("Rows", StandardSQLTypeName.INT64),
            Field.of("LastUpdated", StandardSQLTypeName.TIMESTAMP),
            Field.of("Metadata", StandardSQLTypeName.JSON),
            Field.newBuilder("ImageType", StandardSQLTypeName.STRING).setMode(Field.Mode.REPEATED).build(),
            Field.newBuilder("ProcedureCodeSequence", StandardSQLTypeName.STRUCT,
                    Field.of("CodeValue", StandardSQLTypeName.STRING),
                    Field.newBuilder("Modifiers", StandardSQLTypeName.STRUCT, Field.of("Code", StandardSQLTypeName.STRING))
                            .setMode(Field.Mode.REPEATED).build())
                    .setMode(Field.Mode.REPEATED).build());

    private EmulatorFixture fixture;
    private BigQuery bigQuery;
    private final TableId table = TableId.of(EmulatorFixture.PROJECT, "dicom", "instances");

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        bigQuery = fixture.client();
        bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "dicom")));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void datasetsAreCreatedFoundListedAndDeleted() {
        assertThat(bigQuery.getDataset("dicom")).isNotNull();
        assertThat(bigQuery.getDataset("missing")).isNull();
        assertThat(bigQuery.listDatasets().iterateAll()).extracting(d -> d.getDatasetId().getDataset())
                .containsExactly("dicom");
        assertThatThrownBy(() -> bigQuery.create(DatasetInfo.of("dicom")))
                .isInstanceOfSatisfying(BigQueryException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getReason()).isEqualTo("duplicate");
                });
        assertThat(bigQuery.delete(DatasetId.of("dicom"), BigQuery.DatasetDeleteOption.deleteContents())).isTrue();
        assertThat(bigQuery.delete(DatasetId.of("dicom"))).isFalse();
    }

    @Test
    void aNestedTableIsCreatedAndReadBackWithItsSchema() {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));

        Table found = bigQuery.getTable(table);

        assertThat(found.exists()).isTrue();
        assertThat(found.getDefinition().getSchema()).isEqualTo(SCHEMA);
        assertThat(found.getNumRows()).isZero();
        assertThat(bigQuery.getTable(TableId.of("dicom", "missing"))).isNull();
        assertThat(bigQuery.listTables("dicom").iterateAll()).extracting(t -> t.getTableId().getTable())
                .containsExactly("instances");
        assertThatThrownBy(() -> bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA))))
                .isInstanceOfSatisfying(BigQueryException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(bigQuery.delete(table)).isTrue();
        assertThat(bigQuery.delete(table)).isFalse();
    }

    @Test
    void streamedNestedRepeatedJsonAndTimestampValuesComeBackExactly() {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        Map<String, Object> full = Map.of(
                "SOPInstanceUID", "1.2.3",
                "Rows", 512,
                "LastUpdated", "2020-01-02 03:04:05.123456 UTC",
                "Metadata", "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]},\"x\":1.25}",
                "ImageType", List.of("ORIGINAL", "PRIMARY"),
                "ProcedureCodeSequence", List.of(
                        Map.of("CodeValue", "CT1", "Modifiers", List.of(Map.of("Code", "M1"), Map.of("Code", "M2"))),
                        Map.of("CodeValue", "CT2", "Modifiers", List.of())));

        InsertAllResponse response = bigQuery.insertAll(InsertAllRequest.newBuilder(table)
                .addRow(full).addRow(Map.of("SOPInstanceUID", "1.2.4")).build());

        assertThat(response.hasErrors()).isFalse();
        List<FieldValueList> rows = rows(bigQuery.listTableData(table, SCHEMA));
        assertThat(rows).hasSize(2);
        FieldValueList first = rows.get(0);
        assertThat(first.get("Rows").getLongValue()).isEqualTo(512);
        assertThat(first.get("LastUpdated").getTimestampInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05.123456Z"));
        assertThat(first.get("Metadata").getStringValue())
                .isEqualTo("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]},\"x\":1.25}");
        assertThat(first.get("ImageType").getRepeatedValue()).extracting(FieldValue::getStringValue)
                .containsExactly("ORIGINAL", "PRIMARY");
        List<FieldValue> codes = first.get("ProcedureCodeSequence").getRepeatedValue();
        // Records inside a REPEATED field are read by position: the client gives them no field names.
        assertThat(codes.get(0).getRecordValue().get(0).getStringValue()).isEqualTo("CT1");
        assertThat(codes.get(0).getRecordValue().get(1).getRepeatedValue())
                .extracting(m -> m.getRecordValue().get(0).getStringValue()).containsExactly("M1", "M2");
        assertThat(codes.get(1).getRecordValue().get(1).getRepeatedValue()).isEmpty();
        FieldValueList second = rows.get(1);
        assertThat(second.get("Rows").isNull()).isTrue();
        assertThat(second.get("ImageType").getRepeatedValue()).isEmpty();
    }

    @Test
    void aBadStreamedRowRejectsTheWholeRequestAndSaysWhy() {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));

        InsertAllResponse response = bigQuery.insertAll(InsertAllRequest.newBuilder(table)
                .addRow(Map.of("SOPInstanceUID", "1.2.3"))
                .addRow(Map.of("SOPInstanceUID", "1.2.4", "Rows", "many")).build());

        assertThat(response.getInsertErrors()).containsOnlyKeys(0L, 1L);
        assertThat(response.getErrorsFor(1).get(0).getReason()).isEqualTo("invalid");
        assertThat(response.getErrorsFor(1).get(0).getMessage()).contains("Rows");
        assertThat(response.getErrorsFor(0).get(0).getReason()).isEqualTo("stopped");
        assertThat(bigQuery.getTable(table).getNumRows()).isZero();
    }

    @Test
    void aLoadJobUploadedInSeveralChunksAppendsEveryRow() throws Exception {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        StringBuilder ndjson = new StringBuilder();
        int count = 6000;
        for (int i = 0; i < count; i++) {
            ndjson.append("{\"SOPInstanceUID\":\"1.2.").append(i).append("\",\"Rows\":").append(i)
                    .append(",\"ImageType\":[\"ORIGINAL\",\"PRIMARY\",\"AXIAL\"],\"Metadata\":{\"padding\":\"")
                    .append("x".repeat(60)).append("\"}}\n");
        }
        byte[] bytes = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * 256 * 1024);

        Job job = load(bytes, WriteChannelConfiguration.newBuilder(table).setFormatOptions(FormatOptions.json())
                .setWriteDisposition(WriteDisposition.WRITE_APPEND).build());

        assertThat(job.getStatus().getError()).isNull();
        assertThat(bigQuery.getTable(table).getNumRows()).isEqualTo(count);
    }

    @Test
    void aLoadJobAddsColumnsOnlyWhenTheSchemaUpdateOptionAllowsIt() throws Exception {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        Schema wider = Schema.of(Field.newBuilder("SOPInstanceUID", StandardSQLTypeName.STRING)
                .setMode(Field.Mode.REQUIRED).build(), Field.of("Modality", StandardSQLTypeName.STRING));
        byte[] row = "{\"SOPInstanceUID\":\"9\",\"Modality\":\"CT\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> load(row, WriteChannelConfiguration.newBuilder(table)
                .setFormatOptions(FormatOptions.json()).setSchema(wider).build()))
                .isInstanceOfSatisfying(BigQueryException.class, e -> assertThat(e.getMessage())
                        .contains("Cannot add fields (field: Modality)"));
        Job allowed = load(row, WriteChannelConfiguration.newBuilder(table).setFormatOptions(FormatOptions.json())
                .setSchema(wider).setSchemaUpdateOptions(List.of(JobInfo.SchemaUpdateOption.ALLOW_FIELD_ADDITION)).build());

        assertThat(allowed.getStatus().getError()).isNull();
        Schema after = bigQuery.getTable(table).getDefinition().getSchema();
        assertThat(after.getFields()).extracting(Field::getName).endsWith("Modality").hasSize(SCHEMA.getFields().size() + 1);
        assertThat(bigQuery.getTable(table).getNumRows()).isEqualTo(1);
    }

    @Test
    void copyJobsAppendTruncateAndRefuseANonEmptyTableForWriteEmpty() throws Exception {
        TableId source = TableId.of("dicom", "source");
        bigQuery.create(TableInfo.of(source, StandardTableDefinition.of(SCHEMA)));
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        bigQuery.insertAll(InsertAllRequest.newBuilder(source).addRow(Map.of("SOPInstanceUID", "s1"))
                .addRow(Map.of("SOPInstanceUID", "s2")).build());
        bigQuery.insertAll(InsertAllRequest.newBuilder(table).addRow(Map.of("SOPInstanceUID", "t1")).build());

        assertThat(copy(source, WriteDisposition.WRITE_APPEND).getStatus().getError()).isNull();
        assertThat(bigQuery.getTable(table).getNumRows()).isEqualTo(3);

        assertThatThrownBy(() -> copy(source, WriteDisposition.WRITE_EMPTY))
                .isInstanceOfSatisfying(BigQueryException.class, e -> assertThat(e.getReason()).isEqualTo("duplicate"));
        assertThat(bigQuery.getTable(table).getNumRows()).isEqualTo(3);

        assertThat(copy(source, WriteDisposition.WRITE_TRUNCATE).getStatus().getError()).isNull();
        assertThat(rows(bigQuery.listTableData(table, SCHEMA))).extracting(r -> r.get(0).getStringValue())
                .containsExactly("s1", "s2");
    }

    @Test
    void anUnsupportedCallFailsWithTheGoogleErrorEnvelopeInsteadOfSucceeding() {
        assertThatThrownBy(() -> bigQuery.create(RoutineInfo.newBuilder(RoutineId.of("dicom", "f"))
                .setRoutineType("SCALAR_FUNCTION").setLanguage("SQL").setBody("1").build()))
                .isInstanceOfSatisfying(BigQueryException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(501);
                    assertThat(e.getReason()).isEqualTo("notImplemented");
                    assertThat(e.getMessage()).contains("routines").contains("not supported");
                });
    }

    @Test
    void aLoadInAnUnsupportedFormatIsRefused() {
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));

        assertThatThrownBy(() -> load("a,b\n".getBytes(StandardCharsets.UTF_8),
                WriteChannelConfiguration.newBuilder(table).setFormatOptions(FormatOptions.csv()).build()))
                .hasMessageContaining("NEWLINE_DELIMITED_JSON");
    }

    private Job load(byte[] data, WriteChannelConfiguration configuration) throws Exception {
        TableDataWriteChannel writer = bigQuery.writer(JobId.of("load_" + System.nanoTime()), configuration);
        // The smallest chunk the client allows, so that a larger upload takes several 308 round trips.
        writer.setChunkSize(256 * 1024);
        try (OutputStream out = Channels.newOutputStream(writer)) {
            out.write(data);
        }
        return writer.getJob().waitFor();
    }

    private Job copy(TableId source, WriteDisposition disposition) throws InterruptedException {
        return bigQuery.create(JobInfo.of(CopyJobConfiguration.newBuilder(table, source)
                .setWriteDisposition(disposition).build())).waitFor();
    }

    private static List<FieldValueList> rows(TableResult result) {
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        return rows;
    }

}
