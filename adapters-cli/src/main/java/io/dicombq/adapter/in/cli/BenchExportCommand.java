package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.demo.SyntheticStudies;
import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code dicombq bench export --instances=N}: generates N synthetic CT instances in a temporary folder, exports them
 * into a fresh embedded warehouse in this process (or, with {@code --warehouse=bigquery}, into BigQuery or an
 * emulator), and prints the time and the peak heap (live set after GC, and
 * the sampled peak), to show that memory does not grow with the store.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export N generated instances into a temporary warehouse and print time and peak heap.",
                "Run with a small fixed heap and the serial collector, so full GCs show the live set, e.g.",
                "DICOMBQ_JAVA_OPTS='-Xmx64m -XX:+UseSerialGC' ./dicombq bench export --instances=100000"})
public final class BenchExportCommand implements Callable<Integer> {
    private static final double MIB = 1024.0 * 1024.0;

    @Spec
    CommandSpec spec;
    @Option(names = "--instances", defaultValue = "1000", description = "How many instances to generate (default: ${DEFAULT-VALUE}).")
    int instances;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where to put the generated files and warehouse (default: a temporary folder, deleted after); a warehouse left there by an earlier run is replaced.")
    Path workDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = CommandContext.out(spec);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("dicombq-bench-export");
        try {
            Path store = work.resolve("instances");
            long generateStart = System.nanoTime();
            SyntheticStudies.write(store, instances);
            double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
            out.printf(Locale.ROOT, "generated %d instances in %.1f s under %s%n", instances, generateSeconds, store);
            out.flush();
            System.gc();
            Path data = work.resolve("data");
            WarehouseOptions options = CommandContext.warehouseOptions(spec).withDataDirectory(data);
            // each run measures a fresh warehouse: an earlier run's would already hold the dataset and the table
            deleteRecursively(data);
            try (DicombqRuntime runtime = options.openRuntime(); HeapWatch heap = new HeapWatch()) {
                String table = createDestination(runtime, options);
                out.println("exporting into " + table + (options.bigQuery() ? " (--warehouse=bigquery)" : ""));
                out.flush();
                long start = System.nanoTime();
                Operation operation = runtime.export(false).export(new ExportRequest(
                        new ExportRequest.AdHocStore(new DicomStoreName("bench-project", "local", "bench", "generated"), store.toString()),
                        table, DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()));
                while (!operation.done()) {
                    Thread.sleep(50);
                    operation = runtime.operations().get(operation.name());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (operation.error().isPresent()) {
                    out.println("export failed: " + operation.error().get());
                    return 1;
                }
                out.printf(Locale.ROOT, "exported %d instances (%d failed) in %.1f s: %.0f instances/s%n",
                        operation.counter().success(), operation.counter().failure(), seconds, operation.counter().success() / seconds);
                String liveSet = heap.majorCollections() == 0 ? "no full GC happened"
                        : String.format(Locale.ROOT, "peak after a full GC (live set) %.1f MiB over %d full GCs",
                        heap.peakAfterMajorGcBytes() / MIB, heap.majorCollections());
                out.printf(Locale.ROOT, "heap: max %.0f MiB; %s; peak after any GC %.1f MiB over %d GCs; peak in use (sampled) %.1f MiB%n",
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MIB, liveSet,
                        heap.peakAfterGcBytes() / MIB, heap.collections(), heap.peakUsedBytes() / MIB);
                out.flush();
                return 0;
            }
        } finally {
            if (workDir == null) {
                deleteRecursively(work);
            }
        }
    }

    /**
     * The embedded warehouse is new for each run; a BigQuery endpoint outlives runs, so there the dataset may exist
     * already and each run writes a table of its own.
     */
    private static String createDestination(DicombqRuntime runtime, WarehouseOptions options) {
        try {
            runtime.catalog().createDataset("bench-project", "bench");
        } catch (DicombqException e) {
            if (!options.bigQuery() || e.code() != Code.ALREADY_EXISTS) {
                throw e;
            }
        }
        return options.bigQuery() ? "bq://bench-project.bench.instances_" + System.currentTimeMillis()
                : "bq://bench-project.bench.instances";
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
