package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldNamesTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("Modality", ColumnType.STRING, Mode.NULLABLE),
            Column.of("SeriesNumber", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("PatientName", ColumnType.STRING, Mode.NULLABLE),
            Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("StudyDate", ColumnType.STRING, Mode.NULLABLE));

    private static Row row(Object... nameThenValue) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            values.put((String) nameThenValue[i], nameThenValue[i + 1]);
        }
        return Row.of(values);
    }

    private static Object[] ordered(Row row) {
        return FieldNames.inColumnOrder(row, COLUMNS, "row 0");
    }

    @Test
    void fieldsInColumnOrderWithGapsLandInTheirColumns() {
        assertThat(ordered(row("Modality", "CT", "Rows", 512L))).containsExactly("CT", null, null, 512L, null);
        assertThat(ordered(row("StudyDate", "20200101"))).containsExactly(null, null, null, null, "20200101");
        assertThat(ordered(row())).containsExactly(null, null, null, null, null);
    }

    @Test
    void aFieldHeldAsNullIsNull() {
        assertThat(ordered(row("Modality", null, "SeriesNumber", 3L))).containsExactly(null, 3L, null, null, null);
    }

    @Test
    void fieldsOutOfColumnOrderOrInAnotherCaseAreFoundAsBigQueryFindsThem() {
        assertThat(ordered(row("Rows", 512L, "Modality", "CT"))).containsExactly("CT", null, null, 512L, null);
        assertThat(ordered(row("modality", "MR", "ROWS", 256L))).containsExactly("MR", null, null, 256L, null);
        assertThat(ordered(row("Modality", "MR", "studydate", "x", "SeriesNumber", 1L)))
                .containsExactly("MR", 1L, null, null, "x");
    }

    @Test
    void anUnknownFieldIsInvalidArgumentNamingItAndTheRow() {
        assertThatThrownBy(() -> ordered(row("Modality", "CT", "Nope", 1L)))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("no such field: Nope (row 0)");
    }

    @Test
    void aFieldGivenTwiceInDifferentCaseIsInvalidArgument() {
        assertThatThrownBy(() -> ordered(row("Modality", "CT", "MODALITY", "MR")))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("field Modality is given twice");
    }

    /** Every subset of the columns, in every sampled order and letter case, against a lookup by lower-case name. */
    @Test
    void agreesWithALookupByNameForRandomRows() {
        Random random = new Random(19);
        for (int round = 0; round < 2_000; round++) {
            List<Column> chosen = new ArrayList<>();
            for (Column column : COLUMNS) {
                if (random.nextBoolean()) {
                    chosen.add(column);
                }
            }
            if (random.nextInt(3) == 0) {
                Collections.shuffle(chosen, random);
            }
            LinkedHashMap<String, Object> values = new LinkedHashMap<>();
            Object[] expected = new Object[COLUMNS.size()];
            for (Column column : chosen) {
                String name = random.nextInt(4) == 0 ? column.name().toUpperCase(Locale.ROOT) : column.name();
                Object value = random.nextInt(5) == 0 ? null : column.name() + round;
                values.put(name, value);
                expected[COLUMNS.indexOf(column)] = value;
            }
            assertThat(ordered(Row.of(values))).as("round %d: %s", round, values).containsExactly(expected);
        }
    }
}
