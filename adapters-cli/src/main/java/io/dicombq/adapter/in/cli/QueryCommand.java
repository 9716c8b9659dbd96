package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.application.query.ResultFormatter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code dicombq query [--format=json|csv|table] [SQL | -]}: BigQuery SQL on the warehouse's tables. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a BigQuery SQL query (standard, or legacy with [PROJECT:DATASET.TABLE]) on the warehouse.",
                "The SQL comes from the argument, or from standard input when it is '-' or left out."})
public final class QueryCommand implements Runnable {
    @Spec
    CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The query, or '-' to read it from standard input.")
    String sql;
    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv|csv[no-heading]|table",
            description = {"json (an array of objects, BigQuery's cell strings), csv or table. Default: ${DEFAULT-VALUE}.",
                    "csv[no-heading] (gcloud's spelling) leaves out the header line, so one path per row is a filter file as is."})
    String format;
    @Option(names = "--no-heading", description = "With --format=csv: leave out the header line.")
    boolean noHeading;
    @Option(names = "--project", paramLabel = "PROJECT",
            description = "The project of tables named DATASET.TABLE without one (default: $DICOMBQ_PROJECT, else dicombq-local).")
    String project;

    @Override
    public void run() {
        String text = sql == null || sql.equals("-") ? readStandardInput() : sql;
        if (text.isBlank()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "The query is empty; pass SQL as an argument or on standard input");
        }
        String formatName = format.toLowerCase(java.util.Locale.ROOT);
        boolean heading = !noHeading;
        if (formatName.equals("csv[no-heading]")) {
            formatName = "csv";
            heading = false;
        }
        if (!formatName.equals("json") && !formatName.equals("csv") && !formatName.equals("table")) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Invalid value for --format: '" + format
                    + "'; expected json, csv, csv[no-heading] or table");
        }
        if (!heading && !formatName.equals("csv")) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--no-heading applies to --format=csv only, not " + format);
        }
        if (CommandContext.warehouseOptions(spec).kind == WarehouseOptions.Kind.H2) {
            // the analyzer's start-up overlaps with opening the warehouse (docs/BENCHMARKS.md)
            io.dicombq.adapter.out.sql.H2QueryEngine.startAnalyzer(text);
        }
        try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
            QueryResult result = runtime.queryEngine().query(QueryRequest.of(text, defaultProject()));
            PrintWriter out = CommandContext.out(spec);
            switch (formatName) {
                case "csv" -> ResultFormatter.csv(result, out, heading);
                case "table" -> ResultFormatter.table(result, out);
                default -> ResultFormatter.json(result, out, true);
            }
            out.flush();
        }
    }

    private String defaultProject() {
        if (project != null) {
            return project;
        }
        String fromEnvironment = System.getenv("DICOMBQ_PROJECT");
        return fromEnvironment == null || fromEnvironment.isBlank() ? HealthcareDatasetOptions.DEFAULT_PROJECT : fromEnvironment;
    }

    private static String readStandardInput() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "could not read the query from standard input: " + e.getMessage());
        }
    }
}
