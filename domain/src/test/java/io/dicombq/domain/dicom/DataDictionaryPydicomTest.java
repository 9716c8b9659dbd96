package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares our dictionary with pydicom's, the source it is generated from (CORPUS.md: Debian's python3-pydicom
 * under /usr/bin/python3). Skipped, saying why, only when that interpreter cannot import pydicom.
 */
class DataDictionaryPydicomTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String DUMP = String.join("\n",
            "import sys, pydicom",
            "from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary",
            "out = sys.stdout",
            "out.write('version\\t%s\\t%d\\t%d\\n' % (pydicom.__version__, len(DicomDictionary), len(RepeatersDictionary)))",
            "rows = [('%08X' % t, e) for t, e in DicomDictionary.items()] + list(RepeatersDictionary.items())",
            "for tag, (vr, vm, name, retired, keyword) in rows:",
            "    out.write('\\t'.join([tag, vr, vm, keyword, 'R' if retired else '-', name]) + '\\n')");

    private static String version;
    private static int exactCount;
    private static int repeaterCount;
    private static List<String[]> pydicomEntries;

    @BeforeAll
    static void dumpPydicomDictionary() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " does not exist;"
                + " install Debian's python3-pydicom (scripts/install-test-deps) to compare with pydicom");
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", DUMP).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(process.exitValue() == 0, () -> "skipped: " + PYTHON + " cannot import pydicom ("
                + String.join(" ", lines.subList(Math.max(0, lines.size() - 1), lines.size()))
                + "); install Debian's python3-pydicom (scripts/install-test-deps) to compare with pydicom");
        String[] header = lines.get(0).split("\t");
        version = header[1];
        exactCount = Integer.parseInt(header[2]);
        repeaterCount = Integer.parseInt(header[3]);
        pydicomEntries = lines.subList(1, lines.size()).stream().map(line -> line.split("\t", -1)).toList();
    }

    @Test
    void hasEveryEntryOfPydicom23() {
        assertThat(version).as("CORPUS.md names pydicom 2.3 as the oracle").startsWith("2.3.");
        assertThat(DataDictionary.standard().size()).isEqualTo(exactCount + repeaterCount).isEqualTo(pydicomEntries.size());
    }

    @Test
    void everyEntryMatchesPydicomFieldByField() {
        DataDictionary dictionary = DataDictionary.standard();
        int compared = 0;
        for (String[] theirs : pydicomEntries) {
            String pattern = theirs[0];
            // a repeating-group pattern such as 60xx3000 is checked at two concrete tags of the group (not x = 0:
            // (0028,0400..0403) are elements of their own that the masks 002804x0..x3 would otherwise name)
            for (String digit : pattern.contains("x") ? List.of("2", "E") : List.of("0")) {
                Tag tag = Tag.parse(pattern.replace("x", digit));
                DictionaryEntry ours = dictionary.lookup(tag);
                assertThat(ours).as("pydicom entry %s", pattern).isNotNull();
                List<Vr> expectedVrs = theirs[1].equals("NONE") ? List.of()
                        : Arrays.stream(theirs[1].split(" or ")).map(Vr::parse).toList();
                assertThat(ours.vrs()).as("VRs of %s", pattern).isEqualTo(expectedVrs);
                assertThat(ours.vm()).as("VM of %s", pattern).isEqualTo(theirs[2]);
                assertThat(ours.keyword()).as("keyword of %s", pattern).isEqualTo(theirs[3]);
                assertThat(ours.retired()).as("retired flag of %s", pattern).isEqualTo(theirs[4].equals("R"));
                assertThat(ours.name()).as("name of %s", pattern).isEqualTo(theirs[5]);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }
}
