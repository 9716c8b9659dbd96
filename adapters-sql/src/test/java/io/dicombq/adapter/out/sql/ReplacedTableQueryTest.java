package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.PhysicalTables;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.adapter.out.h2.sink.RowInserter;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A query whose table another process replaces between the moment the query resolves it and the moment it reads it
 * (an append's swap drops the H2 table the catalog named) is resolved and run again, on the new table. The swap is
 * made at that exact moment, from the engine's resolution hook, the way another process's commit makes it: a new
 * H2 table with the rows, the catalog pointed at it, the old one dropped.
 */
class ReplacedTableQueryTest {
    private static final TableUri TABLE = new TableUri("swap-project", "ds", "ct");
    private static final String COUNT = "SELECT COUNT(*) AS n FROM `swap-project.ds.ct`";

    private final H2Warehouse warehouse = H2Warehouse.inMemory("swap-" + UUID.randomUUID());
    private final AtomicInteger swaps = new AtomicInteger();
    private int nextRow = 3;

    @BeforeEach
    void seed() {
        warehouse.createDataset(TABLE.project(), TABLE.dataset());
        warehouse.createTable(TABLE, CtRows.schema());
        warehouse.insertRows(TABLE, List.of(CtRows.instance(1, 1, 1, 0), CtRows.instance(1, 1, 1, 1),
                CtRows.instance(1, 1, 1, 2)));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aQueryThatLosesTheRaceToASwapRunsAgainOnTheNewTable() {
        H2QueryEngine engine = new H2QueryEngine(warehouse, entry -> {
            if (swaps.get() == 0) {
                appendElsewhere(entry);
            }
        });

        long count = (Long) engine.query(QueryRequest.of(COUNT, "swap-project")).rows().get(0).get("n");

        assertThat(swaps).hasValue(1);
        assertThat(count).as("the rows of the table that replaced the one first resolved").isEqualTo(4);
        assertThat(warehouse.rowCount(TABLE)).isEqualTo(4);
    }

    @Test
    void aLegacyQueryRunsAgainToo() {
        H2QueryEngine engine = new H2QueryEngine(warehouse, entry -> {
            if (swaps.get() == 0) {
                appendElsewhere(entry);
            }
        });

        long count = (Long) engine.query(new QueryRequest("SELECT COUNT(*) AS n FROM [swap-project:ds.ct]",
                "swap-project", java.util.Map.of(), true)).rows().get(0).get("n");

        assertThat(swaps).hasValue(1);
        assertThat(count).isEqualTo(4);
    }

    @Test
    void aQueryThatLosesEveryRaceGivesUpAfterFiveAttempts() {
        H2QueryEngine engine = new H2QueryEngine(warehouse, this::appendElsewhere);

        DicombqException failure = catchThrowableOfType(DicombqException.class,
                () -> engine.query(QueryRequest.of(COUNT, "swap-project")));

        assertThat(failure).isNotNull();
        assertThat(swaps).as("one swap per attempt, then the error").hasValue(5);
    }

    /** Another process's append commit: a new H2 table with one more row, the catalog moved to it, the old dropped. */
    private void appendElsewhere(TableEntry entry) {
        swaps.incrementAndGet();
        try (Connection connection = warehouse.database().connection()) {
            TableEntry replaced = new TableEntry(TABLE, Catalog.nextPhysicalName(connection), entry.schema(),
                    entry.created(), entry.modified());
            PhysicalTables.create(connection, replaced);
            Jdbc.execute(connection, "INSERT INTO " + replaced.physicalSql() + " SELECT * FROM " + entry.physicalSql());
            new RowInserter(connection, replaced.physicalSql(), replaced.schema())
                    .insert(List.of(CtRows.instance(1, 1, 1, nextRow++)));
            Catalog.updateTable(connection, replaced);
            PhysicalTables.drop(connection, entry.physicalSql());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
