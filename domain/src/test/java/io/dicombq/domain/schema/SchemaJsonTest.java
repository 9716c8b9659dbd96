package io.dicombq.domain.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaJsonTest {

    @Test
    void writesBigQuerySchemaFieldsAndReadsThemBack() {
        TableSchema schema = TableSchema.of(
                Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
                Column.record("ReferencedImageSequence", Mode.REPEATED, List.of(
                        Column.of("ReferencedSOPInstanceUID", ColumnType.STRING, Mode.NULLABLE))),
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE));

        String json = SchemaJson.write(schema);

        assertThat(json).isEqualTo("[{\"name\":\"StudyDate\",\"type\":\"DATE\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"ReferencedImageSequence\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":["
                + "{\"name\":\"ReferencedSOPInstanceUID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]},"
                + "{\"name\":\"Metadata\",\"type\":\"JSON\",\"mode\":\"NULLABLE\"}]");
        assertThat(SchemaJson.parse(json)).isEqualTo(schema);
        assertThat(SchemaJson.parse(SchemaJson.writePretty(schema))).isEqualTo(schema);
    }

    @Test
    void readsTheFormsBigQueryAcceptsAndRejectsBrokenOnes() {
        assertThat(SchemaJson.parse("{\"fields\":[{\"name\":\"a\",\"type\":\"INT64\"},"
                + "{\"name\":\"s\",\"type\":\"STRUCT\",\"mode\":\"repeated\",\"fields\":[{\"name\":\"b\",\"type\":\"FLOAT64\"}]}]}"))
                .isEqualTo(TableSchema.of(Column.of("a", ColumnType.INTEGER, Mode.NULLABLE),
                        Column.record("s", Mode.REPEATED, List.of(Column.of("b", ColumnType.FLOAT, Mode.NULLABLE)))));
        assertThatThrownBy(() -> SchemaJson.parse("[{\"name\":\"a\",\"type\":\"WORD\"}]"))
                .hasMessageContaining("schema field a has an unknown type \"WORD\"");
        assertThatThrownBy(() -> SchemaJson.parse("[{\"name\":\"s\",\"type\":\"RECORD\"}]"))
                .hasMessageContaining("schema field s").hasMessageContaining("needs at least one field");
        assertThatThrownBy(() -> SchemaJson.parse("[{\"type\":\"STRING\"}]")).hasMessageContaining("has no \"name\"");
        assertThatThrownBy(() -> SchemaJson.parse("[{\"name\":\"a\",\"type\":\"STRING\",\"colour\":1}]"))
                .hasMessageContaining("unknown member \"colour\"");
    }
}
