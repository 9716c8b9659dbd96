package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A copy job's rows are copied inside H2 and the destination changes at commit only. */
class TableCopyTest {
    private static final TableUri FIRST = new TableUri("copy-project", "ds", "first");
    private static final TableUri SECOND = new TableUri("copy-project", "ds", "second");
    private static final TableUri DESTINATION = new TableUri("copy-project", "ds", "destination");

    @TempDir
    Path dir;
    private H2Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = H2Warehouse.open(dir);
        warehouse.createDataset(FIRST.project(), FIRST.dataset());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void copiesEverySourceInOrderIntoANewTable() {
        List<Row> first = rows(1, 600);
        List<Row> second = rows(2, 3);
        warehouse.createTable(FIRST, CtRows.schema());
        warehouse.insertRows(FIRST, first);
        warehouse.createTable(SECOND, CtRows.schema());
        warehouse.insertRows(SECOND, second);

        long copied;
        try (TableCopy copy = TableCopy.begin(warehouse, DESTINATION, WritePlan.CREATE, List.of(FIRST, SECOND))) {
            assertThat(warehouse.tableSchema(DESTINATION)).as("nothing shows before commit").isEmpty();
            copied = copy.commit(CtRows.schema());
        }

        List<Row> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertThat(copied).isEqualTo(603);
        assertThat(warehouse.readRows(DESTINATION, 0, 1_000)).containsExactlyElementsOf(expected);
        assertThat(warehouse.readRows(FIRST, 0, 1_000)).as("the source is left as it was").containsExactlyElementsOf(first);
    }

    @Test
    void anAppendKeepsTheDestinationRowsAndFillsNewRecordFieldsWithNull() {
        List<Row> kept = rows(3, 2);
        warehouse.createTable(DESTINATION, widened());
        warehouse.insertRows(DESTINATION, kept);
        List<Row> copiedRows = rows(4, 2);
        warehouse.createTable(FIRST, CtRows.schema());
        warehouse.insertRows(FIRST, copiedRows);

        try (TableCopy copy = TableCopy.begin(warehouse, DESTINATION, WritePlan.APPEND, List.of(FIRST))) {
            assertThat(copy.commit(widened())).isEqualTo(2);
        }

        List<Row> expected = new ArrayList<>(kept);
        expected.addAll(copiedRows);
        assertThat(warehouse.readRows(DESTINATION, 0, 10)).containsExactlyElementsOf(expected);
    }

    @Test
    void aMissingSourceFailsAndLeavesTheDestinationAsItWas() {
        warehouse.createTable(DESTINATION, CtRows.schema());
        warehouse.insertRows(DESTINATION, rows(5, 1));

        try (TableCopy copy = TableCopy.begin(warehouse, DESTINATION, WritePlan.TRUNCATE_THEN_WRITE, List.of(FIRST))) {
            assertThatThrownBy(() -> copy.commit(CtRows.schema()))
                    .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND))
                    .hasMessageContaining("first");
        }

        assertThat(warehouse.readRows(DESTINATION, 0, 10)).containsExactlyElementsOf(rows(5, 1));
    }

    /** CtRows' schema with one more field in the ProcedureCodeSequence record, so the copy goes through Java. */
    private static TableSchema widened() {
        List<Column> columns = new ArrayList<>();
        for (Column column : CtRows.schema().columns()) {
            if (column.name().equals("ProcedureCodeSequence")) {
                List<Column> fields = new ArrayList<>(column.fields());
                fields.add(Column.of("ContextUID", ColumnType.STRING, Mode.NULLABLE));
                column = Column.record(column.name(), column.mode(), fields);
            }
            columns.add(column);
        }
        return TableSchema.of(columns.toArray(Column[]::new));
    }

    private static List<Row> rows(int study, int count) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(CtRows.instance(6, study, 1, i));
        }
        return rows;
    }
}
