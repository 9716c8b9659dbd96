package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code dicombq bench parse DIR|FILE…}: reads every file header-only (stop before pixel data) on one thread,
 * first for warm-up rounds (JIT, page cache), then for measured rounds, and prints files/s and MB/s of each
 * measured round and their median. MB counts whole file sizes, as pydicom and dcmtk benchmarks do.
 */
@Command(name = "parse", description = {"Read DICOM files header-only and print files/s and MB/s.",
        "Directories are walked; @FILE reads the arguments from FILE, one per line."})
public final class BenchParseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories and files to read.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured rounds over all files (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = collect(spec.commandLine(), paths);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        Part10Reader reader = new Part10Reader();
        int failures = 0;
        for (int i = 0; i < warmup; i++) {
            failures = readAll(reader, files);
        }
        double[] filesPerSecond = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            failures = readAll(reader, files);
            double seconds = (System.nanoTime() - start) / 1e9;
            filesPerSecond[i] = files.size() / seconds;
            out.printf(Locale.ROOT, "round %d: %d files in %.1f ms: %.0f files/s, %.1f MB/s%n", i + 1, files.size(),
                    seconds * 1000, filesPerSecond[i], bytes / 1e6 / seconds);
        }
        Arrays.sort(filesPerSecond);
        double median = rounds == 0 ? 0 : filesPerSecond[rounds / 2];
        double megabytesPerFile = files.isEmpty() ? 0 : bytes / 1e6 / files.size();
        out.printf(Locale.ROOT, "median: %.0f files/s, %.1f MB/s (%d files, %.2f MB, %d unreadable, 1 thread)%n",
                median, median * megabytesPerFile, files.size(), bytes / 1e6, failures);
        out.flush();
        return 0;
    }

    private static int readAll(Part10Reader reader, List<Path> files) {
        int failures = 0;
        for (Path file : files) {
            try {
                reader.read(file);
            } catch (DicomParseException | UncheckedIOException e) {
                failures++;
            }
        }
        return failures;
    }

    private static List<Path> collect(CommandLine commandLine, List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CommandLine.ParameterException(commandLine, "no such file or directory: " + path);
            }
        }
        return files;
    }
}
