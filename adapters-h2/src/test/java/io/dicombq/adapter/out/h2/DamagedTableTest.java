package io.dicombq.adapter.out.h2;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A table whose pages the file cannot give back (a bad disk block) fails DATA_LOSS in one line that says what to do;
 * the other tables stay readable, and the damaged one can be deleted and written again.
 */
class DamagedTableTest {
    private static final TableUri DAMAGED = new TableUri("p-project", "d", "damaged");
    private static final TableUri INTACT = new TableUri("p-project", "d", "intact");

    @Test
    void aDamagedTableFailsDataLossAndTheOthersStayReadable(@TempDir Path dir) throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset("p-project", "d");
            write(warehouse, DAMAGED, 300);
            write(warehouse, INTACT, 200);
        }
        assertThat(PageDamage.firstLeafOf(dir, DAMAGED)).isNotEmpty();

        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            assertThat(warehouse.readEveryRow(INTACT)).isEqualTo(200);
            DicombqException refused = catchThrowableOfType(DicombqException.class, () -> warehouse.readEveryRow(DAMAGED));

            assertThat(refused.error().code()).isEqualTo(Code.DATA_LOSS);
            assertThat(refused.getMessage()).doesNotContain("\n").hasSizeLessThan(400)
                    .contains("damaged").contains("dicombq tables check").contains("dicombq tables delete");
            assertThat(warehouse.deleteTable(DAMAGED)).isTrue();
            assertThat(warehouse.listTables("p-project", "d")).containsExactly("intact");
            write(warehouse, DAMAGED, 10);
            assertThat(warehouse.readEveryRow(DAMAGED)).isEqualTo(10);
        }
        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(reopened.readEveryRow(INTACT)).isEqualTo(200);
            assertThat(reopened.readEveryRow(DAMAGED)).isEqualTo(10);
        }
    }

    private static void write(H2Warehouse warehouse, TableUri table, int rows) {
        warehouse.createTable(table, CtSmallRows.schema());
        java.util.List<io.dicombq.domain.schema.Row> batch = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(CtSmallRows.instance(1, 0, 1, i));
        }
        warehouse.insertRows(table, batch);
    }
}
