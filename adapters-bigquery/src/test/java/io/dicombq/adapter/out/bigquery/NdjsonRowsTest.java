package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.json.Utf8Buffer;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonRowsTest {
    private static final TableSchema SCHEMA = TableSchema.of(
            Column.of("SOPInstanceUID", ColumnType.STRING, Mode.REQUIRED),
            Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
            Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
            Column.of("LastUpdated", ColumnType.TIMESTAMP, Mode.NULLABLE),
            Column.of("SliceThickness", ColumnType.FLOAT, Mode.NULLABLE),
            Column.of("Ratio", ColumnType.NUMERIC, Mode.NULLABLE),
            Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
            Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
            Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
                    Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE))));

    @Test
    void writesOneLineOfBigQueryLoadJsonPerRowAndLeavesNullsOut() {
        Row row = Row.of(Map.of(
                "SOPInstanceUID", "1.2.3",
                "Rows", 512L,
                "StudyDate", LocalDate.of(2021, 3, 4),
                "StudyTime", LocalTime.of(10, 5, 7, 120_000_000),
                "LastUpdated", Instant.parse("2020-01-02T03:04:05.123456789Z"),
                "SliceThickness", Double.NaN,
                "Ratio", new BigDecimal("1.50"),
                "Metadata", new JsonText("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]}}"),
                "ImageType", List.of("ORIGINAL", "PRIMARY"),
                "ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", "CT1")))));
        Utf8Buffer out = new Utf8Buffer(16);

        NdjsonRows.append(SCHEMA, List.of(row, Row.of(Map.of("SOPInstanceUID", "1.2.4"))), out);

        assertThat(out.toString()).isEqualTo(
                "{\"SOPInstanceUID\":\"1.2.3\",\"Rows\":512,\"StudyDate\":\"2021-03-04\",\"StudyTime\":\"10:05:07.120000\","
                        + "\"LastUpdated\":\"2020-01-02T03:04:05.123456Z\",\"SliceThickness\":\"NaN\",\"Ratio\":\"1.50\","
                        + "\"Metadata\":{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]}},"
                        + "\"ImageType\":[\"ORIGINAL\",\"PRIMARY\"],\"ProcedureCodeSequence\":[{\"CodeValue\":\"CT1\"}]}\n"
                        + "{\"SOPInstanceUID\":\"1.2.4\"}\n");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByColumnAndNothingOfTheBatchIsWritten() {
        Utf8Buffer out = new Utf8Buffer(16);
        List<Row> rows = List.of(Row.of(Map.of("SOPInstanceUID", "1")), Row.of(Map.of("SOPInstanceUID", "2", "Rows", "many")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA, rows, out))
                .isInstanceOfSatisfying(io.dicombq.domain.status.DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(io.dicombq.domain.status.Code.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("Rows").contains("INTEGER").contains("many");
                });
        assertThat(out.length()).isZero();
    }

    @Test
    void aValueWithoutAColumnIsRefusedRatherThanDropped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA,
                        List.of(Row.of(Map.of("SOPInstanceUID", "1", "Unknown", "x"))), new Utf8Buffer(16)))
                .hasMessageContaining("Unknown");
    }

    @Test
    void findsAValueWithoutAColumnWhetherTheRowNamesItsValuesInColumnOrderOrNot() {
        java.util.LinkedHashMap<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("SOPInstanceUID", "1");
        ordered.put("Rows", 2L);
        ordered.put("Zzz", "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA,
                List.of(Row.of(ordered)), new Utf8Buffer(16))).hasMessageContaining("row value Zzz");

        java.util.LinkedHashMap<String, Object> shuffled = new java.util.LinkedHashMap<>();
        shuffled.put("ImageType", List.of("ORIGINAL"));
        shuffled.put("SOPInstanceUID", "1");
        Utf8Buffer out = new Utf8Buffer(16);
        NdjsonRows.append(SCHEMA, List.of(Row.of(shuffled)), out);
        assertThat(out.toString()).contains("\"SOPInstanceUID\":\"1\"").contains("\"ImageType\":[\"ORIGINAL\"]");
    }

    @Test
    void writesUtf8AndCountsBytesAndAFailedBatchLeavesWhatCameBefore() {
        Utf8Buffer out = new Utf8Buffer(4);
        int first = NdjsonRows.append(SCHEMA, List.of(Row.of(Map.of("SOPInstanceUID", "1", "ImageType",
                List.of("\u5c71\u7530^\u592a\u90ce", "tab\there")))), out);
        String line = "{\"SOPInstanceUID\":\"1\",\"ImageType\":[\"\u5c71\u7530^\u592a\u90ce\",\"tab\\there\"]}\n";
        assertThat(out.toString()).isEqualTo(line);
        assertThat(first).isEqualTo(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

        List<Row> bad = List.of(Row.of(Map.of("SOPInstanceUID", "2")), Row.of(Map.of("SOPInstanceUID", "3", "Rows", 1.5)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA, bad, out))
                .hasMessageContaining("column Rows is NULLABLE INTEGER");
        assertThat(out.toString()).isEqualTo(line);
    }

    @Test
    void namesTheNestedPathOfAValueOfTheWrongType() {
        Row row = Row.of(Map.of("SOPInstanceUID", "1", "ProcedureCodeSequence",
                List.of(Row.of(Map.of("CodeValue", 7L)))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA, List.of(row),
                        new Utf8Buffer(16)))
                .hasMessageContaining("column ProcedureCodeSequence.CodeValue is NULLABLE STRING")
                .hasMessageContaining("not Long 7");
        Row nullElement = Row.of(Map.of("SOPInstanceUID", "1", "ImageType", java.util.Arrays.asList("A", null)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdjsonRows.append(SCHEMA, List.of(nullElement),
                        new Utf8Buffer(16)))
                .hasMessageContaining("REPEATED column ImageType holds a NULL element");
    }
}
