package io.dicombq.it.schema;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.json.JsonReader;
import io.dicombq.domain.schema.RowJson;
import io.dicombq.domain.schema.SchemaJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus file our reader reads flattens exactly as the independent oracle expects. */
class WholeCorpusFlattenTest {

    @Test
    void everyReadableCorpusFileAgreesWithTheOracle() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GoldenFlattenTest.CORPUS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> !path.toString().matches(".*\\.(py|pyc|txt|json|dump|gz|md)$"))
                    .filter(path -> !path.getFileName().toString().equals("README"))
                    .sorted().toList();
        }
        Map<String, Map<String, Object>> oracle = FlattenOracle.run(files, null);
        Part10Reader reader = new Part10Reader(ReadOptions.defaults().withBulkThreshold(Integer.MAX_VALUE),
                DataDictionary.standard());
        InstanceFlattener flattener = InstanceFlattener.standard();
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Path file : files) {
            DicomInstance instance;
            try {
                instance = reader.read(file);
            } catch (RuntimeException unreadable) {
                continue; // the reader's own tests judge which files it must read; flattening needs an instance
            }
            Map<String, Object> expected = oracle.get(file.toString());
            if (expected == null || expected.containsKey("error")) {
                problems.add(file + ": we read it, the oracle did not: " + (expected == null ? "no answer" : expected.get("error")));
                continue;
            }
            FlattenedInstance flat = flattener.flatten(instance, FlattenOptions.flattened());
            List<String> differences = new ArrayList<>(GoldenFlattenTest.differences("schema",
                    JsonReader.parse(SchemaJson.write(flat.schema())), expected.get("schema")));
            differences.addAll(GoldenFlattenTest.differences("row", JsonReader.parse(RowJson.write(flat.row())),
                    expected.get("row")));
            differences.stream().limit(5).forEach(difference -> problems.add(file + ": " + difference));
            compared++;
        }
        assertThat(problems).isEmpty();
        assertThat(compared).as("files compared").isGreaterThanOrEqualTo(175);
    }
}
