package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchMapCommandTest {

    @Test
    void clonesGetTheirOwnUidsAndKeepEverythingElse() {
        DicomInstance original = new Part10Reader().read(BenchMapCommand.CT_SMALL);
        List<DicomInstance> clones = BenchMapCommand.clones(original, 3);

        assertThat(clones).extracting(DicomInstance::sopInstanceUid).doesNotHaveDuplicates()
                .doesNotContain(original.sopInstanceUid());
        assertThat(clones).extracting(DicomInstance::studyInstanceUid).doesNotHaveDuplicates();
        assertThat(clones.get(0).fileMeta().text(new Tag(0x00020003))).isEqualTo(clones.get(0).sopInstanceUid());
        assertThat(clones.get(1).dataset().size()).isEqualTo(original.dataset().size());
        assertThat(clones.get(1).dataset().get(new Tag(0x00100010))).isEqualTo(original.dataset().get(new Tag(0x00100010)));
    }

    @Test
    void printsTheMedianOfTheMeasuredRounds() {
        StringWriter out = new StringWriter();
        CommandLine command = DicombqCommand.newCommandLine();
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "map", "--instances", "20", "--warmup", "0", "--rounds", "1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("round 1: 20 instances").containsPattern("median: [0-9.]+ ms CPU for 20 instances");
    }
}
