package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of specification 1.2 through the CLI against a real store of three corpus instances: the destination
 * table is prepared absent, existing and empty, or existing with rows, then exported into with each option.
 */
class DestinationMatrixEndToEndTest {
    private static final String DATASET = "matrix-project.exports";
    private static final int STORE_SIZE = 3;

    @TempDir
    static Path temp;
    private static Cli cli;
    private static Path store;
    private static Path selectsNothing;

    @BeforeAll
    static void storeAndDataset() throws IOException {
        cli = new Cli(temp.resolve("data"));
        store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm", "rtplan.dcm");
        selectsNothing = Files.writeString(temp.resolve("nothing.txt"), "/studies/1.2.3.4.5.6.7.8.9\n");
        cli.ok("datasets", "create", DATASET);
    }

    /** Options × state → the operation's outcome and the table's rows afterwards (specification 1.2, cell by cell). */
    @ParameterizedTest(name = "{0} on a table {1} -> {2}, {3} rows")
    @CsvSource({
            // options,        state,    outcome,             rows after
            "none,             absent,   OK,                  3",
            "none,             empty,    ALREADY_EXISTS,      0",
            "none,             has-rows, ALREADY_EXISTS,      3",
            "force-false,      has-rows, ALREADY_EXISTS,      3",
            "overwrite,        absent,   OK,                  3",
            "overwrite,        empty,    OK,                  3",
            "overwrite,        has-rows, OK,                  3",
            "write-empty,      absent,   OK,                  3",
            "write-empty,      empty,    OK,                  3",
            "write-empty,      has-rows, FAILED_PRECONDITION, 3",
            "write-truncate,   absent,   OK,                  3",
            "write-truncate,   empty,    OK,                  3",
            "write-truncate,   has-rows, OK,                  3",
            "write-append,     absent,   OK,                  3",
            "write-append,     empty,    OK,                  3",
            "write-append,     has-rows, OK,                  6",
    })
    void exportsFollowTheDispositionMatrix(String options, String state, String outcome, long rowsAfter) {
        String table = DATASET + "." + options.replace('-', '_') + "_" + state.replace('-', '_');
        prepare(table, state);

        JsonNode operation = cli.export(exportArguments(table, options));

        assertThat(operation.get("done").asBoolean()).isTrue();
        if (outcome.equals("OK")) {
            assertThat(operation.has("error")).as(operation.toString()).isFalse();
            assertThat(operation.get("metadata").get("counter").get("success").asText()).isEqualTo(String.valueOf(STORE_SIZE));
        } else {
            assertThat(operation.get("error").get("code").asInt()).as(operation.toString())
                    .isEqualTo(io.dicombq.domain.status.Code.valueOf(outcome).number());
            assertThat(operation.has("response")).isFalse();
        }
        assertThat(cli.rows(table)).isEqualTo(rowsAfter);
    }

    @Test
    void forceTogetherWithADispositionIsIgnoredWithAOneLineWarning() {
        String table = DATASET + ".force_ignored";
        prepare(table, "has-rows");

        Cli.Result appended = cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://" + table,
                "--overwrite-table", "--write-disposition=write-append");

        // specification 1.1: the disposition decides (append, not overwrite), and the CLI says force was ignored
        assertThat(appended.exit()).as(appended.err()).isZero();
        assertThat(appended.err().strip()).startsWith("WARNING: --overwrite-table (force) is ignored")
                .contains("write-append").doesNotContain("\n");
        assertThat(cli.rows(table)).isEqualTo(2L * STORE_SIZE);
    }

    @Test
    void aFailedExportExitsNonZeroWithTheOperationsErrorOnOneLine() {
        String table = DATASET + ".exit_code";
        prepare(table, "has-rows");

        Cli.Result failed = cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://" + table);

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("Export failed").contains("/operations/");
        assertThat(failed.err().strip()).startsWith("ERROR: ALREADY_EXISTS: ").doesNotContain("\n");
    }

    private static String[] exportArguments(String table, String options) {
        String source = store.toString();
        String destination = "--bq-table=bq://" + table;
        return switch (options) {
            case "none" -> new String[] {source, destination};
            // --overwrite-table absent is force unset; force: false can only be said in the REST API, where it is the same.
            case "force-false" -> new String[] {source, destination};
            case "overwrite" -> new String[] {source, destination, "--overwrite-table"};
            default -> new String[] {source, destination, "--write-disposition=" + options};
        };
    }

    private static void prepare(String table, String state) {
        switch (state) {
            case "absent" -> assertThat(cli.tableExists(DATASET, table.substring(DATASET.length() + 1))).isFalse();
            case "empty" -> {
                cli.export(store.toString(), "--bq-table=bq://" + table, "--filter-config=" + selectsNothing);
                assertThat(cli.rows(table)).isZero();
            }
            case "has-rows" -> {
                cli.export(store.toString(), "--bq-table=bq://" + table);
                assertThat(cli.rows(table)).isEqualTo(STORE_SIZE);
            }
            default -> throw new IllegalArgumentException(state);
        }
    }
}
