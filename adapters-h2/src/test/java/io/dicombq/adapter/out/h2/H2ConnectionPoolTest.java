package io.dicombq.adapter.out.h2;

import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcConnection;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The pool never hands out a connection whose session is gone: H2's own pool did, again and again, after the process
 * serving a shared database exited ("Database is already closed" at every use, CancelAndRestartEndToEndTest).
 */
class H2ConnectionPoolTest {
    @Test
    void aConnectionWhoseSessionEndedIsNotHandedOutAgain() throws Exception {
        try (H2ConnectionPool pool = new H2ConnectionPool("jdbc:h2:mem:pool-ended;DB_CLOSE_DELAY=-1")) {
            Connection first = pool.connection();
            JdbcConnection ended = first.unwrap(JdbcConnection.class);
            ended.close();
            first.close();

            try (Connection next = pool.connection()) {
                assertThat(next.unwrap(JdbcConnection.class)).isNotSameAs(ended);
                assertThat(selectOne(next)).isEqualTo(1);
            }
        }
    }

    @Test
    void anIdleConnectionIsReusedWhileItsSessionLives() throws Exception {
        try (H2ConnectionPool pool = new H2ConnectionPool("jdbc:h2:mem:pool-reused;DB_CLOSE_DELAY=-1")) {
            Connection first = pool.connection();
            JdbcConnection physical = first.unwrap(JdbcConnection.class);
            first.setAutoCommit(false);
            first.close();

            try (Connection next = pool.connection()) {
                assertThat(next.unwrap(JdbcConnection.class)).isSameAs(physical);
                assertThat(next.getAutoCommit()).as("given back in auto-commit mode").isTrue();
            }
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(first::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aConnectionWhoseServerWentAwayIsDroppedAndTheNextOneReachesTheNewServer() throws Exception {
        int port = freePort();
        String url = "jdbc:h2:tcp://localhost:" + port + "/mem:pool-served;DB_CLOSE_DELAY=-1";
        Server first = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
        // The database lives in this JVM; the servers only carry the sessions.
        try (Connection served = java.sql.DriverManager.getConnection("jdbc:h2:mem:pool-served;DB_CLOSE_DELAY=-1", "sa", "");
             H2ConnectionPool pool = new H2ConnectionPool(url)) {
            Connection before = pool.connection();
            JdbcConnection old = before.unwrap(JdbcConnection.class);
            before.close();
            first.stop();

            SQLException broken = catchThrowableOfType(SQLException.class, pool::connection);
            assertThat(broken.getErrorCode()).isEqualTo(ErrorCode.CONNECTION_BROKEN_1);

            Server second = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
            try (Connection after = pool.connection()) {
                assertThat(after.unwrap(JdbcConnection.class)).isNotSameAs(old);
                assertThat(selectOne(after)).isEqualTo(1);
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
