package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.Warehouse;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --warehouse, --bigquery-endpoint and --bigquery-project: parsing, validation, and what a worker inherits. */
class WarehouseChoiceTest {
    @TempDir
    Path dataDir;

    private static WarehouseOptions parse(String... args) {
        CommandLine commandLine = DicombqCommand.newCommandLine();
        commandLine.parseArgs(args);
        return ((DicombqCommand) commandLine.getCommand()).warehouse;
    }

    @Test
    void theBigQueryOptionsWorkInAnyPositionAndAWorkerGetsThemAll() {
        WarehouseOptions options = parse("query", "--warehouse=BigQuery", "SELECT 1",
                "--bigquery-endpoint=http://127.0.0.1:9050", "--bigquery-project=bill-project");

        assertThat(options.workerArguments()).containsExactly("--warehouse=bigquery",
                "--bigquery-endpoint=http://127.0.0.1:9050", "--bigquery-project=bill-project");
    }

    @Test
    void theEmbeddedWarehouseNeedsNoWorkerArguments() {
        assertThat(parse("query", "SELECT 1").workerArguments()).isEmpty();
    }

    @Test
    void bigQueryOptionsWithoutBigQueryAreRefused() {
        WarehouseOptions options = parse("--bigquery-endpoint=http://127.0.0.1:9050", "query", "SELECT 1");

        assertThatThrownBy(() -> options.openWarehouse(dataDir)).isInstanceOfSatisfying(DicombqException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("--warehouse=bigquery");
        });
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRefused() {
        WarehouseOptions options = parse("--warehouse=bigquery", "--bigquery-endpoint=localhost:9050", "query", "SELECT 1");

        assertThatThrownBy(() -> options.openWarehouse(dataDir)).isInstanceOfSatisfying(DicombqException.class,
                e -> assertThat(e.getMessage()).contains("not an http(s) URL"));
    }

    @Test
    void theBigQueryWarehouseNamesItsEndpoint() throws Exception {
        try (Warehouse warehouse = parse("--warehouse=bigquery", "--bigquery-endpoint=http://127.0.0.1:9050", "query",
                "SELECT 1").openWarehouse(dataDir)) {
            assertThat(warehouse.description()).isEqualTo("BigQuery-compatible endpoint http://127.0.0.1:9050");
            assertThat(dataDir.resolve("bigquery-spool")).isDirectory();
        }
    }
}
