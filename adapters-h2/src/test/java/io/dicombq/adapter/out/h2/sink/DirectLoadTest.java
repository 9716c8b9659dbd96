package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes that give the table the export's schema are loaded while rows are still being staged (DirectLoad), with no
 * staging file. Whatever the schema does on the way, commit publishes exactly the staged rows with the final schema,
 * and no unlisted table is left behind.
 */
class DirectLoadTest {
    private static final TableUri TABLE = new TableUri("eager-project", "ds", "t");
    private static final Column ID = Column.of("Id", ColumnType.INTEGER, Mode.NULLABLE);
    private static final Column NAME = Column.record("Name", Mode.NULLABLE,
            List.of(Column.of("Family", ColumnType.STRING, Mode.NULLABLE)));

    private H2Warehouse warehouse;

    @BeforeEach
    void open(@TempDir Path dir) {
        warehouse = H2Warehouse.open(dir);
        warehouse.createDataset(TABLE.project(), TABLE.dataset());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void rowsStagedWhileTheSchemaGrowsAllArriveWithTheFinalSchema() {
        List<Column> columns = new ArrayList<>(List.of(ID, NAME));
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            int id = 0;
            // Six widenings: the loader goes on in a wider table each time and appends the narrower ones' rows at the end.
            for (int growth = 0; growth < 6; growth++) {
                columns.add(Column.of("Extra" + growth, ColumnType.STRING, Mode.REPEATED));
                for (int batch = 0; batch < 3; batch++) {
                    write.write(new TableSchema(List.copyOf(columns)), rows(id, 40, growth));
                    id += 40;
                }
            }
            write.commit(new TableSchema(List.copyOf(columns)));
        }
        assertThat(warehouse.tableSchema(TABLE)).contains(new TableSchema(columns));
        assertRows(6 * 3 * 40);
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void aSchemaThatStopsGrowingIsLoadedAheadAndCommitted() {
        TableSchema narrow = TableSchema.of(ID, NAME);
        TableSchema wide = TableSchema.of(ID, NAME, Column.of("Extra0", ColumnType.STRING, Mode.REPEATED));
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.OVERWRITE)) {
            write.write(narrow, rows(0, 100, -1));
            for (int batch = 1; batch < 10; batch++) {
                write.write(wide, rows(batch * 100, 100, 0));
            }
            // Before commit the rows are already being loaded, into a table no query can see.
            awaitUnlistedTable();
            assertThat(warehouse.entry(TABLE)).isEmpty();
            write.commit(wide);
        }
        assertRows(1000);
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void aFinalSchemaWiderThanTheStagedOneIsStillRight() {
        TableSchema staged = TableSchema.of(ID, NAME);
        TableSchema last = TableSchema.of(ID, NAME, Column.of("Late", ColumnType.DATE, Mode.NULLABLE));
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(staged, rows(0, 500, -1));
            write.commit(last);
        }
        assertThat(warehouse.tableSchema(TABLE)).contains(last);
        assertRows(500);
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void abortDropsWhatWasLoadedAhead() {
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            for (int batch = 0; batch < 5; batch++) {
                write.write(TableSchema.of(ID, NAME), rows(batch * 200, 200, -1));
            }
            write.abort();
        }
        assertThat(warehouse.entry(TABLE)).isEmpty();
        assertThat(physicalTables()).isZero();
    }

    @Test
    void aRecordThatGainsAFieldKeepsTheRowsLoadedBeforeIt() {
        Column wideName = Column.record("Name", Mode.NULLABLE, List.of(Column.of("Family", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Given", ColumnType.STRING, Mode.NULLABLE)));
        TableSchema wide = TableSchema.of(ID, wideName);
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(TableSchema.of(ID, NAME), rows(0, 300, -1));
            write.write(wide, List.of(Row.of(Map.of("Id", 300L, "Name", Row.of(Map.of("Family", "F6", "Given", "G"))))));
            write.commit(wide);
        }
        assertThat(warehouse.tableSchema(TABLE)).contains(wide);
        assertRows(301);
        List<Row> rows = warehouse.readRows(TABLE, 0, 400);
        assertThat(rows).filteredOn(row -> row.get("Id").equals(300L))
                .singleElement().satisfies(row -> assertThat(((Row) row.get("Name")).get("Given")).isEqualTo("G"));
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void theTableKeepsTheStagingOrderAcrossWideningsThroughH2AndThroughJava() {
        Column wideName = Column.record("Name", Mode.NULLABLE, List.of(Column.of("Family", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Given", ColumnType.STRING, Mode.NULLABLE)));
        Column extra = Column.of("Extra0", ColumnType.STRING, Mode.REPEATED);
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(TableSchema.of(ID, NAME), rows(0, 300, -1));
            // a new top-level column (copied inside H2), then a RECORD that gains a field (copied through Java)
            write.write(TableSchema.of(ID, NAME, extra), rows(300, 300, 0));
            write.write(TableSchema.of(ID, wideName, extra), rows(600, 300, 0));
            write.commit(TableSchema.of(ID, wideName, extra));
        }
        List<Row> rows = warehouse.readRows(TABLE, 0, 1000);
        assertThat(rows).extracting(row -> row.get("Id")).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 900).boxed().toList());
        assertThat(rows.get(0).get("Extra0")).isEqualTo(List.of());
        assertThat(rows.get(450).get("Extra0")).isEqualTo(List.of("e450"));
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void wideRowsKeepTheirValuesAndOrderWhenCopiedAFewAtATime() {
        // 100 KB a row: each copy's transaction takes a handful of them (CopySpans), through H2 and through Java
        Column blob = Column.of("Blob", ColumnType.STRING, Mode.NULLABLE);
        Column wideName = Column.record("Name", Mode.NULLABLE, List.of(Column.of("Family", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Given", ColumnType.STRING, Mode.NULLABLE)));
        Column extra = Column.of("Extra0", ColumnType.STRING, Mode.REPEATED);
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(TableSchema.of(ID, NAME, blob), wide(rows(0, 90, -1)));
            write.write(TableSchema.of(ID, NAME, blob, extra), wide(rows(90, 60, 0)));
            write.write(TableSchema.of(ID, wideName, blob, extra), wide(rows(150, 10, 0)));
            write.commit(TableSchema.of(ID, wideName, blob, extra));
        }
        List<Row> rows = warehouse.readRows(TABLE, 0, 200);
        assertThat(rows).extracting(row -> row.get("Id")).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 160).boxed().toList());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("Blob")).isEqualTo(blob((Long) row.get("Id"))));
        assertThat(rows.get(100).get("Extra0")).isEqualTo(List.of("e100"));
        assertThat(physicalTables()).isEqualTo(1);
    }

    @Test
    void aBatchWithARowThatDoesNotFitIsRefusedWholeAndTheWriteGoesOn() {
        TableSchema schema = TableSchema.of(ID, NAME);
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(schema, rows(0, 100, -1));
            List<Row> broken = new ArrayList<>(rows(100, 50, -1));
            broken.set(20, Row.of(Map.of("Id", "not a number")));
            assertThatThrownBy(() -> write.write(schema, broken)).isInstanceOf(DicombqException.class)
                    .hasMessageContaining("row 20").hasMessageContaining("Id")
                    .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
            write.write(schema, rows(100, 100, -1));
            write.commit(schema);
        }
        assertRows(200);
    }

    @Test
    void aNullRowIsRefusedByItsPlace() {
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            List<Row> rows = new ArrayList<>(rows(0, 3, -1));
            rows.set(1, null);
            assertThatThrownBy(() -> write.write(TableSchema.of(ID, NAME), rows)).isInstanceOf(DicombqException.class)
                    .hasMessage("row 1 is null")
                    .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        }
    }

    @Test
    void rowsGoIntoTheWarehouseWithoutAStagingFile() throws IOException {
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.TRUNCATE_THEN_WRITE)) {
            write.write(TableSchema.of(ID, NAME), rows(0, 200, -1));
            try (Stream<Path> staged = Files.exists(warehouse.stagingDirectory())
                    ? Files.list(warehouse.stagingDirectory()) : Stream.empty()) {
                assertThat(staged).isEmpty();
            }
            write.commit(TableSchema.of(ID, NAME));
        }
        assertRows(200);
    }

    /** Rows {@code first..first+count-1}; from {@code growth} 0 on they fill Extra0..Extra{growth}. */
    private static List<Row> rows(int first, int count, int growth) {
        List<Row> rows = new ArrayList<>();
        for (int id = first; id < first + count; id++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("Id", (long) id);
            values.put("Name", Row.of(Map.of("Family", "F" + (id % 7))));
            for (int g = 0; g <= growth; g++) {
                values.put("Extra" + g, List.of("e" + id));
            }
            rows.add(Row.of(values));
        }
        return rows;
    }

    /** The rows with a Blob of 100 KB that tells their id. */
    private static List<Row> wide(List<Row> rows) {
        List<Row> wide = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> values = new LinkedHashMap<>(row.values());
            values.put("Blob", blob((Long) row.get("Id")));
            wide.add(Row.of(values));
        }
        return wide;
    }

    private static String blob(long id) {
        return ("row " + id + " ").repeat(10).concat("x".repeat(100_000));
    }

    /** Ids 0..count-1 exactly once each, every family name intact. */
    private void assertRows(int count) {
        List<Row> rows = new ArrayList<>(warehouse.readRows(TABLE, 0, count + 10));
        rows.sort(Comparator.comparing(row -> (Long) row.get("Id")));
        assertThat(rows).hasSize(count);
        for (int id = 0; id < count; id++) {
            assertThat(rows.get(id).get("Id")).isEqualTo((long) id);
            assertThat(((Row) rows.get(id).get("Name")).get("Family")).isEqualTo("F" + (id % 7));
        }
    }

    private void awaitUnlistedTable() {
        for (int attempt = 0; attempt < 400 && physicalTables() == 0; attempt++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // A widening keeps the narrower tables until the end: one table or more.
        assertThat(physicalTables()).as("a table loaded ahead of commit").isPositive();
    }

    private long physicalTables() {
        try (Connection connection = warehouse.database().connection()) {
            return Jdbc.query(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?",
                    rs -> rs.getLong(1), Names.schemaOf(TABLE.project(), TABLE.dataset())).get(0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
