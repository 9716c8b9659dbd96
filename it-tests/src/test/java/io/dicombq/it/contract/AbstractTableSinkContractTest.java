package io.dicombq.it.contract;

import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TableSink} must do, whatever warehouse is behind it (specification 1.2): each write plan,
 * nothing visible before commit, abort and failures leave the destination exactly as it was, the schema may grow
 * while rows are staged, nested and repeated values come back as written. Subclasses give a fresh sink, a way to
 * create a dataset, and a way to read back all rows of a table.
 */
public abstract class AbstractTableSinkContractTest {
    protected static final String PROJECT = "contract-project";

    private TableSink sink;
    private String dataset;

    /** A sink over a warehouse this test may change freely. */
    protected abstract TableSink newSink();

    protected abstract void createDataset(String project, String dataset);

    /** Every row of the table, in any order. */
    protected abstract List<Row> readAll(TableUri table);

    @BeforeEach
    void freshSinkAndDataset() {
        sink = newSink();
        dataset = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDataset(PROJECT, dataset);
    }

    // ---- schemas and rows shaped like the flattened export

    private static final Column NAME = Column.record("PatientName", Mode.NULLABLE, List.of(
            Column.record("Alphabetic", Mode.NULLABLE, List.of(
                    Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE),
                    Column.of("GivenName", ColumnType.STRING, Mode.NULLABLE)))));
    private static final Column CODES = Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
            Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
            Column.of("CodeMeaning", ColumnType.STRING, Mode.NULLABLE)));

    static TableSchema baseSchema() {
        return TableSchema.of(
                Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
                Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
                Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
                NAME,
                Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
                CODES);
    }

    /** The base schema plus a top-level column and a new field inside the sequence. */
    static TableSchema grownSchema() {
        List<Column> columns = new ArrayList<>(baseSchema().columns());
        List<Column> codeFields = new ArrayList<>(CODES.fields());
        codeFields.add(Column.of("CodingSchemeDesignator", ColumnType.STRING, Mode.NULLABLE));
        columns.set(columns.indexOf(CODES), Column.record(CODES.name(), Mode.REPEATED, codeFields));
        columns.add(Column.of("Manufacturer", ColumnType.STRING, Mode.NULLABLE));
        return new TableSchema(columns);
    }

    static Row row(String sop, String code) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("SOPInstanceUID", sop);
        values.put("PatientID", "19045");
        values.put("StudyDate", LocalDate.of(2021, 3, 4));
        values.put("StudyTime", LocalTime.of(12, 30, 0, 250_000_000));
        values.put("Rows", 512L);
        values.put("PatientName", Row.of(Map.of("Alphabetic", Row.of(Map.of("FamilyName", "Doe", "GivenName", "Jane")))));
        values.put("ImageType", List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        values.put("ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", code, "CodeMeaning", "CT " + code))));
        return Row.of(values);
    }

    /** A row using the grown schema's new column and nested field. */
    static Row grownRow(String sop) {
        Map<String, Object> values = new LinkedHashMap<>(row(sop, "X").values());
        values.put("ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", "G", "CodingSchemeDesignator", "DCM"))));
        values.put("Manufacturer", "ACME");
        values.put("ImageType", List.of());
        return Row.of(values);
    }

    private TableUri table(String name) {
        return new TableUri(PROJECT, dataset, name);
    }

    /** Creates {@code uri} through the sink itself, holding {@code rows}. */
    private void existing(TableUri uri, TableSchema schema, List<Row> rows) {
        try (StagedWrite write = sink.begin(uri, WritePlan.CREATE)) {
            if (!rows.isEmpty()) {
                write.write(schema, rows);
            }
            write.commit(schema);
        }
    }

    // ---- dataset and state

    @Test
    void knowsWhichDatasetsExist() {
        assertThat(sink.datasetExists(PROJECT, dataset)).isTrue();
        assertThat(sink.datasetExists(PROJECT, "no_such_dataset_" + dataset)).isFalse();
    }

    @Test
    void stateIsAbsentThenEmptyThenHasRows() {
        TableUri empty = table("empty");
        TableUri full = table("full");
        assertThat(sink.state(empty)).isEqualTo(TableState.ABSENT);
        assertThat(sink.schema(empty)).isEmpty();

        existing(empty, baseSchema(), List.of());
        existing(full, baseSchema(), List.of(row("1.1", "A")));

        assertThat(sink.state(empty)).isEqualTo(TableState.EMPTY);
        assertThat(sink.state(full)).isEqualTo(TableState.HAS_ROWS);
        assertThat(sink.schema(empty)).contains(baseSchema());
    }

    @Test
    void aMissingDatasetIsNotFound() {
        TableUri orphan = new TableUri(PROJECT, "missing_" + dataset, "t");

        assertThatThrownBy(() -> sink.state(orphan)).isInstanceOf(DicombqException.class)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.NOT_FOUND));
        assertThatThrownBy(() -> {
            try (StagedWrite write = sink.begin(orphan, WritePlan.CREATE)) {
                write.write(baseSchema(), List.of(row("1", "A")));
                write.commit(baseSchema());
            }
        }).isInstanceOf(DicombqException.class).hasMessageContaining("missing_" + dataset)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.NOT_FOUND));
    }

    // ---- write plans

    @Test
    void createWritesBatchesAndMakesThemVisibleOnlyOnCommit() {
        TableUri uri = table("created");
        try (StagedWrite write = sink.begin(uri, WritePlan.CREATE)) {
            write.write(baseSchema(), List.of(row("1.1", "A"), row("1.2", "B")));
            write.write(baseSchema(), List.of(row("1.3", "C")));
            assertThat(sink.state(uri)).isEqualTo(TableState.ABSENT);

            write.commit(baseSchema());
        }

        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("1.1", "A"), row("1.2", "B"), row("1.3", "C"));
        assertThat(sink.schema(uri)).contains(baseSchema());
    }

    @Test
    void overwriteReplacesRowsAndSchema() {
        TableUri uri = table("overwritten");
        existing(uri, grownSchema(), List.of(grownRow("old.1"), grownRow("old.2")));

        try (StagedWrite write = sink.begin(uri, WritePlan.OVERWRITE)) {
            write.write(baseSchema(), List.of(row("new.1", "A")));
            assertThat(readAll(uri)).hasSize(2);
            write.commit(baseSchema());
        }

        assertThat(readAll(uri)).containsExactly(row("new.1", "A"));
        assertThat(sink.schema(uri)).contains(baseSchema());
    }

    @Test
    void truncateThenWriteErasesRowsAndTakesTheNewSchema() {
        TableUri uri = table("truncated");
        existing(uri, baseSchema(), List.of(row("old.1", "A")));

        try (StagedWrite write = sink.begin(uri, WritePlan.TRUNCATE_THEN_WRITE)) {
            write.write(grownSchema(), List.of(grownRow("new.1")));
            write.commit(grownSchema());
        }

        assertThat(readAll(uri)).containsExactly(grownRow("new.1"));
        assertThat(sink.schema(uri)).contains(grownSchema());
    }

    @Test
    void appendKeepsRowsAndAddsNewColumns() {
        TableUri uri = table("appended");
        existing(uri, baseSchema(), List.of(row("old.1", "A")));

        try (StagedWrite write = sink.begin(uri, WritePlan.APPEND)) {
            write.write(grownSchema(), List.of(grownRow("new.1")));
            write.commit(grownSchema());
        }

        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("old.1", "A"), grownRow("new.1"));
        assertThat(sink.schema(uri)).contains(grownSchema());
    }

    @Test
    void appendWithTheSameSchemaAddsRows() {
        TableUri uri = table("appended_same");
        existing(uri, baseSchema(), List.of(row("old.1", "A")));

        try (StagedWrite write = sink.begin(uri, WritePlan.APPEND)) {
            write.write(baseSchema(), List.of(row("new.1", "B")));
            write.commit(baseSchema());
        }

        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("old.1", "A"), row("new.1", "B"));
    }

    @Test
    void writeIntoEmptyKeepsExistingColumnsAndAddsNewOnes() {
        TableUri uri = table("was_empty");
        TableSchema narrow = TableSchema.of(Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Extra", ColumnType.STRING, Mode.NULLABLE));
        existing(uri, narrow, List.of());
        List<Column> union = new ArrayList<>(narrow.columns());
        baseSchema().columns().stream().filter(c -> narrow.column(c.name()) == null).forEach(union::add);
        TableSchema finalSchema = new TableSchema(union);

        try (StagedWrite write = sink.begin(uri, WritePlan.WRITE_INTO_EMPTY)) {
            write.write(baseSchema(), List.of(row("1.1", "A")));
            write.commit(finalSchema);
        }

        assertThat(readAll(uri)).containsExactly(row("1.1", "A"));
        assertThat(sink.schema(uri)).contains(finalSchema);
    }

    // ---- atomicity

    @Test
    void abortLeavesTheDestinationExactlyAsItWas() {
        TableUri uri = table("aborted");
        existing(uri, baseSchema(), List.of(row("old.1", "A")));

        StagedWrite write = sink.begin(uri, WritePlan.OVERWRITE);
        write.write(grownSchema(), List.of(grownRow("new.1")));
        write.abort();
        write.abort();

        assertThat(readAll(uri)).containsExactly(row("old.1", "A"));
        assertThat(sink.schema(uri)).contains(baseSchema());
        assertThatThrownBy(() -> write.commit(grownSchema())).isInstanceOf(DicombqException.class);
    }

    @Test
    void aFailureMidwayThenAbortLeavesTheDestinationUnchanged() {
        TableUri uri = table("failed");
        existing(uri, baseSchema(), List.of(row("old.1", "A"), row("old.2", "B")));
        Row broken = Row.of(Map.of("SOPInstanceUID", "bad", "Rows", "not a number"));

        try (StagedWrite write = sink.begin(uri, WritePlan.TRUNCATE_THEN_WRITE)) {
            write.write(baseSchema(), List.of(row("new.1", "C")));
            assertThatThrownBy(() -> write.write(baseSchema(), List.of(row("new.2", "D"), broken)))
                    .isInstanceOf(DicombqException.class);
            write.abort();
        }

        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("old.1", "A"), row("old.2", "B"));
        assertThat(sink.state(uri)).isEqualTo(TableState.HAS_ROWS);
    }

    @Test
    void closingWithoutCommitDiscardsTheStagedRows() {
        TableUri uri = table("unclosed");
        try (StagedWrite write = sink.begin(uri, WritePlan.CREATE)) {
            write.write(baseSchema(), List.of(row("1.1", "A")));
        }

        assertThat(sink.state(uri)).isEqualTo(TableState.ABSENT);
    }

    // ---- staging grows with the schema

    @Test
    void theSchemaMayGrowWhileRowsAreStaged() {
        TableUri uri = table("growing");
        try (StagedWrite write = sink.begin(uri, WritePlan.CREATE)) {
            write.write(baseSchema(), List.of(row("1.1", "A")));
            write.write(grownSchema(), List.of(grownRow("1.2")));
            write.write(grownSchema(), List.of(row("1.3", "C")));
            write.commit(grownSchema());
        }

        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("1.1", "A"), grownRow("1.2"), row("1.3", "C"));
        assertThat(sink.schema(uri)).contains(grownSchema());
    }

    @Test
    void columnsAddedBetweenStagedOnesEndInTheirPlaceAtEveryLevel() {
        TableUri uri = table("growing_inside");
        List<Column> columns = new ArrayList<>(baseSchema().columns());
        columns.add(1, Column.of("Modality", ColumnType.STRING, Mode.NULLABLE));
        List<Column> codeFields = new ArrayList<>(CODES.fields());
        codeFields.add(0, Column.of("CodingSchemeDesignator", ColumnType.STRING, Mode.NULLABLE));
        columns.set(columns.indexOf(CODES), Column.record(CODES.name(), Mode.REPEATED, codeFields));
        TableSchema inside = new TableSchema(columns);
        Map<String, Object> values = new LinkedHashMap<>(row("1.2", "B").values());
        values.put("Modality", "MR");
        values.put("ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", "B", "CodingSchemeDesignator", "DCM"))));
        Row insideRow = Row.of(values);

        try (StagedWrite write = sink.begin(uri, WritePlan.CREATE)) {
            write.write(baseSchema(), List.of(row("1.1", "A")));
            write.write(inside, List.of(insideRow));
            write.write(inside, List.of(row("1.3", "C")));
            write.commit(inside);
        }

        assertThat(sink.schema(uri)).contains(inside);
        assertThat(readAll(uri)).containsExactlyInAnyOrder(row("1.1", "A"), insideRow, row("1.3", "C"));
    }

    @Test
    void nestedAndRepeatedValuesRoundTrip() {
        TableUri uri = table("nested");
        Map<String, Object> many = new LinkedHashMap<>(row("1.1", "A").values());
        many.put("ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", "A")), Row.of(Map.of("CodeMeaning", "only meaning")),
                Row.of(Map.of("CodeValue", "C", "CodeMeaning", "Ç with ünïcode"))));
        many.put("ImageType", List.of("DERIVED"));
        many.remove("PatientName");
        Row sparse = Row.of(Map.of("SOPInstanceUID", "1.2", "ImageType", List.of(), "ProcedureCodeSequence", List.of()));

        existing(uri, baseSchema(), List.of(Row.of(many), sparse));

        assertThat(readAll(uri)).containsExactlyInAnyOrder(Row.of(many), sparse);
    }
}
