package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEvolutionTest {
    private static final Column UID = Column.of("uid", ColumnType.STRING, Mode.REQUIRED);
    private static final Column CODES = Column.record("codes", Mode.REPEATED, List.of(
            Column.of("value", ColumnType.STRING, Mode.NULLABLE)));

    @Test
    void appendedColumnsAndNestedFieldsFollowTheExistingOnesWhenAdditionIsAllowed() {
        Column widerCodes = Column.record("codes", Mode.REPEATED, List.of(
                Column.of("value", ColumnType.STRING, Mode.NULLABLE), Column.of("scheme", ColumnType.STRING, Mode.NULLABLE)));
        Column modality = Column.of("modality", ColumnType.STRING, Mode.NULLABLE);

        TableSchema merged = SchemaEvolution.merge(TableSchema.of(UID, CODES), TableSchema.of(modality, widerCodes, UID),
                "p:d.t", true, false);

        assertThat(merged).isEqualTo(TableSchema.of(UID, widerCodes, modality));
    }

    @Test
    void withoutTheOptionANewColumnIsRefusedByName() {
        assertThatThrownBy(() -> SchemaEvolution.merge(TableSchema.of(UID),
                TableSchema.of(UID, Column.of("modality", ColumnType.STRING, Mode.NULLABLE)), "p:d.t", false, false))
                .isInstanceOf(DicombqException.class)
                .hasMessage("Provided Schema does not match Table p:d.t. Cannot add fields (field: modality).");
    }

    @Test
    void aChangedTypeIsRefusedAndRelaxingRequiredNeedsItsOption() {
        assertThatThrownBy(() -> SchemaEvolution.merge(TableSchema.of(UID),
                TableSchema.of(Column.of("uid", ColumnType.INTEGER, Mode.REQUIRED)), "p:d.t", true, true))
                .hasMessageContaining("Field uid has changed type from STRING to INTEGER");
        TableSchema relaxed = TableSchema.of(Column.of("uid", ColumnType.STRING, Mode.NULLABLE));
        assertThatThrownBy(() -> SchemaEvolution.merge(TableSchema.of(UID), relaxed, "p:d.t", true, false))
                .hasMessageContaining("changed mode from REQUIRED to NULLABLE");
        assertThat(SchemaEvolution.merge(TableSchema.of(UID), relaxed, "p:d.t", false, true)).isEqualTo(relaxed);
    }

    @Test
    void aPatchMustKeepEveryColumn() {
        assertThatThrownBy(() -> SchemaEvolution.requireOnlyAdditions(TableSchema.of(UID, CODES), TableSchema.of(UID),
                "p:d.t", true))
                .hasMessageContaining("Field codes is missing in new schema");
    }
}
