package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.demo.SyntheticStudies;
import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dicombq demo}: the main job on the embedded warehouse, step by step with the commands a user would type:
 * register a store over real DICOM files, export it, run the three sample queries of specification 6, and use the third
 * one's output as a filter file for a filtered WRITE_APPEND export. Rerunnable: it replaces its own tables.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Export sample DICOM metadata into the embedded warehouse and query it.",
                "Uses the pydicom test corpus when installed (python3-pydicom), else generates synthetic CT instances."})
public final class DemoCommand implements Callable<Integer> {
    static final String PROJECT = "dicombq-demo";
    static final String DATASET = "dicom_demo";
    static final String STORE = "demo-store";
    static final String TABLE = PROJECT + "." + DATASET + ".instances";
    static final String SELECTED_TABLE = PROJECT + "." + DATASET + ".selected";
    static final Path PYDICOM_CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final int SYNTHETIC_INSTANCES = 400;

    @Spec
    CommandSpec spec;
    @Option(names = "--source", paramLabel = "FOLDER",
            description = "Export this folder instead of the pydicom corpus or the generated instances.")
    Path source;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = CommandContext.out(spec);
        Path dataDirectory = CommandContext.warehouseOptions(spec).dataDirectory().toAbsolutePath();
        Path folder = sourceFolder(dataDirectory, out);
        out.println("dicombq demo: data directory " + dataDirectory + ", DICOM files from " + folder);
        out.println();
        prepare(out);
        step(out, "dicom-stores", "create", STORE, "--project=" + PROJECT, "--source=" + folder);
        step(out, "dicom-stores", "export", "bq", STORE, "--project=" + PROJECT, "--bq-table=bq://" + TABLE);

        String patient;
        Path filterFile = dataDirectory.resolve("demo-filter.txt");
        // One runtime at a time: each step opens and closes the warehouse, and H2 closes a file database for every
        // connection of this JVM when its last session ends.
        try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
            patient = mostFrequentPatient(runtime);
        }
        out.println("# 1. DICOMweb paths of one patient's instances (specification 6, first sample; patient " + patient + ")");
        step(out, "query", "#standardSQL\nSELECT CONCAT('/dicomWeb/studies/', StudyInstanceUID, '/series/',"
                + " SeriesInstanceUID, '/instances/', SOPInstanceUID) as DICOMwebPath\nFROM `" + TABLE + "` WHERE PatientID = '"
                + patient + "' LIMIT 3");
        out.println("# 2. The latest studies (second sample)");
        step(out, "query", "#standardSQL\nSELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime, MIN(PatientID) as"
                + " PatientID,\n       StudyInstanceUID, COUNT(*) as InstanceCount\nFROM `" + TABLE + "` AS dicom\n"
                + "GROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 3");
        out.println("# 3. Legacy SQL paths of the same patient, saved as a filter file (third sample)");
        String legacy = "#legacySQL\nSELECT CONCAT ('/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/',"
                + " SOPInstanceUID)\nFROM [" + PROJECT + ":" + DATASET + ".instances] WHERE PatientID = '" + patient + "'";
        out.println("$ dicombq query " + shellQuoted(legacy) + " --format='csv[no-heading]' > " + filterFile);
        try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
            int lines = writeFilterFile(runtime.queryEngine().query(QueryRequest.of(legacy, PROJECT)), filterFile);
            out.println("(" + lines + " paths written to " + filterFile + ")");
            out.println();
        }
        step(out, "dicom-stores", "export", "bq", STORE, "--project=" + PROJECT, "--bq-table=bq://" + SELECTED_TABLE,
                "--filter-config=" + filterFile, "--write-disposition=write-append");
        step(out, "tables", "list", PROJECT + "." + DATASET);
        out.println("Done. Try, for example:");
        out.println("  ./dicombq tables describe " + TABLE);
        out.println("  ./dicombq query --format=table " + shellQuoted("SELECT Modality, COUNT(*) AS n FROM `" + TABLE + "` GROUP BY Modality"));
        out.println("  ./dicombq operations list --project=" + PROJECT);
        out.flush();
        return 0;
    }

    /** Clears what an earlier run left, so every run shows the same steps. */
    private void prepare(PrintWriter out) {
        try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
            if (runtime.catalog().datasets(java.util.Optional.of(PROJECT)).contains(PROJECT + "." + DATASET)) {
                runtime.catalog().deleteTable(PROJECT, DATASET, "instances");
                runtime.catalog().deleteTable(PROJECT, DATASET, "selected");
                out.println("(dataset " + PROJECT + "." + DATASET + " exists: removed the tables of an earlier demo run)");
            } else {
                runtime.catalog().createDataset(PROJECT, DATASET);
                out.println("$ dicombq datasets create " + PROJECT + "." + DATASET);
            }
            try {
                runtime.stores().delete(new HealthcareDatasetOptions().withProject(PROJECT).storeId(STORE));
            } catch (DicombqException e) {
                if (e.code() != Code.NOT_FOUND) {
                    throw e;
                }
            }
        }
        out.println();
    }

    private Path sourceFolder(Path dataDirectory, PrintWriter out) {
        if (source != null) {
            return source.toAbsolutePath().normalize();
        }
        if (Files.isDirectory(PYDICOM_CORPUS)) {
            return PYDICOM_CORPUS;
        }
        Path generated = dataDirectory.resolve("demo-instances");
        if (!Files.isDirectory(generated)) {
            out.println("(pydicom's corpus is not installed; generating " + SYNTHETIC_INSTANCES + " synthetic CT instances in "
                    + generated + ")");
            SyntheticStudies.write(generated, SYNTHETIC_INSTANCES);
        }
        return generated;
    }

    /** Runs one dicombq command in this process, printed first as the user would type it; stops the demo if it fails. */
    private void step(PrintWriter out, String... args) {
        out.println("$ dicombq " + String.join(" ", quoted(args)));
        out.flush();
        CommandLine command = DicombqCommand.newCommandLine();
        command.setOut(out);
        command.setErr(CommandContext.err(spec));
        List<String> all = new ArrayList<>();
        all.add("--data-dir=" + CommandContext.warehouseOptions(spec).dataDirectory().toAbsolutePath());
        all.addAll(List.of(args));
        int exit = command.execute(all.toArray(String[]::new));
        out.println();
        if (exit != 0) {
            throw new DicombqException(Code.INTERNAL, "the demo step 'dicombq " + String.join(" ", args) + "' failed (exit " + exit + ")");
        }
    }

    private static List<String> quoted(String[] args) {
        List<String> quoted = new ArrayList<>();
        for (String arg : args) {
            quoted.add(arg.matches("[A-Za-z0-9_=./:@-]+") ? arg : shellQuoted(arg));
        }
        return quoted;
    }

    /**
     * One POSIX shell word (newlines kept): in double quotes when nothing in the text is special there, else in
     * single quotes with each single quote closed, escaped and reopened.
     */
    private static String shellQuoted(String text) {
        if (!text.matches("(?s).*[\"$`\\\\!].*")) {
            return "\"" + text + "\"";
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String mostFrequentPatient(DicombqRuntime runtime) {
        QueryResult result = runtime.queryEngine().query(QueryRequest.of("SELECT PatientID, COUNT(*) AS n FROM `" + TABLE
                + "` WHERE PatientID IS NOT NULL GROUP BY PatientID ORDER BY n DESC, PatientID LIMIT 1", PROJECT));
        if (result.rows().isEmpty()) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "the demo export has no instance with a PatientID");
        }
        return (String) result.rows().get(0).get("PatientID");
    }

    /** The first column of every row, one per line: a filter file (specification 4). */
    private static int writeFilterFile(QueryResult result, Path file) throws IOException {
        String column = result.schema().columns().get(0).name();
        StringBuilder text = new StringBuilder();
        for (Row row : result.rows()) {
            text.append(row.get(column)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return result.rows().size();
    }
}
