package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportDestinationRulesTest {

    private static final TableUri TABLE = TableUri.parse("bq://my-project.dicom.instances");

    /**
     * specification 1.2 written out cell by cell, one line per request (force × writeDisposition) and one column per
     * table state. A cell is the WritePlan the export proceeds with, or the google.rpc code it is refused with.
     */
    private static final String EXPECTED = """
            force   disposition                     ABSENT               EMPTY                HAS_ROWS
            absent  absent                          CREATE               ALREADY_EXISTS       ALREADY_EXISTS
            absent  WRITE_DISPOSITION_UNSPECIFIED   CREATE               ALREADY_EXISTS       ALREADY_EXISTS
            absent  WRITE_EMPTY                     CREATE               WRITE_INTO_EMPTY     FAILED_PRECONDITION
            absent  WRITE_TRUNCATE                  CREATE               TRUNCATE_THEN_WRITE  TRUNCATE_THEN_WRITE
            absent  WRITE_APPEND                    APPEND               APPEND               APPEND
            false   absent                          CREATE               ALREADY_EXISTS       ALREADY_EXISTS
            false   WRITE_DISPOSITION_UNSPECIFIED   CREATE               ALREADY_EXISTS       ALREADY_EXISTS
            false   WRITE_EMPTY                     CREATE               WRITE_INTO_EMPTY     FAILED_PRECONDITION
            false   WRITE_TRUNCATE                  CREATE               TRUNCATE_THEN_WRITE  TRUNCATE_THEN_WRITE
            false   WRITE_APPEND                    APPEND               APPEND               APPEND
            true    absent                          CREATE               OVERWRITE            OVERWRITE
            true    WRITE_DISPOSITION_UNSPECIFIED   CREATE               OVERWRITE            OVERWRITE
            true    WRITE_EMPTY                     CREATE               WRITE_INTO_EMPTY     FAILED_PRECONDITION
            true    WRITE_TRUNCATE                  CREATE               TRUNCATE_THEN_WRITE  TRUNCATE_THEN_WRITE
            true    WRITE_APPEND                    APPEND               APPEND               APPEND
            """;

    private record Cell(Boolean force, WriteDisposition disposition, TableState state) {
    }

    private static Map<Cell, String> expectedCells() {
        List<String> lines = EXPECTED.lines().toList();
        List<TableState> states = Arrays.stream(lines.get(0).trim().split("\\s+")).skip(2).map(TableState::valueOf).toList();
        Map<Cell, String> cells = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            Boolean force = fields[0].equals("absent") ? null : Boolean.valueOf(fields[0]);
            WriteDisposition disposition = fields[1].equals("absent") ? null : WriteDisposition.valueOf(fields[1]);
            for (int i = 0; i < states.size(); i++) {
                String previous = cells.put(new Cell(force, disposition, states.get(i)), fields[2 + i]);
                assertThat(previous).as("cell written twice: %s", line).isNull();
            }
        }
        return cells;
    }

    private static List<Cell> everyCombination() {
        List<Cell> cells = new ArrayList<>();
        List<WriteDisposition> dispositions = new ArrayList<>(Arrays.asList(WriteDisposition.values()));
        dispositions.add(0, null);
        for (Boolean force : Arrays.asList(null, Boolean.TRUE, Boolean.FALSE)) {
            for (WriteDisposition disposition : dispositions) {
                for (TableState state : TableState.values()) {
                    cells.add(new Cell(force, disposition, state));
                }
            }
        }
        return cells;
    }

    @Test
    void everyOneOfTheFortyFiveCombinationsMatchesBehaviourOnePointTwo() {
        Map<Cell, String> expected = expectedCells();
        List<Cell> combinations = everyCombination();
        assertThat(combinations).hasSize(45);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(combinations);

        for (Cell cell : combinations) {
            DestinationDecision decision = ExportDestinationRules.decide(TABLE,
                    DestinationOptions.of(cell.force(), cell.disposition()), cell.state());
            String actual = decision instanceof DestinationDecision.Proceed proceed
                    ? proceed.plan().name()
                    : ((DestinationDecision.Refuse) decision).error().code().name();
            assertThat(actual).as("force=%s, writeDisposition=%s, table %s", cell.force(), cell.disposition(),
                    cell.state()).isEqualTo(expected.get(cell));
        }
    }

    @Test
    void forceIsIgnoredExactlyWhenADispositionIsSetAndTheCliIsToldSo() {
        for (Cell cell : everyCombination()) {
            DestinationOptions options = DestinationOptions.of(cell.force(), cell.disposition());
            boolean expected = Boolean.TRUE.equals(cell.force()) && cell.disposition() != null
                    && cell.disposition() != WriteDisposition.WRITE_DISPOSITION_UNSPECIFIED;
            assertThat(options.forceIgnored()).as("force=%s, writeDisposition=%s", cell.force(), cell.disposition())
                    .isEqualTo(expected);
            assertThat(ExportDestinationRules.ignoredForceWarning(options).isPresent()).isEqualTo(expected);
        }
        assertThat(ExportDestinationRules.ignoredForceWarning(DestinationOptions.of(true, WriteDisposition.WRITE_APPEND)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("--overwrite-table")
                        .contains("ignored").contains("--write-disposition=write-append").doesNotContain("\n"));
    }

    @Test
    void refusalsSayWhatIsWrongAndWhatToDo() {
        var exists = (DestinationDecision.Refuse) ExportDestinationRules.decide(TABLE, DestinationOptions.none(),
                TableState.EMPTY);
        assertThat(exists.error().code()).isEqualTo(Code.ALREADY_EXISTS);
        assertThat(exists.error().message()).contains("bq://my-project.dicom.instances already exists")
                .contains("--overwrite-table").contains("--write-disposition");

        var notEmpty = (DestinationDecision.Refuse) ExportDestinationRules.decide(TABLE,
                DestinationOptions.of(null, WriteDisposition.WRITE_EMPTY), TableState.HAS_ROWS);
        assertThat(notEmpty.error().code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(notEmpty.error().message()).contains("table is not empty").contains(TABLE.toString())
                .contains("WRITE_TRUNCATE").contains("WRITE_APPEND");
    }

    @Test
    void schemaIsReplacedOnlyByCreateOverwriteAndTruncate() {
        assertThat(Arrays.stream(WritePlan.values()).filter(WritePlan::replacesSchema))
                .containsExactlyInAnyOrder(WritePlan.CREATE, WritePlan.OVERWRITE, WritePlan.TRUNCATE_THEN_WRITE);
    }
}
