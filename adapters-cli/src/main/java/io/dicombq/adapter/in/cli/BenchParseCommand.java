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
 * first unmeasured (JIT, page cache), then in measured rounds of at least {@code --round-seconds} each, and
 * prints files/s and MB/s of each round and their median. MB counts whole file sizes.
 */
@Command(name = "parse", description = {"Read DICOM files header-only and print files/s and MB/s.",
        "Directories are walked; @FILE reads the arguments from FILE, one per line."})
public final class BenchParseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories and files to read.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "SECONDS",
            description = "Unmeasured reading before measuring, for the JIT and the page cache (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-seconds", defaultValue = "1", paramLabel = "SECONDS",
            description = "Each round reads all files again and again for at least this long (default: ${DEFAULT-VALUE}).")
    double roundSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = collect(spec.commandLine(), paths);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        Part10Reader reader = new Part10Reader();
        int failures = readAll(reader, files);
        measure(reader, files, warmupSeconds);
        double[] filesPerSecond = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            filesPerSecond[i] = measure(reader, files, roundSeconds);
            out.printf(Locale.ROOT, "round %d: %.0f files/s, %.1f MB/s%n", i + 1, filesPerSecond[i],
                    filesPerSecond[i] * megabytesPerFile(files, bytes));
        }
        Arrays.sort(filesPerSecond);
        double median = rounds == 0 ? 0 : filesPerSecond[rounds / 2];
        out.printf(Locale.ROOT, "median: %.0f files/s, %.1f MB/s (%d files, %.2f MB, %d unreadable, 1 thread)%n",
                median, median * megabytesPerFile(files, bytes), files.size(), bytes / 1e6, failures);
        out.flush();
        return 0;
    }

    private static double megabytesPerFile(List<Path> files, long bytes) {
        return files.isEmpty() ? 0 : bytes / 1e6 / files.size();
    }

    /** Reads all files over and over for at least {@code seconds}; returns files per second. */
    private static double measure(Part10Reader reader, List<Path> files, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long read = 0;
        do {
            readAll(reader, files);
            read += files.size();
        } while (System.nanoTime() < deadline && !files.isEmpty());
        return read / ((System.nanoTime() - start) / 1e9);
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
