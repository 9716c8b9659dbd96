package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's story on the whole pydicom test corpus, through the CLI: export a registered store, find a patient's
 * instances by DICOMweb path, list the latest studies, make a filter file with the legacy query, and export only
 * those instances with WRITE_APPEND.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryEndToEndTest {
    private static final String TABLE = "seed-project.imaging.dicom_metadata";

    @TempDir
    static Path temp;
    private static Cli cli;
    private static JsonNode export;

    @BeforeAll
    static void exportTheCorpus() {
        cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "seed-project.imaging");
        cli.ok("dicom-stores", "create", "corpus", "--project=seed-project", "--location=us-central1", "--dataset=hc",
                "--source=" + Corpus.TEST_FILES);
        export = cli.export("corpus", "--project=seed-project", "--location=us-central1", "--dataset=hc",
                "--bq-table=bq://" + TABLE);
    }

    @Test
    @Order(1)
    void exportsEveryReadableCorpusInstanceAndCountsTheRest() throws IOException {
        assertThat(export.get("done").asBoolean()).isTrue();
        assertThat(export.has("response")).isTrue();
        long success = export.get("metadata").get("counter").get("success").asLong();
        long failure = export.get("metadata").get("counter").get("failure").asLong();
        long files;
        try (var walk = Files.walk(Corpus.TEST_FILES)) {
            // The folder store does not list files named DICOMDIR (file-set indexes, PS3.10 8.6).
            files = walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("DICOMDIR")).count();
        }
        // Every file is either a row or a failure (README, .dump, DICOMDIR, truncated files): nothing is lost.
        assertThat(success + failure).isEqualTo(files);
        assertThat(success).isGreaterThan(100);
        assertThat(cli.rows(TABLE)).isEqualTo(success);
    }

    @Test
    @Order(2)
    void findsAPatientsInstancesByDicomWebPath() {
        JsonNode rows = Cli.parse(cli.ok("query", "#standardSQL\nSELECT CONCAT('/dicomWeb/studies/', StudyInstanceUID, '/series/',"
                + " SeriesInstanceUID, '/instances/', SOPInstanceUID) as DICOMwebPath\nFROM `" + TABLE + "` WHERE PatientID = '4MR1';"));

        // pydicom's MR_small.dcm and its transfer-syntax variants belong to patient 4MR1 and share their UIDs.
        assertThat(rows).hasSize(patientInstances());
        assertThat(rows.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode row : rows) {
            assertThat(row.get("DICOMwebPath").asText()).isEqualTo("/dicomWeb/studies/1.3.6.1.4.1.5962.1.2.4.20040826185059.5457"
                    + "/series/1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457/instances/1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457");
        }
    }

    @Test
    @Order(3)
    void listsTheLatestStudiesNewestFirstWithIntegerCountsAsStrings() {
        JsonNode rows = Cli.parse(cli.ok("query", "#standardSQL\nSELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime,"
                + " MIN(PatientID) as PatientID,\n       StudyInstanceUID, COUNT(*) as InstanceCount\nFROM `" + TABLE
                + "` AS dicom\nGROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 10;"));

        assertThat(rows).hasSize(10);
        assertThat(rows.get(0).get("StudyDateTime").asText()).isEqualTo("2020-09-13 16:19:00");
        assertThat(rows.get(0).get("InstanceCount").isTextual()).isTrue();
        List<String> times = new ArrayList<>();
        rows.forEach(row -> times.add(row.get("StudyDateTime").isNull() ? "" : row.get("StudyDateTime").asText()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    @Order(4)
    void theLegacyQueryMakesAFilterFileForAFilteredAppendExport() throws IOException {
        // specification 6: the legacy query's output, saved as it is printed, is the filter file.
        String csv = cli.ok("query", "--format=csv[no-heading]", "SELECT CONCAT ('/studies/', StudyInstanceUID, '/series/',"
                + " SeriesInstanceUID, '/instances/', SOPInstanceUID)\nFROM [seed-project:imaging.dicom_metadata] WHERE PatientID = '4MR1'");
        List<String> lines = csv.lines().toList();
        int instances = patientInstances();
        assertThat(lines).hasSize(instances).allMatch(line -> line.startsWith("/studies/1.3.6.1.4.1.5962.1.2.4.20040826185059.5457/series/"));
        Path filter = Files.writeString(temp.resolve("filter.txt"), csv);
        String selected = "seed-project.imaging.selected";
        cli.export("corpus", "--project=seed-project", "--location=us-central1", "--dataset=hc", "--bq-table=bq://" + selected,
                "--filter-config=" + filter.toUri());

        JsonNode appended = cli.export("corpus", "--project=seed-project", "--location=us-central1", "--dataset=hc",
                "--bq-table=bq://" + selected, "--filter-config-gcs-uri=" + filter, "--write-disposition=WRITE_APPEND");

        assertThat(appended.has("response")).as(appended.toString()).isTrue();
        assertThat(appended.get("metadata").get("counter").get("success").asInt()).isEqualTo(instances);
        assertThat(cli.rows(selected)).isEqualTo(2L * instances);
        JsonNode patients = Cli.parse(cli.ok("query", "SELECT DISTINCT PatientID FROM `" + selected + "`"));
        assertThat(patients).hasSize(1);
        assertThat(patients.get(0).get("PatientID").asText()).isEqualTo("4MR1");
    }

    /** How many exported rows belong to patient 4MR1 (the MR_small family), counted by the engine. */
    private static int patientInstances() {
        return Cli.parse(cli.ok("query", "SELECT COUNT(*) AS n FROM `" + TABLE + "` WHERE PatientID = '4MR1'")).get(0).get("n").asInt();
    }

    @Test
    @Order(5)
    void queryReadsSqlFromStandardInputWithADash() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("SELECT COUNT(*) AS n FROM `" + TABLE + "` WHERE Modality = 'MR'")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String out = cli.ok("query", "--format=csv", "-");
            assertThat(out.lines().toList()).first().isEqualTo("n");
            assertThat(Long.parseLong(out.lines().skip(1).findFirst().orElseThrow())).isPositive();
        } finally {
            System.setIn(saved);
        }
    }
}
