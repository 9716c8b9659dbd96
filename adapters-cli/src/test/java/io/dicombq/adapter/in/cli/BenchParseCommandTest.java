package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dicombq bench parse} reports one line per measured round and a median over the files it found. */
class BenchParseCommandTest {

    @Test
    void readsEveryFileOfTheTreeAndReportsRoundsAndMedian() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = DicombqCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        int code = commandLine.execute("bench", "parse", "--warmup", "0", "--rounds", "2", "--round-seconds", "0",
                "/usr/lib/python3/dist-packages/pydicom/data/charset_files");
        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString()).containsPattern("round 1: \\d+ files/s").containsPattern("round 2: \\d+ files/s")
                .containsPattern("median: \\d+ files/s, [0-9.]+ MB/s \\(18 files, [0-9.]+ MB, 1 unreadable, 1 thread\\)");
    }

    @Test
    void aMissingPathIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = DicombqCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("bench", "parse", "/nonexistent")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory: /nonexistent");
    }
}
