package io.dicombq.adapter.out.h2;

import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to a file database several dicombq processes share through H2's AUTO_SERVER, waiting out the
 * moments when the process serving it exits and another takes over: meanwhile H2 reports the lock file as being
 * rewritten, the file as locked, or the old server as gone.
 */
public final class H2Handover {
    /** How long a process keeps trying while another one hands the database over. */
    private static final long HANDOVER_MILLIS = 60_000;

    private H2Handover() {
    }

    public static Connection connect(H2ConnectionPool pool) throws SQLException {
        long deadline = deadline();
        long pause = 20;
        while (true) {
            try {
                return pool.connection();
            } catch (SQLException e) {
                if (!isHandover(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            pause = pause(pause);
        }
    }

    private static boolean isHandover(SQLException e) {
        int code = e.getErrorCode();
        // DATABASE_CALLED_AT_SHUTDOWN: a session of a process that was closing the database as it was reached.
        return code == ErrorCode.ERROR_OPENING_DATABASE_1 || code == ErrorCode.DATABASE_ALREADY_OPEN_1
                || code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
    }

    /**
     * Whether a statement failed because the process serving the database was handing it over (it closed the
     * database under the statement, or the connection to it broke): the statement can run again on a new connection.
     */
    public static boolean interruptedByHandover(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql && (isHandover(sql) || sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED)) {
                return true;
            }
        }
        return false;
    }

    /** Waits a little before trying again: {@code pause} milliseconds, doubled each time up to 250. */
    public static long pause(long pause) throws SQLException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for another dicombq process to hand the database over", e);
        }
        return Math.min(pause * 2, 250);
    }

    /**
     * Runs a read again, for as long as a hand-over may take, while it fails because the process serving the shared
     * database closed it under the read ({@link #interruptedByHandover}), until {@code deadline} ({@link #deadline});
     * any other failure is the caller's.
     */
    public static <T> T acrossHandovers(long deadline, java.util.function.Supplier<T> read) {
        long pause = 20;
        while (true) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (!interruptedByHandover(e) || System.nanoTime() >= deadline) {
                    throw e;
                }
                try {
                    pause = pause(pause);
                } catch (SQLException interrupted) {
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }

    /** How long a statement keeps being retried across hand-overs. */
    public static long deadline() {
        return System.nanoTime() + HANDOVER_MILLIS * 1_000_000;
    }
}
