package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The iterations of a recursive CTE ({@link RecursiveCtes}), run on the query's connection: the base term once, then
 * the recursive term over the previous iteration's rows until it gives none.
 */
public final class RecursiveRuntime {
    static final String[][] NAMES = {{"recursive_rows", "rows"}};
    /** BigQuery's limit of iterations for a recursive CTE (BigQuery docs: quotas and limits, recursive CTEs). */
    static final int MAX_ITERATIONS = 500;

    private RecursiveRuntime() {
    }

    /** Every iteration's rows, each a ROW of the CTE's columns. */
    public static Value rows(Connection connection, String base, String step) throws SQLException {
        List<Value> all = new ArrayList<>();
        List<Value> last = read(connection, base, null);
        all.addAll(last);
        // the base term is the first iteration (BigQuery docs: recursive CTEs)
        for (int iteration = 2; !last.isEmpty(); iteration++) {
            last = read(connection, step, ValueArray.get(last.toArray(new Value[0]), null));
            if (iteration > MAX_ITERATIONS) {
                if (last.isEmpty()) {
                    // whether BigQuery fails when its last allowed iteration still gives rows is not documented
                    throw InvalidValueException.unknownAnswer("a recursive CTE that ends after exactly "
                            + MAX_ITERATIONS + " iterations");
                }
                throw new InvalidValueException("Recursive CTE exceeded the maximum of " + MAX_ITERATIONS + " iterations");
            }
            all.addAll(last);
        }
        return ValueArray.get(all.toArray(new Value[0]), null);
    }

    private static List<Value> read(Connection connection, String sql, Value previous) throws SQLException {
        Value[] parameters = previous == null ? new Value[0] : new Value[] {previous};
        return NestedStatements.rows(connection, sql, parameters).stream().map(row -> (Value) ValueRow.get(row)).toList();
    }
}
