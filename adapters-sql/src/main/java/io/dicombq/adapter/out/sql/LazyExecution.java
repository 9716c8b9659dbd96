package io.dicombq.adapter.out.sql;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's lazy query execution for the time one translated query runs on a pooled connection. Without it H2 computes
 * every derived table of the translation in full before the next one reads it, spilling to disk past its row limit:
 * an UNNEST of a wide array (a row per element, each carrying the whole array to the next level) over 20,000
 * realistic rows filled 69 GB of disk and failed after three minutes; lazily it answers in about 10 s
 * (docs/BENCHMARKS.md, session 15).
 */
final class LazyExecution implements AutoCloseable {
    private final Statement statement;

    private LazyExecution(Statement statement) {
        this.statement = statement;
    }

    static LazyExecution on(Statement statement) throws SQLException {
        statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
        return new LazyExecution(statement);
    }

    /** Back to H2's default, so that the connection returns to the pool as it was taken. */
    @Override
    public void close() throws SQLException {
        statement.execute("SET LAZY_QUERY_EXECUTION FALSE");
    }
}
