package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BigQuerySchemasTest {

    @Test
    void nestedRepeatedSchemaSurvivesTheTripThroughTheClientModel() {
        TableSchema schema = TableSchema.of(
                Column.of("StudyInstanceUID", ColumnType.STRING, Mode.REQUIRED),
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
                Column.record("PatientName", Mode.NULLABLE, List.of(
                        Column.record("Alphabetic", Mode.NULLABLE, List.of(
                                Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE))))),
                Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
                        Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
                        Column.of("Number", ColumnType.INTEGER, Mode.REPEATED))),
                Column.of("AcquisitionDateTime", ColumnType.TIMESTAMP, Mode.NULLABLE));

        Schema client = BigQuerySchemas.toClient(schema);

        assertThat(client.getFields().get("ProcedureCodeSequence").getMode()).isEqualTo(Field.Mode.REPEATED);
        assertThat(BigQuerySchemas.fromClient(client)).isEqualTo(schema);
    }

    @Test
    void aFieldWithoutModeIsNullableAsTheRestApiOmitsIt() {
        Schema client = Schema.of(Field.of("Modality", com.google.cloud.bigquery.StandardSQLTypeName.STRING));

        assertThat(BigQuerySchemas.fromClient(client).columns())
                .containsExactly(Column.of("Modality", ColumnType.STRING, Mode.NULLABLE));
    }
}
