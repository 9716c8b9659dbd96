package io.dicombq.adapter.out.h2;

import org.h2.jdbc.JdbcConnection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Pooled H2 connections that never hand out a dead one. H2's own JdbcConnectionPool recycles a connection whatever
 * state it is in: a connection to another process's database (AUTO_SERVER) whose server exited and whose automatic
 * reconnect failed stays dead for good ("Database is already closed" at its next use), and that pool handed it out
 * again and again. Here a connection whose session is gone is dropped on its way back and on its way out, so the
 * next one is opened afresh, through whichever process serves the database now.
 */
public final class H2ConnectionPool implements AutoCloseable {
    /** At most this many connections in use at once (H2's pool had the same), and as many kept idle. */
    private static final int MAX_CONNECTIONS = 16;
    private static final long WAIT_SECONDS = 30;

    private static final org.h2.Driver DRIVER = new org.h2.Driver();

    private final String url;
    private final ConcurrentLinkedDeque<JdbcConnection> idle = new ConcurrentLinkedDeque<>();
    private final Semaphore inUse = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;

    public H2ConnectionPool(String url) {
        this.url = url;
    }

    /**
     * A live connection in auto-commit mode; closing it gives it back. Fails with H2's own error when the database
     * cannot be reached (the caller decides whether that is a hand-over to wait out: {@link H2Handover}).
     */
    public Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the connection pool of " + url + " is closed");
        }
        try {
            if (!inUse.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + MAX_CONNECTIONS + " connections to " + url + " stayed in use for "
                        + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to " + url, e);
        }
        JdbcConnection physical = null;
        try {
            physical = live();
            // The first call that reaches the server: a session whose server went away fails here, not later.
            physical.setAutoCommit(true);
            return handle(physical);
        } catch (SQLException | RuntimeException e) {
            if (physical != null) {
                discard(physical);
            }
            inUse.release();
            throw e;
        }
    }

    /** An idle connection whose session is still there, or a new one. */
    private JdbcConnection live() throws SQLException {
        for (JdbcConnection candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            if (!candidate.isClosed()) {
                return candidate;
            }
            discard(candidate);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        return (JdbcConnection) DRIVER.connect(url, credentials);
    }

    private Connection handle(JdbcConnection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handle(physical));
    }

    private void giveBack(JdbcConnection physical) {
        try {
            if (closed || physical.isClosed()) {
                discard(physical);
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            idle.addFirst(physical);
            if (closed) {
                drain();
            }
        } catch (SQLException | RuntimeException e) {
            // a connection that fails to reset is not handed out again
            discard(physical);
        } finally {
            inUse.release();
        }
    }

    private static void discard(JdbcConnection physical) {
        try {
            physical.close();
        } catch (SQLException | RuntimeException e) {
            // its session is gone already
        }
    }

    private void drain() {
        for (JdbcConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            discard(connection);
        }
    }

    /** Closes the idle connections now and the others as they come back. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    /** What the caller holds: every call goes to the connection, but closing gives it back (once). */
    private final class Handle implements InvocationHandler {
        private final JdbcConnection physical;
        private boolean returned;

        Handle(JdbcConnection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    synchronized (this) {
                        if (!returned) {
                            returned = true;
                            giveBack(physical);
                        }
                    }
                    return null;
                }
                case "isClosed" -> {
                    synchronized (this) {
                        return returned || physical.isClosed();
                    }
                }
                case "unwrap" -> {
                    Class<?> type = (Class<?>) args[0];
                    if (type.isInstance(physical)) {
                        return physical;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(physical)) {
                        return true;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled " + physical;
                }
                default -> {
                }
            }
            synchronized (this) {
                if (returned) {
                    throw new SQLException("this connection was closed (given back to the pool)");
                }
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
