package io.dicombq.application.service;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.InstanceRowMapper;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnOrder;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.dicombq.application.service.InMemoryStore.instance;
import static io.dicombq.application.service.InMemoryStore.text;
import static org.assertj.core.api.Assertions.assertThat;

/** RunExportService over in-memory ports: the pass, its counters, the widened rerun, filters and per-instance failures. */
class RunExportServiceTest {
    /** An even (standard) tag the dictionary does not know: its VR comes from the file, so instances can disagree. */
    private static final int UNKNOWN = 0x00281999;
    /** Standard elements of several VRs; instance i holds the ones whose bit is set in i. */
    private static final DataElement[] OPTIONAL_ELEMENTS = {
            text(0x00080060, Vr.CS, "CT"),
            text(0x00081030, Vr.LO, "study"),
            text(0x00100010, Vr.PN, "Doe^Jane"),
            text(0x00100020, Vr.LO, "PID"),
            text(0x00180050, Vr.DS, "1.25"),
            text(0x00200013, Vr.IS, "7"),
            text(0x00280030, Vr.DS, "0.5", "0.5"),
            text(0x00080022, Vr.DA, "20240102"),
    };

    @Test
    void exportsEveryInstanceCommitsOnceAndCountsAsItGoes() {
        ExportFixture fixture = new ExportFixture();
        List<OperationCounter> seen = new ArrayList<>();
        fixture.sink.onWrite(rows -> seen.add(fixture.operations.list("my-project", "us", "d").get(0).operation().counter()));
        for (int i = 0; i < 7; i++) {
            fixture.store.add(varied(i));
        }

        Operation operation = fixture.export(2, 2);

        assertThat(operation.done()).isTrue();
        assertThat(operation.error()).isEmpty();
        assertThat(operation.counter()).isEqualTo(new OperationCounter(7, 0, 0));
        assertThat(fixture.sink.writes()).singleElement().satisfies(write -> assertThat(write.committed()).isTrue());
        assertThat(fixture.sink.committedRows()).hasSize(7);
        // pending counts what is listed and not yet done; the store is listed as it is read, so never more than 7
        assertThat(seen).isNotEmpty().allSatisfy(counter ->
                assertThat(counter.success() + counter.failure() + counter.pending()).isBetween(0L, 7L));
        assertThat(fixture.store.streamsOpened()).as("listed once").isEqualTo(1);
        assertThat(fixture.store.streamsClosed()).isEqualTo(fixture.store.streamsOpened());
    }

    @Test
    void wideRowsAreStagedInBatchesBoundedByTheirMemoryNotOnlyByCount() {
        ExportFixture fixture = new ExportFixture();
        List<Integer> batchSizes = new ArrayList<>();
        fixture.sink.onWrite(rows -> batchSizes.add(rows.size()));
        // each row holds a 1.5 MB study description, so 3 of them pass ExportPipeline.BATCH_BYTES (4 MiB)
        String wide = "W".repeat(1_500_000);
        for (int i = 0; i < 7; i++) {
            fixture.store.add(instance("1.1", "1.1.1", "1.1.1." + i, text(0x00081030, Vr.LO, wide)));
        }

        Operation operation = fixture.export(1, 500);

        assertThat(operation.counter()).isEqualTo(new OperationCounter(7, 0, 0));
        assertThat(batchSizes).containsExactly(3, 3, 1);
        assertThat(fixture.sink.committedRows()).hasSize(7)
                .allSatisfy(row -> assertThat(row.get("StudyDescription")).isEqualTo(wide));
    }

    @Test
    void smallRowsAreStagedInBatchesOfTheGivenCount() {
        ExportFixture fixture = new ExportFixture();
        List<Integer> batchSizes = new ArrayList<>();
        fixture.sink.onWrite(rows -> batchSizes.add(rows.size()));
        for (int i = 0; i < 7; i++) {
            fixture.store.add(varied(i));
        }

        fixture.export(2, 3);

        assertThat(batchSizes).containsExactly(3, 3, 1);
    }

    @Test
    void theTableSchemaIsTheExactUnionInTagOrderWhateverTheThreadsAndTheListingOrder() {
        List<DicomInstance> instances = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            instances.add(varied(i));
        }
        TableSchema expected = expectedSchema(instances);
        List<TableSchema> exported = new ArrayList<>();
        Random random = new Random(19);
        for (int run = 0; run < 4; run++) {
            List<DicomInstance> order = new ArrayList<>(instances);
            Collections.shuffle(order, random);
            ExportFixture fixture = new ExportFixture();
            order.forEach(fixture.store::add);
            assertThat(fixture.export(4, 3).error()).isEmpty();
            exported.add(fixture.sink.committedSchema().orElseThrow());
            assertThat(fixture.sink.committedRows()).hasSize(256);
        }

        assertThat(exported).allSatisfy(schema -> assertThat(schema).isEqualTo(expected));
        List<Column> columns = expected.columns();
        for (int i = 1; i < columns.size(); i++) {
            assertThat(ColumnOrder.canonical().compare(columns.get(i - 1), columns.get(i))).isNegative();
        }
        assertThat(columns.stream().map(Column::name).toList())
                .containsSubsequence("SOPInstanceUID", "Modality", "StudyDescription", "PatientName", "PatientID",
                        "SliceThickness", "StudyInstanceUID", "SeriesInstanceUID", "InstanceNumber", "PixelSpacing");
    }

    @Test
    void aConflictWithAStagedColumnRunsThePassAgainFromTheWiderSchemaWithAFreshLog() {
        ExportFixture fixture = new ExportFixture();
        DicomInstance decimal = instance("1.1", "1.1.1", "1.1.1.1",
                new DataElement(new Tag(UNKNOWN), Vr.US, Value.Ints.of(512)));
        DicomInstance word = instance("1.1", "1.1.1", "1.1.1.2", text(UNKNOWN, Vr.LO, "tall"));
        assertThat(typeOf(decimal, "Tag_00281999")).isEqualTo(ColumnType.INTEGER);
        assertThat(typeOf(word, "Tag_00281999")).isEqualTo(ColumnType.STRING);
        fixture.store.add(decimal).add(word).add("/store/broken.dcm", () -> {
            throw new DicombqException(Code.INVALID_ARGUMENT, "not DICOM");
        });

        Operation operation = fixture.export(1, 1);

        assertThat(operation.error()).isEmpty();
        assertThat(operation.counter()).isEqualTo(new OperationCounter(2, 1, 0));
        List<InMemorySink.Write> writes = fixture.sink.writes();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).aborted()).isTrue();
        assertThat(writes.get(1).committed()).isTrue();
        assertThat(fixture.log.clears()).isEqualTo(1);
        assertThat(fixture.log.lines()).singleElement()
                .satisfies(line -> assertThat(line.resourceName()).isEqualTo("/store/broken.dcm"));
        TableSchema schema = fixture.sink.committedSchema().orElseThrow();
        assertThat(schema.column("Tag_00281999").type()).isEqualTo(ColumnType.STRING);
        assertThat(fixture.sink.committedRows()).extracting(row -> row.get("Tag_00281999"))
                .containsExactlyInAnyOrder(List.of("512"), List.of("tall"));
        // every batch of the committed pass was written under a schema its rows fit
        assertThat(writes.get(1).schemas()).allSatisfy(batch ->
                assertThat(batch.column("Tag_00281999").type()).isEqualTo(ColumnType.STRING));
    }

    @Test
    void aFailedInstanceIsCountedAndLoggedAndTheOthersAreExported() {
        ExportFixture fixture = new ExportFixture();
        fixture.store.add(varied(1))
                .add("/store/truncated.dcm", () -> {
                    throw new DicombqException(Code.INVALID_ARGUMENT, "truncated at byte 132");
                })
                .add(varied(2))
                .add("/store/bug.dcm", () -> {
                    throw new IllegalStateException("a reader bug");
                })
                .add(varied(3));

        Operation operation = fixture.export(2, 2);

        assertThat(operation.error()).isEmpty();
        assertThat(operation.counter()).isEqualTo(new OperationCounter(3, 2, 0));
        assertThat(fixture.sink.committedRows()).hasSize(3);
        assertThat(fixture.log.lines()).extracting(line -> line.resourceName() + " " + line.error().code())
                .containsExactlyInAnyOrder("/store/truncated.dcm " + Code.INVALID_ARGUMENT, "/store/bug.dcm " + Code.INTERNAL);
        assertThat(fixture.log.lines()).anySatisfy(line -> assertThat(line.error().message()).contains("a reader bug"));
    }

    @Test
    void aStoreThatCannotBeListedFailsTheExportWithItsErrorAndCommitsNothing() {
        ExportFixture fixture = new ExportFixture();
        fixture.store.add(varied(1)).add(varied(2));
        fixture.store.onList((listing, index) -> {
            throw new DicombqException(Code.UNAVAILABLE, "the store's folder was unmounted");
        });

        Operation operation = fixture.export(2, 2);

        assertThat(operation.done()).isTrue();
        assertThat(operation.error()).map(RpcError::code).contains(Code.UNAVAILABLE);
        assertThat(operation.error()).map(RpcError::message).contains("the store's folder was unmounted");
        assertThat(fixture.sink.committedSchema()).isEmpty();
    }

    @Test
    void aListingThatBreaksDuringThePassFailsTheExportUnavailableSayingWhere() {
        ExportFixture fixture = new ExportFixture();
        for (int i = 0; i < 5; i++) {
            fixture.store.add(varied(i));
        }
        fixture.store.onList((listing, index) -> {
            if (listing == 1 && index == 3) {
                throw new IllegalStateException("directory stream closed");
            }
        });

        Operation operation = fixture.export(2, 100);

        assertThat(operation.error()).map(RpcError::code).contains(Code.UNAVAILABLE);
        assertThat(operation.error()).map(RpcError::message).hasValueSatisfying(message ->
                assertThat(message).contains("after 3 instances").contains("directory stream closed"));
        assertThat(fixture.sink.writes()).allSatisfy(write -> assertThat(write.aborted()).isTrue());
        assertThat(fixture.store.streamsClosed()).isEqualTo(fixture.store.streamsOpened());
    }

    @Test
    void aFilterExportsOnlyTheSelectedInstancesAndDoesNotCountTheOthers() {
        ExportFixture fixture = new ExportFixture();
        fixture.filterFiles.put("file:///filter.txt", "/studies/1.2\n");
        fixture.store.add(instance("1.1", "1.1.1", "1.1.1.1"))
                .add(instance("1.2", "1.2.1", "1.2.1.1"))
                .add(instance("1.2", "1.2.2", "1.2.2.1"))
                .add(instance("1.3", "1.3.1", "1.3.1.1"));

        Operation operation = fixture.export(2, 2, Optional.of("file:///filter.txt"));

        assertThat(operation.error()).isEmpty();
        assertThat(operation.counter()).isEqualTo(new OperationCounter(2, 0, 0));
        assertThat(fixture.sink.committedRows()).extracting(row -> row.get("StudyInstanceUID"))
                .containsOnly("1.2");
    }

    @Test
    void anEmptyStoreCreatesTheTableWithItsBaseColumns() {
        ExportFixture fixture = new ExportFixture();

        Operation operation = fixture.export(2, 2);

        assertThat(operation.error()).isEmpty();
        assertThat(operation.counter()).isEqualTo(new OperationCounter(0, 0, 0));
        assertThat(fixture.sink.committedSchema()).contains(
                InstanceRowMapper.baseSchema(new FlattenOptions(Layout.FLATTENED, null)));
    }

    static DicomInstance varied(int i) {
        List<DataElement> elements = new ArrayList<>();
        for (int bit = 0; bit < OPTIONAL_ELEMENTS.length; bit++) {
            if ((i & (1 << bit)) != 0) {
                elements.add(OPTIONAL_ELEMENTS[bit]);
            }
        }
        return instance("1." + (i % 3), "1." + (i % 3) + "." + (i % 5), "1.2.3." + i, elements.toArray(DataElement[]::new));
    }

    private static TableSchema expectedSchema(List<DicomInstance> instances) {
        FlattenOptions options = new FlattenOptions(Layout.FLATTENED, null);
        List<TableSchema> schemas = new ArrayList<>();
        schemas.add(InstanceRowMapper.baseSchema(options));
        for (DicomInstance instance : instances) {
            schemas.add(InstanceRowMapper.standard().map(instance, options, Instant.EPOCH).schema());
        }
        return SchemaMerger.canonical().mergeAll(schemas);
    }

    private static ColumnType typeOf(DicomInstance instance, String column) {
        return InstanceRowMapper.standard().map(instance, new FlattenOptions(Layout.FLATTENED, null), Instant.EPOCH)
                .schema().column(column).type();
    }
}
