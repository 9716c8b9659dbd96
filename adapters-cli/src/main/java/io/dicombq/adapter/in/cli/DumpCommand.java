package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.json.DicomJsonWriter;
import io.dicombq.domain.json.JsonWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dicombq dump FILE…}: each file as the DICOM JSON model (PS3.18 Annex F), the shape of pydicom's
 * {@code to_json_dict()}, bulk data omitted. One JSON object per file and line (JSON Lines), in argument order;
 * a file that cannot be read prints nothing on stdout, one error line on stderr, and makes the exit code 1.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print DICOM files as the DICOM JSON model (PS3.18 Annex F), bulk data omitted.",
                "One JSON object per file and line, in argument order; unreadable files are reported on stderr"
                        + " and make the exit code 1, the others are still printed."})
public final class DumpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM Part 10 files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--pretty", description = "Indent the JSON (then each object spans several lines).")
    boolean pretty;

    @Option(names = "--file-meta", description = "Include the file meta information (group 0002), as dcm2json does.")
    boolean fileMeta;

    @Option(names = "--no-inline-binary", description = "Omit small binary values too (by default they are base64 InlineBinary).")
    boolean noInlineBinary;

    @Option(names = "--bulk-threshold", paramLabel = "BYTES", defaultValue = "" + ReadOptions.DEFAULT_BULK_THRESHOLD,
            description = "Binary values longer than this are bulk data and omitted (default: ${DEFAULT-VALUE}).")
    int bulkThreshold;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Part10Reader reader = new Part10Reader(ReadOptions.defaults().withBulkThreshold(bulkThreshold), DataDictionary.standard());
        DicomJsonWriter writer = noInlineBinary ? DicomJsonWriter.withoutInlineBinary() : DicomJsonWriter.standard();
        int failures = 0;
        // No flush per line (println would flush an autoflush writer each time). A buffer per file, sized by the last
        // one: a reused builder that once held a non-Latin-1 character stays UTF-16 and appends twice as slowly.
        StringBuilder json = new StringBuilder(1 << 16);
        for (Path file : files) {
            DicomInstance instance;
            try {
                instance = reader.read(file);
            } catch (DicomParseException | UncheckedIOException e) {
                // the lines before it are out first, so stdout and stderr keep the argument order
                out.flush();
                err.println("dicombq dump: " + e.getMessage());
                err.flush();
                failures++;
                continue;
            }
            json = new StringBuilder(json.length() + 64);
            writer.write(fileMeta ? withFileMeta(instance) : instance.dataset(),
                    pretty ? JsonWriter.pretty(json) : JsonWriter.compact(json));
            out.append(json).append(System.lineSeparator());
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static DicomDataset withFileMeta(DicomInstance instance) {
        List<DataElement> all = new ArrayList<>(instance.fileMeta().elements());
        all.addAll(instance.dataset().elements());
        return DicomDataset.of(all);
    }
}
