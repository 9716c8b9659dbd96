package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchExportCommandTest {

    @Test
    void aReusedWorkDirGetsAFreshWarehouse(@TempDir Path work) {
        String first = run(work);
        String second = run(work);

        assertThat(first).contains("exported 12 instances (0 failed)");
        assertThat(second).contains("exported 12 instances (0 failed)").doesNotContain("ALREADY_EXISTS");
    }

    private static String run(Path work) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = DicombqCommand.newCommandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute("bench", "export", "--instances", "12", "--work-dir", work.toString());
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }
}
