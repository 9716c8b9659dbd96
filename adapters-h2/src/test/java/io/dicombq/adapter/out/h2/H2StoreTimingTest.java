package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 writes no version of its own while a transaction is open: neither its background writer nor its unsaved-memory
 * threshold fires in the middle of a write of 40 MB, the size that made it write half-done transactions before.
 */
class H2StoreTimingTest {
    @Test
    void h2WritesNoVersionWhileALargeTransactionIsOpen(@TempDir Path dir) throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
            assertThat(store.getAutoCommitMemory()).isEqualTo(H2StoreTiming.UNSAVED_LIMIT);
            assertThat(store.getAutoCommitDelay()).isEqualTo(Integer.MAX_VALUE);
            assertThat(Jdbc.query(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_COMPACT_TIME'", rs -> rs.getString(1)))
                    .as("no chunk moves at close").containsExactly("0");
            java.lang.reflect.Field writer = org.h2.mvstore.FileStore.class.getDeclaredField("backgroundWriterThread");
            writer.setAccessible(true);
            assertThat(((java.util.concurrent.atomic.AtomicReference<?>) writer.get(store.getFileStore())).get())
                    .as("H2's background writer is stopped").isNull();

            Jdbc.execute(connection, "CREATE TABLE scratch (id INT, payload ROW(a VARCHAR, b VARCHAR ARRAY))");
            warehouse.rowWriteGate().checkpoint();
            long before = store.getFileStore().lastChunkVersion();
            connection.setAutoCommit(false);
            String text = "x".repeat(20_000);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scratch VALUES (?, ROW(CAST(? AS VARCHAR), ARRAY[CAST(? AS VARCHAR), CAST(? AS VARCHAR)]))")) {
                for (int i = 0; i < 1_000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, text + i);
                    insert.setString(3, text);
                    insert.setString(4, text + i);
                    insert.executeUpdate();
                }
            }
            assertThat(store.getUnsavedMemory()).as("unsaved bytes").isGreaterThan(40 * 1024 * 1024);
            assertThat(store.getFileStore().lastChunkVersion()).as("versions written during the transaction")
                    .isEqualTo(before);
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
