package io.dicombq.adapter.in.cli.wiring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerJvmOptionsTest {
    @Test
    void aWorkerKeepsHeapTuningAndPropertiesButNotTheLaunchersArchivesRecordingsOrDebugger() {
        List<String> launcher = List.of("-Xmx1g", "-XX:FreqInlineSize=150", "-XX:MaxInlineLevel=6",
                "-XX:SharedArchiveFile=/x/dicom-stores.jsa", "-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=/x/a.jsa.12",
                "-XX:StartFlightRecording=filename=/tmp/e.jfr", "-agentlib:jdwp=transport=dt_socket,address=5005",
                "-Djava.io.tmpdir=/scratch", "-Xss4m", "-Xms64m", "-XX:+UseParallelGC");

        assertThat(WorkerJvmOptions.inherited(launcher)).containsExactly("-Xmx1g", "-XX:FreqInlineSize=150",
                "-XX:MaxInlineLevel=6", "-Djava.io.tmpdir=/scratch", "-Xss4m", "-Xms64m", "-XX:+UseParallelGC");
    }
}
