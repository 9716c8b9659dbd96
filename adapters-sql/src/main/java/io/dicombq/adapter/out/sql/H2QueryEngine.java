package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.adapter.out.h2.sink.RowReader;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * BigQuery Standard SQL (and the legacy subset) over the embedded warehouse: parse, translate against the
 * catalog, run on H2, and return rows with a BigQuery-style schema.
 */
public final class H2QueryEngine implements QueryEngine {
    /** BigQuery's dialect prefixes: a first line of {@code #legacySQL} or {@code #standardSQL}. */
    private static final Pattern LEGACY_PREFIX = Pattern.compile("^\\s*#legacySQL\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STANDARD_PREFIX = Pattern.compile("^\\s*#standardSQL\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A bracketed table reference ({@code FROM [project:dataset.table]}) is legacy SQL's (BigQuery docs: legacy SQL
     * table references); bq runs such a query as legacy SQL by default, so it takes the legacy path (specification 6).
     * Only a table name fits between the brackets: {@code x IS DISTINCT FROM [1, 2]} is a standard SQL array.
     */
    private static final Pattern LEGACY_TABLE = Pattern.compile("\\b(FROM|JOIN)\\s*\\[[\\w-]+[:.][\\w.:-]*\\]",
            Pattern.CASE_INSENSITIVE);

    private final H2Warehouse warehouse;
    /** Called with each table the query resolves, before it runs (tests use it to swap the table at that moment). */
    private final Consumer<TableEntry> resolved;

    public H2QueryEngine(H2Warehouse warehouse) {
        this(warehouse, entry -> { });
    }

    H2QueryEngine(H2Warehouse warehouse, Consumer<TableEntry> resolved) {
        this.warehouse = warehouse;
        this.resolved = resolved;
        warehouse.installOnce("bigquery-functions", BigQueryFunctions::install);
    }

    /** Whether a query runs as legacy SQL: asked for, {@code #legacySQL}, or a bracketed table reference. */
    private static boolean legacy(String sql, boolean requested) {
        return requested || LEGACY_PREFIX.matcher(sql).find()
                || (!STANDARD_PREFIX.matcher(sql).find() && LEGACY_TABLE.matcher(sql).find());
    }

    /**
     * Starts the analyzer (native library, built-in functions) on a background thread, so that a one-shot command
     * overlaps it with opening the warehouse; the first query waits for it (docs/BENCHMARKS.md). Nothing for legacy
     * SQL, which does not use it; a failure here is left for the query to report.
     */
    public static void startAnalyzer(String sql) {
        if (legacy(sql, false)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                ZetaSqlFrontEnd.get();
            } catch (RuntimeException | LinkageError e) {
                // the query that needs the analyzer fails with this error itself
            }
        }, "zetasql-start");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public QueryResult query(QueryRequest request) {
        boolean legacy = legacy(request.sql(), request.legacySql());
        if (request.legacySql() && STANDARD_PREFIX.matcher(request.sql()).find()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "the query starts with #standardSQL but legacy SQL was requested");
        }
        // A write in another process may swap a table in and drop the one this query resolved before it reads it
        // (this process's writes wait for the swap lock): the query is then resolved and run again.
        return H2Warehouse.whileReplaced(() -> run(request, legacy));
    }

    private QueryResult run(QueryRequest request, boolean legacy) {
        warehouse.swapLock().readLock().lock();
        try (Connection connection = warehouse.database().connection()) {
            Function<TableUri, TableEntry> tables = uri -> {
                TableEntry entry = warehouse.requireTable(connection, uri);
                resolved.accept(entry);
                return entry;
            };
            Translator translator = new Translator(tables, request.defaultProject(), request.parameters(), legacy,
                    warehouse.clock());
            Translator.Translation translation = legacy
                    // Legacy SQL keeps the hand-written parser (its table references and typing are not GoogleSQL's).
                    ? translator.translate(Parser.parse(request.sql()))
                    : standard(request, tables, translator);
            List<Row> rows = rows(connection, translation);
            ResultArrays.requireNoNullElements(translation.schema(), rows);
            return new QueryResult(translation.schema(), rows);
        } catch (SQLException e) {
            throw Jdbc.internal("query", e);
        } catch (InvalidValueException e) {
            // a constant the translation evaluated itself (TO_JSON_STRING of a literal), as when a row holds it
            throw new DicombqException(new io.dicombq.domain.status.RpcError(Code.INVALID_ARGUMENT, e.getMessage()), e);
        } finally {
            warehouse.swapLock().readLock().unlock();
        }
    }

    /**
     * Runs a translated query. One that meets an array built in the query longer than the numbers table grows the
     * table and runs again (each growth at least doubles it, up to {@link UnnestPositions#MAX_BUILT_ARRAY}).
     */
    private static List<Row> rows(Connection connection, Translator.Translation translation) {
        for (int attempt = 1; ; attempt++) {
            List<Row> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 LazyExecution lazy = LazyExecution.on(statement);
                 ResultSet rs = statement.executeQuery(translation.sql())) {
                while (rs.next()) {
                    rows.add(RowReader.read(rs, translation.schema(), 1));
                }
                return rows;
            } catch (SQLException e) {
                int needed = UnnestPositions.neededLength(e);
                // each growth at least doubles the table, so a handful of attempts reaches any length allowed
                if (needed < 0 || attempt > 32) {
                    throw failed(e, translation.sql());
                }
                UnnestPositions.grow(connection, needed);
            }
        }
    }

    /** GoogleSQL: resolved by ZetaSQL against the warehouse's tables, then rendered for H2 (specification 6.1). */
    private Translator.Translation standard(QueryRequest request, Function<TableUri, TableEntry> tables,
                                            Translator functions) {
        ZetaSqlFrontEnd.Analysis analysis = ZetaSqlFrontEnd.get().analyze(request.sql(), request.defaultProject(),
                request.parameters(), tables);
        return new ResolvedTranslator(analysis.tables(), functions).translate(analysis.statement());
    }

    /**
     * H2 errors while running a translated query: data errors (bad CAST, division by zero, array index out of
     * range, a GROUP BY violation) are the query's fault, as in BigQuery; anything else is ours.
     */
    private static DicombqException failed(SQLException e, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().split("; SQL statement:")[0];
        RuntimeException value = EvaluationErrors.valueError(e.getCause());
        if (value != null) {
            return new DicombqException(new io.dicombq.domain.status.RpcError(Code.INVALID_ARGUMENT, value.getMessage()), e);
        }
        if (state.startsWith("22") || state.equals("90016") || state.equals("90053") || state.equals("90054") || state.equals("90105")) {
            return new DicombqException(new io.dicombq.domain.status.RpcError(Code.INVALID_ARGUMENT, message), e);
        }
        return Jdbc.internal(sql, e);
    }
}
