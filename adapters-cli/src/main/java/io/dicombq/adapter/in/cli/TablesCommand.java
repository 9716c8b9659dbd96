package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.application.port.out.WarehouseCatalog;
import io.dicombq.application.port.out.WarehouseCatalog.TableDescription;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code dicombq tables …}: the tables of a warehouse dataset and their schemas. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List, describe, delete and check warehouse tables.",
        subcommands = {TablesCommand.ListTables.class, TablesCommand.Describe.class, TablesCommand.Delete.class,
                TablesCommand.Check.class})
public final class TablesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tables of PROJECT.DATASET.")
    static final class ListTables implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET")
        String dataset;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            String[] parts = DatasetsCommand.projectAndDataset(dataset);
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                Printer.printNames(CommandContext.out(spec), runtime.catalog().tables(parts[0], parts[1]), format);
            }
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Show a table's row count and schema (BigQuery's schema.fields).")
    static final class Describe implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET.TABLE", description = "The table, with or without bq://.")
        String table;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            TableUri uri = tableArgument(table);
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                TableDescription description = runtime.catalog().describe(uri.project(), uri.dataset(), uri.table())
                        .orElseThrow(() -> new DicombqException(Code.NOT_FOUND, "Not found: Table " + uri.path()));
                PrintWriter out = CommandContext.out(spec);
                if (format == OutputFormat.JSON) {
                    Printer.print(out, "{\"tableReference\":{\"projectId\":" + quote(uri.project()) + ",\"datasetId\":"
                            + quote(uri.dataset()) + ",\"tableId\":" + quote(uri.table()) + "},\"numRows\":\""
                            + description.rows() + "\",\"schema\":{\"fields\":" + SchemaJson.write(description.schema()) + "}}", format);
                    return;
                }
                out.println("Table " + uri.path() + ": " + description.rows() + " rows, "
                        + description.schema().columns().size() + " columns");
                for (Column column : description.schema().columns()) {
                    print(out, column, 1);
                }
                out.flush();
            }
        }

        private static String quote(String text) {
            return io.dicombq.domain.json.JsonWriter.quote(text);
        }

        private static void print(PrintWriter out, Column column, int depth) {
            out.println("  ".repeat(depth) + column.name() + "  " + column.type() + (column.isRepeated() ? " REPEATED" : ""));
            for (Column field : column.fields()) {
                print(out, field, depth + 1);
            }
        }
    }

    /** PROJECT.DATASET.TABLE, with or without bq://. */
    static TableUri tableArgument(String text) {
        return TableUri.parse(text.startsWith(TableUri.PREFIX) ? text : TableUri.PREFIX + text);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a table and its rows (bq rm -t).")
    static final class Delete implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET.TABLE", description = "The table, with or without bq://.")
        String table;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (what tables.delete returns: {}).")
        OutputFormat format;

        @Override
        public void run() {
            TableUri uri = tableArgument(table);
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                if (!runtime.catalog().deleteTable(uri.project(), uri.dataset(), uri.table())) {
                    throw new DicombqException(Code.NOT_FOUND, "Not found: Table " + uri.project() + ":"
                            + uri.dataset() + "." + uri.table());
                }
                Printer.printDone(CommandContext.out(spec), "Deleted table [" + uri.path() + "].", format);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every row of the embedded warehouse's tables (all of them, a dataset's, or one) and"
                    + " report the ones the file cannot give back whole; exits with DATA_LOSS if any.")
    static final class Check implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET[.TABLE]", arity = "0..1",
                description = "A dataset or a table; every table of every dataset when absent.")
        String scope;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                WarehouseCatalog catalog = runtime.catalog();
                List<TableUri> tables = tablesIn(catalog);
                List<String> results = new java.util.ArrayList<>();
                List<String> damaged = new java.util.ArrayList<>();
                PrintWriter out = CommandContext.out(spec);
                for (TableUri uri : tables) {
                    String name = uri.project() + "." + uri.dataset() + "." + uri.table();
                    try {
                        long rows = catalog.readEveryRow(uri.project(), uri.dataset(), uri.table());
                        results.add("{\"table\":" + quote(name) + ",\"status\":\"OK\",\"rows\":\"" + rows + "\"}");
                        if (format != OutputFormat.JSON) {
                            out.println("OK       " + name + "  " + rows + " rows");
                        }
                    } catch (DicombqException e) {
                        if (e.error().code() != Code.DATA_LOSS) {
                            throw e;
                        }
                        damaged.add(name);
                        results.add("{\"table\":" + quote(name) + ",\"status\":\"DAMAGED\",\"error\":"
                                + quote(e.error().message()) + "}");
                        if (format != OutputFormat.JSON) {
                            out.println("DAMAGED  " + name + "  " + e.error().message());
                        }
                    }
                }
                if (format == OutputFormat.JSON) {
                    Printer.printArray(out, results, format);
                } else {
                    out.println(tables.size() + " table(s) read, " + damaged.size() + " damaged");
                    out.flush();
                }
                if (!damaged.isEmpty()) {
                    throw new DicombqException(Code.DATA_LOSS, damaged.size() + " of " + tables.size()
                            + " table(s) cannot be read whole: " + String.join(", ", damaged) + "; the others are"
                            + " intact. Delete each damaged one (`dicombq tables delete PROJECT.DATASET.TABLE`) and"
                            + " export it again");
                }
            }
        }

        private List<TableUri> tablesIn(WarehouseCatalog catalog) {
            if (scope == null) {
                List<TableUri> all = new java.util.ArrayList<>();
                for (String dataset : catalog.datasets(java.util.Optional.empty())) {
                    String[] parts = DatasetsCommand.projectAndDataset(dataset);
                    catalog.tables(parts[0], parts[1]).forEach(t -> all.add(new TableUri(parts[0], parts[1], t)));
                }
                return all;
            }
            String[] parts = scope.replaceFirst("^" + java.util.regex.Pattern.quote(TableUri.PREFIX), "").split("[.:]", -1);
            if (parts.length == 3) {
                return List.of(tableArgument(scope));
            }
            String[] dataset = DatasetsCommand.projectAndDataset(scope);
            return catalog.tables(dataset[0], dataset[1]).stream()
                    .map(t -> new TableUri(dataset[0], dataset[1], t)).toList();
        }

        private static String quote(String text) {
            return io.dicombq.domain.json.JsonWriter.quote(text);
        }
    }
}
