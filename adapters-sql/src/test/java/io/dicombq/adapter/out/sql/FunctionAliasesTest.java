package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The query engine's functions are installed once per definition set, and again only when the stamp differs. */
class FunctionAliasesTest {
    private static final String FIRST = "float_string";
    private static final String OTHER = "parse_int64";

    @TempDir
    Path dir;

    @Test
    void aFileStampedWithTheseDefinitionsIsLeftAsItIsAndOneStampedOtherwiseIsReinstalled() throws SQLException {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            new H2QueryEngine(warehouse);
            try (Connection connection = warehouse.database().connection()) {
                assertThat(remarks(connection, FIRST)).singleElement().asString().startsWith("dicombq functions ");
                assertThat(remarks(connection, OTHER)).isNotEmpty();
                // a change only a full reinstall would undo
                Jdbc.execute(connection, "DROP ALIAS " + Names.meta(OTHER));
            }
        }
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            new H2QueryEngine(warehouse);
            try (Connection connection = warehouse.database().connection()) {
                assertThat(remarks(connection, OTHER)).as("left as it was: the stamp matched").isEmpty();
                Jdbc.execute(connection, "COMMENT ON ALIAS " + Names.meta(FIRST) + " IS 'dicombq functions of another version'");
            }
        }
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            new H2QueryEngine(warehouse);
            try (Connection connection = warehouse.database().connection()) {
                assertThat(remarks(connection, OTHER)).as("reinstalled: the stamp differed").isNotEmpty();
                assertThat(remarks(connection, FIRST)).singleElement().asString()
                        .doesNotContain("another version").startsWith("dicombq functions ");
            }
        }
    }

    /** One row per routine of that name in __dicombq, with its comment ("" when it has none). */
    private static List<String> remarks(Connection connection, String name) {
        return Jdbc.query(connection, "SELECT COALESCE(REMARKS, '') FROM INFORMATION_SCHEMA.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ?", rows -> rows.getString(1), Names.META_SCHEMA, name);
    }
}
