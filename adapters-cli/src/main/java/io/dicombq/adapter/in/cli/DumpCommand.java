package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dicombq dump FILE…}: each file as the DICOM JSON model (PS3.18 Annex F), the shape of pydicom's
 * {@code to_json_dict()}, bulk data omitted. One JSON object per file and line (JSON Lines), in argument order;
 * a file that cannot be read prints nothing on stdout, one error line on stderr, and makes the exit code 1.
 *
 * <p>This is dump's model, help and errors; the executable parses the usual arguments itself ({@link DumpArguments})
 * and comes here for the rest, so a dump does not load picocli.
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

    @Option(names = DumpOptions.PRETTY, description = "Indent the JSON (then each object spans several lines).")
    boolean pretty;

    @Option(names = DumpOptions.FILE_META, description = "Include the file meta information (group 0002), as dcm2json does.")
    boolean fileMeta;

    @Option(names = DumpOptions.NO_INLINE_BINARY, description = "Omit small binary values too (by default they are base64 InlineBinary).")
    boolean noInlineBinary;

    @Option(names = DumpOptions.BULK_THRESHOLD, paramLabel = "BYTES", defaultValue = "" + ReadOptions.DEFAULT_BULK_THRESHOLD,
            description = "Binary values longer than this are bulk data and omitted (default: ${DEFAULT-VALUE}).")
    int bulkThreshold;

    @Override
    public Integer call() {
        DumpOptions options = new DumpOptions(pretty, fileMeta, !noInlineBinary, bulkThreshold, files);
        return new JsonLinesDump(options).run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
