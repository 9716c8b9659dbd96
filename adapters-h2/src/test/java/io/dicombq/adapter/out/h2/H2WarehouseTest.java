package io.dicombq.adapter.out.h2;

import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2WarehouseTest {
    private final H2Warehouse warehouse = H2Warehouse.inMemory("wh-" + UUID.randomUUID());
    private final TableUri ct = new TableUri("my-project-1", "dicom_ds", "ct");

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void sameDatasetNameInTwoProjectsStaysDistinct() {
        warehouse.createDataset("proj-a", "ds");
        warehouse.createDataset("proj-b", "ds");
        warehouse.createTable(new TableUri("proj-a", "ds", "t"), CtRows.schema());

        assertThat(warehouse.listTables("proj-a", "ds")).containsExactly("t");
        assertThat(warehouse.listTables("proj-b", "ds")).isEmpty();
        assertThat(warehouse.listDatasets("proj-a")).containsExactly("ds");
    }

    @Test
    void aNameLongerThanH2HoldsIsRefusedByNameAndCreatesNothing() {
        warehouse.createDataset("proj-1", "ds");
        String longName = "a".repeat(280);
        io.dicombq.domain.schema.TableSchema schema = new io.dicombq.domain.schema.TableSchema(List.of(
                io.dicombq.domain.schema.Column.record("Outer", io.dicombq.domain.schema.Mode.NULLABLE, List.of(
                        io.dicombq.domain.schema.Column.of(longName, io.dicombq.domain.schema.ColumnType.STRING,
                                io.dicombq.domain.schema.Mode.NULLABLE)))));

        assertThatThrownBy(() -> warehouse.createTable(new TableUri("proj-1", "ds", "t"), schema))
                .isInstanceOf(DicombqException.class).hasMessageContaining("has 280 characters")
                .hasMessageContaining("at most 256").hasMessageContaining("Outer.aaaa")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        assertThat(warehouse.listTables("proj-1", "ds")).isEmpty();
    }

    @Test
    void datasetErrorsUseBigQueryCodes() {
        warehouse.createDataset("proj-1", "ds");
        assertThatThrownBy(() -> warehouse.createDataset("proj-1", "ds")).isInstanceOf(DicombqException.class)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.ALREADY_EXISTS));
        assertThatThrownBy(() -> warehouse.createDataset("proj-1", "bad-name")).isInstanceOf(DicombqException.class)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> warehouse.createTable(new TableUri("proj-1", "missing", "t"), CtRows.schema()))
                .isInstanceOf(DicombqException.class).hasMessageContaining("Dataset proj-1:missing")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.NOT_FOUND));
        assertThatThrownBy(() -> warehouse.rowCount(new TableUri("proj-1", "ds", "nope")))
                .isInstanceOf(DicombqException.class).hasMessageContaining("Table proj-1:ds.nope")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.NOT_FOUND));
    }

    @Test
    void deletingANonEmptyDatasetNeedsDeleteContents() {
        warehouse.createDataset("proj-1", "ds");
        warehouse.createTable(new TableUri("proj-1", "ds", "t"), CtRows.schema());
        assertThatThrownBy(() -> warehouse.deleteDataset("proj-1", "ds", false))
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.FAILED_PRECONDITION));

        warehouse.deleteDataset("proj-1", "ds", true);

        assertThat(warehouse.datasetExists("proj-1", "ds")).isFalse();
        warehouse.createDataset("proj-1", "ds");
        assertThat(warehouse.listTables("proj-1", "ds")).isEmpty();
    }

    @Test
    void aPageFollowingAnotherContinuesAfterItsLastRowIdAndAnOtherGenerationCountsRows() {
        warehouse.createDataset(ct.project(), ct.dataset());
        warehouse.createTable(ct, CtRows.schema());
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            rows.add(CtRows.instance(1, 1, 1, i));
        }
        warehouse.insertRows(ct, rows);

        H2Warehouse.RowPage first = warehouse.readPage(ct, H2Warehouse.PagePosition.at(0), 4);
        H2Warehouse.RowPage second = warehouse.readPage(ct, first.next(), 4);
        // the same row id with index 0: a keyset read ignores the index, an unknown generation ignores the row id
        H2Warehouse.RowPage keyset = warehouse.readPage(ct, new H2Warehouse.PagePosition(0, first.next().generation(),
                first.next().afterRowId()), 2);
        H2Warehouse.RowPage byIndex = warehouse.readPage(ct, new H2Warehouse.PagePosition(1, "GONE",
                first.next().afterRowId()), 2);

        assertThat(first.rows()).containsExactlyElementsOf(rows.subList(0, 4));
        assertThat(second.rows()).containsExactlyElementsOf(rows.subList(4, 8));
        assertThat(second.next().index()).isEqualTo(8);
        assertThat(keyset.rows()).containsExactlyElementsOf(rows.subList(4, 6));
        assertThat(byIndex.rows()).containsExactlyElementsOf(rows.subList(1, 3));
    }

    @Test
    void nestedAndRepeatedValuesRoundTrip() {
        warehouse.createDataset(ct.project(), ct.dataset());
        warehouse.createTable(ct, CtRows.schema());
        List<Row> rows = List.of(CtRows.instance(1, 1, 1, 1), CtRows.instance(1, 1, 1, 2), CtRows.instance(2, 1, 1, 1));

        warehouse.insertRows(ct, rows);

        assertThat(warehouse.rowCount(ct)).isEqualTo(3);
        assertThat(warehouse.state(ct)).isEqualTo(TableState.HAS_ROWS);
        assertThat(warehouse.readRows(ct, 0, 10)).containsExactlyElementsOf(rows);
        assertThat(warehouse.readRows(ct, 1, 1)).containsExactly(rows.get(1));
    }

    @Test
    void everyScalarTypeRoundTrips() {
        warehouse.createDataset("proj-1", "ds");
        TableUri uri = new TableUri("proj-1", "ds", "types");
        List<Column> columns = new ArrayList<>();
        for (ColumnType type : ColumnType.values()) {
            if (type != ColumnType.RECORD && type != ColumnType.INTERVAL && type != ColumnType.RANGE) {
                columns.add(Column.of("c_" + type, type, Mode.NULLABLE));
                columns.add(Column.of("r_" + type, type, Mode.REPEATED));
            }
        }
        warehouse.createTable(uri, new TableSchema(columns));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<ColumnType, Object> samples = samples();
        samples.forEach((type, value) -> {
            values.put("c_" + type, value);
            values.put("r_" + type, List.of(value, value));
        });
        values.put("c_BYTES", new byte[] {1, 2});

        warehouse.insertRows(uri, List.of(Row.of(values)));

        Row back = warehouse.readRows(uri, 0, 1).get(0);
        samples.forEach((type, value) -> {
            assertThat(back.get("c_" + type)).as(type.name()).isEqualTo(value);
            assertThat(back.get("r_" + type)).as(type.name()).isEqualTo(List.of(value, value));
        });
        assertThat((byte[]) back.get("c_BYTES")).containsExactly(1, 2);
    }

    @Test
    void anIntervalColumnIsRefusedBeforeAnythingIsCreated() {
        warehouse.createDataset("proj-1", "ds");
        TableUri uri = new TableUri("proj-1", "ds", "spans");
        TableSchema schema = new TableSchema(List.of(Column.record("r", Mode.NULLABLE,
                List.of(Column.of("span", ColumnType.INTERVAL, Mode.NULLABLE)))));
        assertThatThrownBy(() -> warehouse.createTable(uri, schema))
                .isInstanceOf(DicombqException.class).hasMessageContaining("the field r.span is INTERVAL")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        assertThat(warehouse.listTables("proj-1", "ds")).isEmpty();
    }

    @Test
    void aRangeColumnIsRefusedBeforeAnythingIsCreated() {
        warehouse.createDataset("proj-1", "ds");
        TableUri uri = new TableUri("proj-1", "ds", "periods");
        TableSchema schema = new TableSchema(List.of(Column.of("id", ColumnType.INTEGER, Mode.NULLABLE),
                Column.range("period", ColumnType.DATE, Mode.NULLABLE)));
        assertThatThrownBy(() -> warehouse.createTable(uri, schema))
                .isInstanceOf(DicombqException.class).hasMessageContaining("the field period is RANGE")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        assertThat(warehouse.listTables("proj-1", "ds")).isEmpty();
    }

    /** One value of each scalar type except BYTES (arrays compare by identity), at the edges of its range. */
    private static Map<ColumnType, Object> samples() {
        return Map.ofEntries(Map.entry(ColumnType.STRING, "Ünïcode 'quoted'"),
                Map.entry(ColumnType.INTEGER, Long.MIN_VALUE), Map.entry(ColumnType.FLOAT, 0.1),
                Map.entry(ColumnType.NUMERIC, new BigDecimal("12345678901234567890.123456789")),
                Map.entry(ColumnType.BIGNUMERIC, io.dicombq.domain.schema.BigNumeric.MIN),
                Map.entry(ColumnType.BOOLEAN, true), Map.entry(ColumnType.DATE, LocalDate.of(1, 1, 1)),
                Map.entry(ColumnType.TIME, LocalTime.of(23, 59, 59, 999_999_000)),
                Map.entry(ColumnType.DATETIME, LocalDateTime.of(2021, 3, 4, 12, 30, 0, 123_000)),
                Map.entry(ColumnType.TIMESTAMP, Instant.parse("2021-03-04T12:30:00.000001Z")),
                Map.entry(ColumnType.JSON, new JsonText("{\"a\":[1,2]}")));
    }

    @Test
    void everyTypeSurvivesAStagedWriteWhoseSchemaGrew() {
        warehouse.createDataset("proj-1", "ds");
        TableUri uri = new TableUri("proj-1", "ds", "staged");
        Column first = Column.of("first", ColumnType.STRING, Mode.NULLABLE);
        List<Column> columns = new ArrayList<>(List.of(first));
        Map<ColumnType, Object> samples = samples();
        Map<String, Object> values = new LinkedHashMap<>(Map.of("first", "second batch"));
        samples.forEach((type, value) -> {
            columns.add(Column.of("c_" + type, type, Mode.NULLABLE));
            columns.add(Column.of("r_" + type, type, Mode.REPEATED));
            values.put("c_" + type, value);
            values.put("r_" + type, List.of(value, value));
        });
        // Private elements are stored this way: a repeated RECORD holding a repeated field.
        columns.add(Column.record("Other", Mode.REPEATED, List.of(Column.of("Tag", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Data", ColumnType.STRING, Mode.REPEATED))));
        Row element = Row.of(Map.of("Tag", "00091001", "Data", List.of("a", "b", "c")));
        values.put("Other", List.of(element, Row.of(Map.of("Tag", "00091002"))));
        TableSchema full = new TableSchema(columns);

        try (var write = warehouse.tableSink().begin(uri, io.dicombq.domain.destination.WritePlan.CREATE)) {
            write.write(new TableSchema(List.of(first)), List.of(Row.of(Map.of("first", "first batch"))));
            write.write(full, List.of(Row.of(values)));
            write.commit(full);
        }

        List<Row> back = warehouse.readRows(uri, 0, 10);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).get("first")).isEqualTo("first batch");
        assertThat(back.get(0).get("c_STRING")).isNull();
        assertThat(back.get(0).get("r_STRING")).isEqualTo(List.of());
        samples.forEach((type, value) -> {
            assertThat(back.get(1).get("c_" + type)).as(type.name()).isEqualTo(value);
            assertThat(back.get(1).get("r_" + type)).as(type.name()).isEqualTo(List.of(value, value));
        });
        assertThat(back.get(1).get("Other")).isEqualTo(List.of(element, Row.of(Map.of("Tag", "00091002", "Data", List.of()))));
    }

    @Test
    void badRowsAreRejectedAndNothingIsWritten() {
        warehouse.createDataset(ct.project(), ct.dataset());
        warehouse.createTable(ct, CtRows.schema());
        Row wrongType = Row.of(Map.of("Rows", "one hundred"));
        Row unknownColumn = Row.of(Map.of("NoSuchColumn", "x"));

        assertThatThrownBy(() -> warehouse.insertRows(ct, List.of(CtRows.instance(1, 1, 1, 1), wrongType)))
                .hasMessageContaining("Rows").satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> warehouse.insertRows(ct, List.of(unknownColumn)))
                .hasMessageContaining("NoSuchColumn");
        assertThat(warehouse.state(ct)).isEqualTo(TableState.EMPTY);
    }

    @Test
    void schemaUpdatesFollowBigQueryRules() {
        warehouse.createDataset(ct.project(), ct.dataset());
        warehouse.createTable(ct, CtRows.schema());
        warehouse.insertRows(ct, List.of(CtRows.instance(1, 1, 1, 1)));
        List<Column> columns = new ArrayList<>(CtRows.schema().columns());
        Column sequence = columns.get(21);
        List<Column> fields = new ArrayList<>(sequence.fields());
        fields.add(Column.of("CodeMeaningLong", ColumnType.STRING, Mode.NULLABLE));
        columns.set(21, Column.record(sequence.name(), Mode.REPEATED, fields));
        columns.add(Column.of("Manufacturer", ColumnType.STRING, Mode.NULLABLE));
        TableSchema wider = new TableSchema(columns);

        warehouse.updateSchema(ct, wider);

        assertThat(warehouse.tableSchema(ct)).contains(wider);
        Row back = warehouse.readRows(ct, 0, 1).get(0);
        assertThat(back.get("Manufacturer")).isNull();
        assertThat(((Row) ((List<?>) back.get("ProcedureCodeSequence")).get(0)).get("CodeValue")).isEqualTo("CTCHEST");
        assertThatThrownBy(() -> warehouse.updateSchema(ct, CtRows.schema()))
                .hasMessageContaining("is missing in the new schema").satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
        List<Column> retyped = new ArrayList<>(wider.columns());
        retyped.set(13, Column.of("Rows", ColumnType.STRING, Mode.NULLABLE));
        assertThatThrownBy(() -> warehouse.updateSchema(ct, new TableSchema(retyped))).hasMessageContaining("changed type");
    }

    @Test
    void dicomTablesGetTheCoveringStudyIndexAndAPatientIndex() throws Exception {
        warehouse.createDataset(ct.project(), ct.dataset());
        warehouse.createTable(ct, CtRows.schema());

        String physical = warehouse.entry(ct).orElseThrow().physicalName();
        try (java.sql.Connection connection = warehouse.database().connection()) {
            List<String> indexed = io.dicombq.adapter.out.h2.catalog.Jdbc.query(connection,
                    "SELECT i.INDEX_NAME || ':' || LISTAGG(c.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)"
                            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                            + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                            + " WHERE i.TABLE_SCHEMA = ? AND i.TABLE_NAME = ? GROUP BY i.INDEX_NAME",
                    rs -> rs.getString(1).replaceAll("^[^:]*:", ""), ct.project() + "." + ct.dataset(), physical);
            assertThat(indexed).containsExactlyInAnyOrder("StudyInstanceUID,StudyDate,StudyTime,PatientID", "PatientID");
        }
    }

    @Test
    void fileBackedWarehouseKeepsItsContentsAcrossReopen(@TempDir Path dir) {
        try (H2Warehouse first = H2Warehouse.open(dir)) {
            first.createDataset("proj-1", "ds");
            first.createTable(new TableUri("proj-1", "ds", "t"), CtRows.schema());
            first.insertRows(new TableUri("proj-1", "ds", "t"), List.of(CtRows.instance(1, 1, 1, 1)));
        }
        try (H2Warehouse again = H2Warehouse.open(dir)) {
            assertThat(again.readRows(new TableUri("proj-1", "ds", "t"), 0, 5))
                    .containsExactly(CtRows.instance(1, 1, 1, 1));
        }
    }
}
