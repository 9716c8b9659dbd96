package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtSmallRows;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staged rows come back from the spill file exactly as the direct conversion ({@link H2Values}) makes them, and a
 * refused batch leaves nothing behind: not its rows, and not the numbers given to its strings.
 */
class SpillFileTest {
    private static final TableSchema SCHEMA = TableSchema.of(
            Column.of("Name", ColumnType.STRING, Mode.NULLABLE),
            Column.of("Count", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("Ratio", ColumnType.FLOAT, Mode.NULLABLE),
            Column.of("Amount", ColumnType.NUMERIC, Mode.NULLABLE),
            Column.of("Flag", ColumnType.BOOLEAN, Mode.NULLABLE),
            Column.of("Blob", ColumnType.BYTES, Mode.NULLABLE),
            Column.of("Day", ColumnType.DATE, Mode.NULLABLE),
            Column.of("Clock", ColumnType.TIME, Mode.NULLABLE),
            Column.of("Moment", ColumnType.DATETIME, Mode.NULLABLE),
            Column.of("Instant", ColumnType.TIMESTAMP, Mode.NULLABLE),
            Column.of("Doc", ColumnType.JSON, Mode.NULLABLE),
            Column.of("Tags", ColumnType.STRING, Mode.REPEATED),
            Column.of("Key", ColumnType.STRING, Mode.REQUIRED),
            Column.record("Items", Mode.REPEATED, List.of(
                    Column.of("Tag", ColumnType.STRING, Mode.NULLABLE),
                    Column.of("Data", ColumnType.STRING, Mode.REPEATED),
                    Column.record("Inner", Mode.NULLABLE, List.of(Column.of("Value", ColumnType.INTEGER, Mode.NULLABLE))))));

    private static Row row(int i) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", i % 3 == 0 ? null : "name-" + (i % 4));
        values.put("count", i % 2 == 0 ? (Object) (long) i : (Object) i);
        values.put("Ratio", i / 3.0);
        values.put("Amount", new BigDecimal("-12345678901234567890.123456789").add(BigDecimal.valueOf(i)));
        values.put("Flag", i % 2 == 0);
        values.put("Blob", new byte[] {(byte) i, 0, -1});
        values.put("Day", LocalDate.of(1899, 12, 31).plusDays(i));
        values.put("Clock", LocalTime.of(23, 59, 59, 123_456_000));
        values.put("Moment", LocalDateTime.of(2024, 2, 29, 1, 2, 3, 4_000));
        values.put("Instant", Instant.ofEpochSecond(-86_400L * i, 999_999_000));
        values.put("Doc", new JsonText("{\"b\": [1, 2.5, null], \"a\": \"ü\"}"));
        values.put("Tags", i % 5 == 0 ? null : List.of("ORIGINAL", "PRIMARY", "x".repeat(70 + i), "Łódź " + i));
        values.put("Key", "k" + i);
        List<Row> items = new ArrayList<>();
        for (int e = 0; e < i % 4; e++) {
            Map<String, Object> item = new HashMap<>();
            item.put("DATA", List.of("v" + e, i + "." + e));
            item.put("Tag", "Tag_0009100" + e);
            item.put("Inner", e == 1 ? null : Row.of(Map.of("Value", (long) e)));
            items.add(Row.of(item));
        }
        values.put("Items", items);
        return Row.of(values);
    }

    @Test
    void stagedRowsDecodeToTheValuesTheDirectConversionMakes(@TempDir Path dir) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(row(i));
        }
        List<Value[]> replayed = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            spill.append(SCHEMA, rows.subList(0, 250));
            spill.append(SCHEMA, rows.subList(250, 600));
            assertThat(spill.rows()).isEqualTo(600);
            spill.replay(SCHEMA, new H2Values(), replayed::add, row -> {
                throw new AssertionError("every batch had the target schema");
            });
        }
        H2Values direct = new H2Values();
        assertThat(replayed).hasSize(600);
        for (int r = 0; r < rows.size(); r++) {
            assertThat(replayed.get(r)).as("row %d", r).isEqualTo(converted(direct, rows.get(r)));
        }
    }

    @Test
    void aBatchIsHandedOverInChunksBoundedByRowsAndBytesWithEveryRowOnceInOrder(@TempDir Path dir) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(i));
        }
        List<Value[]> handed = new ArrayList<>();
        List<Integer> byRows = new ArrayList<>();
        List<Integer> byBytes = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            spill.append(SCHEMA, rows.subList(0, 100));
            spill.append(SCHEMA, rows.subList(100, 300));
            SpillFile.Cursor cursor = spill.cursor(new H2Values());
            while (cursor.nextBatch(SCHEMA)) {
                while (cursor.hasRows()) {
                    int before = handed.size();
                    cursor.hand(64, Integer.MAX_VALUE, handed::add, row -> { });
                    byRows.add(handed.size() - before);
                }
            }
            cursor = spill.cursor(new H2Values());
            while (cursor.nextBatch(SCHEMA)) {
                while (cursor.hasRows()) {
                    int before = handed.size();
                    // Each row takes well over a byte: the bound stops a chunk after its first row.
                    cursor.hand(64, 1, handed::add, row -> { });
                    byBytes.add(handed.size() - before);
                }
            }
        }
        // A chunk never spans two batches: 100 = 64 + 36, 200 = 64 + 64 + 64 + 8.
        assertThat(byRows).containsExactly(64, 36, 64, 64, 64, 8);
        assertThat(byBytes).hasSize(300).containsOnly(1);
        H2Values direct = new H2Values();
        for (int r = 0; r < 600; r++) {
            assertThat(handed.get(r)).as("row %d", r).isEqualTo(converted(direct, rows.get(r % 300)));
        }
    }

    @Test
    void aBatchStagedWithANarrowerSchemaComesBackAsRows(@TempDir Path dir) {
        TableSchema narrow = TableSchema.of(SCHEMA.columns().subList(0, 13).toArray(new Column[0]));
        Map<String, Object> values = new LinkedHashMap<>(row(7).values());
        values.remove("Items");
        Row early = Row.of(values);
        List<Row> back = new ArrayList<>();
        List<Value[]> direct = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            spill.append(narrow, List.of(early));
            spill.append(SCHEMA, List.of(row(8)));
            spill.replay(SCHEMA, new H2Values(), direct::add, back::add);
        }
        assertThat(direct).hasSize(1);
        assertThat(back).hasSize(1);
        Row decoded = back.get(0);
        assertThat(decoded.get("Count")).isEqualTo(7L);
        assertThat(decoded.get("Name")).isEqualTo("name-3");
        assertThat((byte[]) decoded.get("Blob")).containsExactly(7, 0, -1);
        assertThat(decoded.get("Clock")).isEqualTo(LocalTime.of(23, 59, 59, 123_456_000));
        assertThat(decoded.get("Instant")).isEqualTo(Instant.ofEpochSecond(-86_400L * 7, 999_999_000));
        assertThat(decoded.get("Amount")).isEqualTo(new BigDecimal("-12345678901234567883.123456789"));
        assertThat(decoded.get("Tags")).isEqualTo(List.of("ORIGINAL", "PRIMARY", "x".repeat(77), "Łódź 7"));
        assertThat(((JsonText) decoded.get("Doc")).json()).isEqualTo("{\"b\":[1,2.5,null],\"a\":\"ü\"}");
    }

    @Test
    void aRefusedBatchLeavesNothingAndLaterStringsStillDecode(@TempDir Path dir) {
        Map<String, Object> bad = new LinkedHashMap<>(row(1).values());
        bad.put("Tags", List.of("first-seen-in-refused-batch", "another-new-one"));
        bad.put("count", "not a number");
        List<Value[]> replayed = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            spill.append(SCHEMA, List.of(row(1)));
            assertThatThrownBy(() -> spill.append(SCHEMA, List.of(row(2), Row.of(bad))))
                    .isInstanceOf(DicombqException.class)
                    .hasMessage("a String value does not fit INTEGER field row 1, column Count")
                    .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
            assertThat(spill.rows()).isEqualTo(1);
            // The same new strings again, in a batch that is kept: they must not refer to numbers of the refused one.
            Map<String, Object> good = new LinkedHashMap<>(row(2).values());
            good.put("Tags", List.of("another-new-one", "first-seen-in-refused-batch"));
            spill.append(SCHEMA, List.of(Row.of(good), Row.of(good)));
            spill.replay(SCHEMA, new H2Values(), replayed::add, row -> { });
        }
        assertThat(replayed).hasSize(3);
        int tags = SCHEMA.columns().indexOf(SCHEMA.column("Tags"));
        assertThat(replayed.get(1)[tags].getString()).isEqualTo("[another-new-one, first-seen-in-refused-batch]");
        assertThat(replayed.get(2)[tags]).isEqualTo(replayed.get(1)[tags]);
    }

    @Test
    void valuesThatDoNotFitAreRefusedNamingRowAndColumn(@TempDir Path dir) {
        assertRefused(dir, "Key", null, "Missing required field: row 0, column Key");
        assertRefused(dir, "Tags", "ORIGINAL", "expected a list for the REPEATED field row 0, column Tags, got String");
        assertRefused(dir, "Tags", Arrays.asList("a", null), "Array cannot have a null element: row 0, column Tags[1]");
        assertRefused(dir, "Doc", new JsonText("{not json"), "not valid JSON in field row 0, column Doc");
        assertRefused(dir, "Nope", 1L, "no such field: Nope (row 0)");
        assertRefused(dir, "NAME", "x", "field Name is given twice, in different letter case (row 0)");
        assertRefused(dir, "Items", List.of(Row.of(Map.of("Inner", Row.of(Map.of("Value", 1.5))))),
                "a Double value does not fit INTEGER field row 0, column Items.Inner.Value");
        assertRefused(dir, "Items", List.of(Row.of(Map.of("Bogus", 1L))), "no such field: Bogus (row 0, column Items)");
    }

    @Test
    void ctRowsWithPrivateElementsRoundTrip(@TempDir Path dir) {
        TableSchema schema = CtSmallRows.schema();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(CtSmallRows.instance(i / 100, i / 50, i / 25, i));
        }
        List<Value[]> replayed = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            spill.append(schema, rows);
            spill.replay(schema, new H2Values(), replayed::add, row -> { });
        }
        H2Values direct = new H2Values();
        for (int r = 0; r < rows.size(); r++) {
            Value[] expected = new Value[schema.columns().size()];
            for (int c = 0; c < expected.length; c++) {
                Column column = schema.columns().get(c);
                expected[c] = direct.of(column, rows.get(r).get(column.name()), "row " + r);
            }
            assertThat(replayed.get(r)).as("row %d", r).isEqualTo(expected);
        }
    }

    @Test
    void moreDistinctStringsThanTheTableHoldsStillRoundTrip(@TempDir Path dir) {
        TableSchema schema = TableSchema.of(Column.of("Uid", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Tags", ColumnType.STRING, Mode.REPEATED));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3 * StringIds.CAPACITY; i++) {
            rows.add(Row.of(Map.of("Uid", "1.2.840." + i, "Tags", List.of("ORIGINAL", "t" + i, "t" + (i / 2)))));
        }
        List<Value[]> replayed = new ArrayList<>();
        try (SpillFile spill = SpillFile.create(dir)) {
            for (int first = 0; first < rows.size(); first += 1000) {
                spill.append(schema, rows.subList(first, Math.min(rows.size(), first + 1000)));
            }
            spill.replay(schema, new H2Values(), replayed::add, row -> { });
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(replayed.get(i)[0].getString()).isEqualTo("1.2.840." + i);
            assertThat(replayed.get(i)[1].getString()).isEqualTo("[ORIGINAL, t" + i + ", t" + (i / 2) + "]");
        }
    }

    @Test
    void closingDeletesTheFile(@TempDir Path dir) throws Exception {
        SpillFile spill = SpillFile.create(dir);
        spill.append(SCHEMA, List.of(row(1)));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        spill.close();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }

    private static void assertRefused(Path dir, String column, Object value, String message) {
        Map<String, Object> values = new LinkedHashMap<>(row(1).values());
        values.put(column, value);
        try (SpillFile spill = SpillFile.create(dir)) {
            assertThatThrownBy(() -> spill.append(SCHEMA, List.of(Row.of(values))))
                    .isInstanceOf(DicombqException.class)
                    .hasMessageStartingWith(message)
                    .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
            assertThat(spill.rows()).isZero();
        }
    }

    /** The row as {@link H2Values} converts it for a direct insert, field names matched ignoring case. */
    private static Value[] converted(H2Values direct, Row row) {
        return new RowValues(SCHEMA, direct).of(row, 0);
    }
}
