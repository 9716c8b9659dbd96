package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The H2 function aliases of the query engine's runtime, installed in schema {@code __dicombq} with a stamp: a digest
 * of every definition, kept as the first alias's comment. A database whose stamp matches already holds exactly these
 * definitions and is left as it is; dropping and creating every alias at each open was a fifth of a CLI command's
 * start (docs/BENCHMARKS.md, session 13).
 */
final class FunctionAliases {
    private final List<Alias> aliases = new ArrayList<>();

    /** One alias: its name in {@code __dicombq} and what follows the name in CREATE ALIAS. */
    private record Alias(String name, String definition) {
        String create() {
            return "CREATE ALIAS IF NOT EXISTS " + Names.meta(name) + definition;
        }
    }

    /** Functions whose result depends only on their arguments, so H2 may fold a constant call while planning. */
    void add(Class<?> owner, String[][] functions) {
        add(owner, functions, " DETERMINISTIC");
    }

    /** {@code functions}: pairs of the alias's name and the static method of {@code owner} it calls. */
    void add(Class<?> owner, String[][] functions, String determinism) {
        for (String[] function : functions) {
            aliases.add(new Alias(function[0], determinism + " FOR '" + owner.getName() + "." + function[1] + "'"));
        }
    }

    /**
     * Creates the aliases the database lacks; with {@code replace} (no other process uses the database) re-creates
     * them all and stamps them, so the file calls this version's code. Nothing at all when the stamp already matches.
     */
    void install(Connection connection, boolean replace) {
        String stamp = stamp();
        if (aliases.isEmpty() || stamp.equals(installedStamp(connection))) {
            return;
        }
        for (Alias alias : aliases) {
            if (replace) {
                Jdbc.execute(connection, "DROP ALIAS IF EXISTS " + Names.meta(alias.name()));
            }
            Jdbc.execute(connection, alias.create());
        }
        if (replace) {
            Jdbc.execute(connection, "COMMENT ON ALIAS " + Names.meta(aliases.get(0).name()) + " IS '" + stamp + "'");
        }
    }

    /** The stamp these definitions get: a SHA-256 of every CREATE ALIAS, in order. */
    String stamp() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Alias alias : aliases) {
                digest.update(alias.create().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return "dicombq functions " + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first alias's comment, or null when it is absent or has none. */
    private String installedStamp(Connection connection) {
        List<String> remarks = Jdbc.query(connection, "SELECT REMARKS FROM INFORMATION_SCHEMA.ROUTINES"
                        + " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ? AND REMARKS IS NOT NULL",
                rows -> rows.getString(1), Names.META_SCHEMA, aliases.get(0).name());
        return remarks.isEmpty() ? null : remarks.get(0);
    }
}
