package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code dicombq bench map [TEMPLATE]}: clones one instance in memory with new Study/Series/SOP Instance
 * UIDs, then maps every clone to its flattened row and merges the schemas, on one thread, first for warm-up
 * rounds and then for measured rounds; prints the CPU time per round and its median. File reading is not
 * measured (see {@code bench parse}).
 */
@Command(name = "map", description = {"Map in-memory instances to flattened rows and print CPU time and instances/s.",
        "TEMPLATE defaults to pydicom's CT_small.dcm."})
public final class BenchMapCommand implements Callable<Integer> {
    static final Path CT_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    private static final Tag MEDIA_STORAGE_SOP_INSTANCE_UID = new Tag(0x00020003);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TEMPLATE", description = "The DICOM file to clone.")
    Path template = CT_SMALL;

    @Option(names = "--instances", defaultValue = "10000", description = "Clones per round (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured rounds (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DicomInstance original = new Part10Reader().read(template);
        List<DicomInstance> clones = clones(original, instances);
        long elements = 0;
        for (DicomInstance clone : clones) {
            elements += count(clone.fileMeta()) + count(clone.dataset());
        }
        InstanceFlattener flattener = InstanceFlattener.standard();
        SchemaMerger merger = SchemaMerger.canonical();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            mapAll(flattener, merger, clones);
        }
        double[] cpuMillis = new double[rounds];
        int columns = 0;
        for (int i = 0; i < rounds; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            columns = mapAll(flattener, merger, clones);
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            double wallMillis = (System.nanoTime() - wallStart) / 1e6;
            out.printf(Locale.ROOT, "round %d: %d instances in %.1f ms CPU (%.1f ms wall): %.0f instances/s, %.1f M elements/s%n",
                    i + 1, clones.size(), cpuMillis[i], wallMillis, clones.size() / (cpuMillis[i] / 1000),
                    elements / (cpuMillis[i] / 1000) / 1e6);
        }
        Arrays.sort(cpuMillis);
        double median = rounds == 0 ? 0 : cpuMillis[rounds / 2];
        out.printf(Locale.ROOT, "median: %.1f ms CPU for %d instances (%d elements, %d columns): %.0f instances/s, 1 thread, template %s%n",
                median, clones.size(), elements, columns, clones.size() / (median / 1000), template.getFileName());
        out.flush();
        return 0;
    }

    /** Maps every instance and merges their schemas; returns the merged column count so the work is used. */
    private static int mapAll(InstanceFlattener flattener, SchemaMerger merger, List<DicomInstance> instances) {
        TableSchema schema = TableSchema.empty();
        for (DicomInstance instance : instances) {
            FlattenedInstance flat = flattener.flatten(instance, FlattenOptions.flattened());
            schema = merger.merge(schema, flat.schema());
        }
        return schema.columns().size();
    }

    /** Copies of the template with UIDs 2.25.N (PS3.5 B.2) so that each clone is its own study, series and instance. */
    static List<DicomInstance> clones(DicomInstance original, int count) {
        List<DicomInstance> clones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sop = "2.25." + (1_000_000_000L + 3L * i);
            String study = "2.25." + (1_000_000_001L + 3L * i);
            String series = "2.25." + (1_000_000_002L + 3L * i);
            clones.add(new DicomInstance(original.source() + "#" + i,
                    replace(original.fileMeta(), List.of(text(MEDIA_STORAGE_SOP_INSTANCE_UID, sop))),
                    replace(original.dataset(), List.of(text(Tag.SOP_INSTANCE_UID, sop),
                            text(Tag.STUDY_INSTANCE_UID, study), text(Tag.SERIES_INSTANCE_UID, series))),
                    original.sizeBytes()));
        }
        return clones;
    }

    private static DataElement text(Tag tag, String uid) {
        return new DataElement(tag, io.dicombq.domain.dicom.Vr.UI, Value.Text.of(uid));
    }

    private static DicomDataset replace(DicomDataset dataset, List<DataElement> replacements) {
        List<DataElement> elements = new ArrayList<>(dataset.elements());
        elements.addAll(replacements);
        return DicomDataset.of(elements);
    }

    private static long count(DicomDataset dataset) {
        long count = 0;
        for (DataElement element : dataset) {
            count++;
            if (element.value() instanceof Value.Items items) {
                for (DicomDataset item : items.items()) {
                    count += count(item);
                }
            }
        }
        return count;
    }
}
