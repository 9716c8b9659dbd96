package io.dicombq.adapter.in.cli;

import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseOptionsTest {

    @Test
    void theDataDirectoryIsTheOptionElseDicombqHomeElseDotDicombq() {
        WarehouseOptions options = new WarehouseOptions();
        options.environment(Map.of());
        assertThat(options.dataDirectory()).isEqualTo(Path.of(".dicombq"));

        options.environment(Map.of("DICOMBQ_HOME", "/srv/dicombq"));
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/srv/dicombq"));

        options.dataDir = Path.of("/tmp/elsewhere");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    @Test
    void anEmptyDataDirectoryOptionIsRefusedRatherThanMeaningTheCurrentFolder() {
        WarehouseOptions options = new WarehouseOptions();
        options.dataDir = Path.of("");

        assertThatThrownBy(options::dataDirectory).isInstanceOf(DicombqException.class).hasMessageContaining("--data-dir is empty");
    }

    @Test
    void theOptionWorksBeforeOrAfterTheSubcommand() {
        picocli.CommandLine beforeLine = DicombqCommand.newCommandLine();
        beforeLine.parseArgs("--data-dir=/a", "operations", "list");
        DicombqCommand before = beforeLine.getCommand();
        picocli.CommandLine afterLine = DicombqCommand.newCommandLine("operations", "list", "--data-dir=/b");
        afterLine.parseArgs("operations", "list", "--data-dir=/b");
        DicombqCommand after = afterLine.getCommand();

        assertThat(before.warehouse.dataDirectory()).isEqualTo(Path.of("/a"));
        assertThat(after.warehouse.dataDirectory()).isEqualTo(Path.of("/b"));
    }
}
