package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.BigQueryWarehouse;
import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.adapter.in.cli.wiring.H2WarehouseCatalog;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.in.cli.wiring.Warehouse;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import io.dicombq.application.port.out.DicomStoreSources;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where dicombq keeps its state and which warehouse it uses. A mixin of the top-level command whose options every
 * subcommand inherits, so {@code dicombq --data-dir=D query …} and {@code dicombq query --data-dir=D …} both work.
 */
public final class WarehouseOptions {
    static final String HOME_VARIABLE = "DICOMBQ_HOME";
    // the names, for the executable's hand parser of dump (DumpArguments) too, which accepts and ignores them
    static final String DATA_DIR = "--data-dir";
    static final String WAREHOUSE = "--warehouse";
    static final String BIGQUERY_ENDPOINT = "--bigquery-endpoint";
    static final String BIGQUERY_PROJECT = "--bigquery-project";

    @Option(names = DATA_DIR, scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the embedded warehouse, operations and stores live (default: $DICOMBQ_HOME, else ./.dicombq).")
    Path dataDir;

    /** The warehouses dicombq can write to and query. */
    public enum Kind {
        H2, BIGQUERY;

        /** The kind {@code value} names in any letter case, or null. */
        static Kind named(String value) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            return null;
        }

        /** Any letter case, whatever the command line's settings, so the default "h2" always parses. */
        static final class Converter implements CommandLine.ITypeConverter<Kind> {
            @Override
            public Kind convert(String value) {
                Kind kind = named(value);
                if (kind == null) {
                    throw new CommandLine.TypeConversionException("expected h2 or bigquery but was '" + value + "'");
                }
                return kind;
            }
        }
    }

    @Option(names = WAREHOUSE, scope = ScopeType.INHERIT, defaultValue = "h2", paramLabel = "h2|bigquery",
            converter = Kind.Converter.class,
            description = "The embedded H2 warehouse in --data-dir (default), or BigQuery (Application Default"
                    + " Credentials, or --bigquery-endpoint).")
    Kind kind;

    @Option(names = BIGQUERY_ENDPOINT, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "With --warehouse=bigquery: a BigQuery-compatible endpoint to use without credentials, such as"
                    + " 'dicombq serve --bigquery-emulator' (e.g. http://127.0.0.1:9050).")
    URI bigQueryEndpoint;

    @Option(names = BIGQUERY_PROJECT, scope = ScopeType.INHERIT, paramLabel = "PROJECT",
            description = "With --warehouse=bigquery: the project BigQuery jobs run in and are billed to (default: the"
                    + " destination table's project, or the query's --project).")
    String bigQueryProject;

    private Map<String, String> environment = System.getenv();

    /** For tests: the environment to read DICOMBQ_HOME from. */
    void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    public Path dataDirectory() {
        if (dataDir != null) {
            if (dataDir.toString().isBlank()) {
                throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                        "--data-dir is empty; name a directory, or leave the option out to use $DICOMBQ_HOME or ./.dicombq");
            }
            return dataDir;
        }
        String home = environment.get(HOME_VARIABLE);
        return home == null || home.isBlank() ? Path.of(".dicombq") : Path.of(home);
    }

    /** The same warehouse choice over another data directory (a benchmark's own, say). */
    WarehouseOptions withDataDirectory(Path directory) {
        WarehouseOptions copy = new WarehouseOptions();
        copy.dataDir = directory;
        copy.kind = kind;
        copy.bigQueryEndpoint = bigQueryEndpoint;
        copy.bigQueryProject = bigQueryProject;
        copy.environment = environment;
        return copy;
    }

    boolean bigQuery() {
        return kind == Kind.BIGQUERY;
    }

    /** Builds the runtime over the data directory (created if needed) and the chosen warehouse. */
    public DicombqRuntime openRuntime() {
        return openRuntime(new LocalDicomStoreSources());
    }

    /** As {@link #openRuntime()}, reading stores through {@code sources} (the HTTP server confines them). */
    public DicombqRuntime openRuntime(DicomStoreSources sources) {
        return openRuntime(sources, false);
    }

    /**
     * The runtime of a command that is going to write into the warehouse (an export): the warehouse is opened at once,
     * alongside the operations database, if it exists (an export into a dataset needs one that does; opening one that
     * does not would create it before the request is even checked).
     */
    DicombqRuntime openRuntimeToWrite() {
        return openRuntime(new LocalDicomStoreSources(), true);
    }

    private DicombqRuntime openRuntime(DicomStoreSources sources, boolean toWrite) {
        Path directory = dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                    "--data-dir " + directory + " cannot be created: " + e.getMessage());
        }
        return new DicombqRuntime(directory, () -> openWarehouse(directory), sources, Clock.systemUTC(),
                workerArguments(), toWrite && (kind == Kind.BIGQUERY || H2Warehouse.existsIn(directory)));
    }

    /**
     * The BigQuery a distributed export ({@code --runner}) writes into: the pipeline loads with BigQuery's API, so
     * only {@code --warehouse=bigquery} (real BigQuery, or an endpoint such as the dicombq emulator) can be its target.
     */
    public void requireBigQueryFor(String runner) {
        if (kind != Kind.BIGQUERY) {
            throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                    "--runner=" + runner + " loads the table with BigQuery's API: add --warehouse=bigquery (with"
                            + " --bigquery-endpoint=URL for a local 'dicombq serve --bigquery-emulator')");
        }
    }

    public java.net.URI bigQueryEndpoint() {
        return bigQueryEndpoint;
    }

    public String bigQueryProject() {
        return bigQueryProject;
    }

    /** The options that select this warehouse, for a detached worker process to open the same one. */
    List<String> workerArguments() {
        if (kind != Kind.BIGQUERY) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>(List.of("--warehouse=bigquery"));
        if (bigQueryEndpoint != null) {
            arguments.add("--bigquery-endpoint=" + bigQueryEndpoint);
        }
        if (bigQueryProject != null) {
            arguments.add("--bigquery-project=" + bigQueryProject);
        }
        return arguments;
    }

    /** The chosen warehouse: the embedded H2 one in the data directory, or BigQuery. */
    Warehouse openWarehouse(Path directory) {
        if (kind != Kind.BIGQUERY) {
            if (bigQueryEndpoint != null || bigQueryProject != null) {
                throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                        "--bigquery-endpoint and --bigquery-project apply to --warehouse=bigquery only");
            }
            return openH2(directory);
        }
        return BigQueryWarehouse.open(bigQueryProject, bigQueryEndpoint, directory);
    }

    private static Warehouse openH2(Path directory) {
        H2Warehouse h2 = H2Warehouse.open(directory);
        return new Warehouse("embedded H2 warehouse in " + directory, h2.tableSink(), new H2QueryEngine(h2),
                new H2WarehouseCatalog(h2), false, h2);
    }
}
