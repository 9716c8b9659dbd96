package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaLimits;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FlattenPropertiesTest {
    private static final long SEED = 20261125L;
    private final InstanceFlattener flattener = InstanceFlattener.standard();
    private final SchemaMerger merger = SchemaMerger.canonical();
    private final NothingLostChecker checker = new NothingLostChecker();

    @Test
    void everyElementIsInItsColumnOrInDroppedTagsBeforeAndAfterMerging() {
        RandomInstances generator = new RandomInstances(SEED);
        List<DicomInstance> instances = new ArrayList<>();
        List<FlattenedInstance> flats = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            DicomInstance instance = generator.next();
            FlattenedInstance flat = flattener.flatten(instance, FlattenOptions.flattened());
            assertThat(checker.problems(instance, flat.row())).as("instance %d", i).isEmpty();
            assertThat(SchemaLimits.recordDepth(flat.schema().columns())).isLessThanOrEqualTo(SchemaLimits.MAX_RECORD_DEPTH);
            instances.add(instance);
            flats.add(flat);
        }
        // merged in batches of 20: 300 random instances would pass BigQuery's column limit together
        for (int from = 0; from < instances.size(); from += 20) {
            List<FlattenedInstance> batch = flats.subList(from, from + 20);
            TableSchema merged = merger.mergeAll(batch.stream().map(FlattenedInstance::schema).toList());
            for (int i = from; i < from + 20; i++) {
                Row conformed = RowConformer.conform(flats.get(i).row(), merged);
                assertThat(checker.problems(instances.get(i), conformed)).as("instance %d in the merged schema", i).isEmpty();
            }
        }
        assertThat(flats).as("the generator reaches the cases it is meant to")
                .anySatisfy(flat -> assertThat(flat.droppedTags()).anyMatch(path -> path.contains(".")))
                .anySatisfy(flat -> assertThat(flat.schema().column("OtherElements")).isNotNull());
    }

    @Test
    void theMergedSchemaDoesNotDependOnTheOrderOfInstances() {
        RandomInstances generator = new RandomInstances(SEED + 1);
        List<TableSchema> schemas = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            schemas.add(flattener.flatten(generator.next(), FlattenOptions.flattened()).schema());
        }
        TableSchema expected = merger.mergeAll(schemas);
        Random shuffle = new Random(SEED);
        for (int round = 0; round < 50; round++) {
            List<TableSchema> shuffled = new ArrayList<>(schemas);
            Collections.shuffle(shuffled, shuffle);
            // pairwise merges in a random tree shape, as parallel batches would do
            while (shuffled.size() > 1) {
                int at = shuffle.nextInt(shuffled.size() - 1);
                TableSchema merged = merger.merge(shuffled.remove(at), shuffled.remove(at));
                shuffled.add(shuffle.nextInt(shuffled.size() + 1), merged);
            }
            assertThat(shuffled.get(0)).isEqualTo(expected);
        }
    }
}
