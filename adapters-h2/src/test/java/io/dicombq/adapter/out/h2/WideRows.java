package io.dicombq.adapter.out.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Rows of one 40,000-character base64-like value, loaded one gated transaction each, as a realistic export writes. */
final class WideRows {
    static final String BASE64_BLOCK = "QUJD".repeat(10_000);

    private WideRows() {
    }

    /** Inserts {@code rows} rows into {@code WIDE(V VARCHAR)} through {@code gate}. */
    static void load(RowWriteGate gate, Connection connection, int rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO WIDE VALUES (?)")) {
            for (int row = 0; row < rows; row++) {
                gate.run(() -> {
                    try {
                        insert.setString(1, BASE64_BLOCK);
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }
}
