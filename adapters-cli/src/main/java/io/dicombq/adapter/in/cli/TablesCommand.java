package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
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
@Command(name = "tables", mixinStandardHelpOptions = true, description = "List and describe warehouse tables.",
        subcommands = {TablesCommand.ListTables.class, TablesCommand.Describe.class})
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
            TableUri uri = TableUri.parse(table.startsWith(TableUri.PREFIX) ? table : TableUri.PREFIX + table);
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
}
