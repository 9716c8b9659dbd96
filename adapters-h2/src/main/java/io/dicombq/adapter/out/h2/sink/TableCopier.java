package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies all rows of one H2 table into another whose schema extends it. Top-level columns copy inside H2; when
 * a RECORD gained fields the rows pass through Java, because H2 cannot cast a ROW to a ROW with more fields.
 */
public final class TableCopier {
    private static final int CHUNK = 1_000;

    private TableCopier() {
    }

    public static void copy(Connection connection, String fromSql, TableSchema from, String toSql, TableSchema to,
                            boolean throughJava) {
        if (from.isEmpty()) {
            return;
        }
        StringBuilder columns = new StringBuilder();
        for (Column column : from.columns()) {
            columns.append(columns.length() > 0 ? ", " : "").append(Names.quote(column.name()));
        }
        String select = "SELECT " + columns + " FROM " + fromSql + " ORDER BY _ROWID_";
        if (!throughJava) {
            Jdbc.execute(connection, "INSERT INTO " + toSql + " (" + columns + ") " + select);
            return;
        }
        RowInserter inserter = new RowInserter(connection, toSql, to);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            List<Row> chunk = new ArrayList<>(CHUNK);
            while (rs.next()) {
                chunk.add(RowReader.read(rs, from, 1));
                if (chunk.size() == CHUNK) {
                    inserter.insert(chunk);
                    chunk.clear();
                }
            }
            inserter.insert(chunk);
        } catch (SQLException e) {
            throw Jdbc.internal(select, e);
        }
    }
}
