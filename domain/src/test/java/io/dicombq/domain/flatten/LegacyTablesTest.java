package io.dicombq.domain.flatten;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.DroppedTags;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyTablesTest {
    private static final TableUri TABLE = TableUri.parse("bq://my-project.dicom.old");
    private static final Column PATIENT_ID = Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE);

    @Test
    void theOldDroppedTagsAndScalarRepeatingGroupsCannotTakeTheCurrentLayout() {
        TableSchema old = TableSchema.of(PATIENT_ID, Column.of("OverlayRows", ColumnType.INTEGER, Mode.NULLABLE),
                DroppedTags.STRING_COLUMN);
        assertThat(LegacyTables.checkAppendable(TABLE, old, Layout.FLATTENED)).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
            assertThat(error.message()).contains(TABLE.toString()).contains("DroppedTags is STRING REPEATED")
                    .contains("OverlayRows is INTEGER NULLABLE").contains("--overwrite-table");
        });
    }

    @Test
    void missingOperationalColumnsAndTheJsonLayoutAreNoObstacle() {
        assertThat(LegacyTables.checkAppendable(TABLE, TableSchema.of(PATIENT_ID, DroppedTags.RECORD_COLUMN),
                Layout.FLATTENED)).isEmpty();
        assertThat(LegacyTables.checkAppendable(TABLE, TableSchema.of(PATIENT_ID, DroppedTags.STRING_COLUMN),
                Layout.JSON)).isEmpty();
        assertThat(LegacyTables.checkAppendable(TABLE, TableSchema.of(Column.record("OverlayRows", Mode.REPEATED,
                java.util.List.of(Column.of("Id", ColumnType.STRING, Mode.NULLABLE)))), Layout.FLATTENED)).isEmpty();
    }
}
