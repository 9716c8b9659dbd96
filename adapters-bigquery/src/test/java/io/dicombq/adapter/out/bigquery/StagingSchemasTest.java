package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StagingSchemasTest {
    private static final Column UID = Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE);
    private static final Column ROWS = Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE);
    private static final Column MODALITY = Column.of("Modality", ColumnType.STRING, Mode.NULLABLE);
    private static final Column VALUE = Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE);
    private static final Column MEANING = Column.of("CodeMeaning", ColumnType.STRING, Mode.NULLABLE);

    private static Column codes(Column... fields) {
        return Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(fields));
    }

    @Test
    void columnsAddedAfterTheStagedOnesAtEveryLevelGrowInPlace() {
        assertThat(StagingSchemas.growsInPlace(List.of(UID, codes(VALUE)), List.of(UID, codes(VALUE, MEANING), ROWS))).isTrue();
        assertThat(StagingSchemas.growsInPlace(List.of(UID), List.of(UID))).isTrue();
    }

    @Test
    void aColumnAddedBeforeAStagedOneAtAnyLevelDoesNotGrowInPlace() {
        assertThat(StagingSchemas.growsInPlace(List.of(UID, MODALITY), List.of(UID, ROWS, MODALITY))).isFalse();
        assertThat(StagingSchemas.growsInPlace(List.of(codes(MEANING)), List.of(codes(VALUE, MEANING)))).isFalse();
    }

    @Test
    void anotherTypeOrModeOrAMissingColumnDoesNotGrowInPlace() {
        Column rowsAsText = Column.of("Rows", ColumnType.STRING, Mode.NULLABLE);
        Column repeatedRows = Column.of("Rows", ColumnType.INTEGER, Mode.REPEATED);
        for (Column changed : List.of(rowsAsText, repeatedRows)) {
            assertThat(StagingSchemas.growsInPlace(List.of(UID, ROWS), List.of(UID, changed))).isFalse();
        }
        assertThat(StagingSchemas.growsInPlace(List.of(UID, ROWS), List.of(UID))).isFalse();
    }
}
