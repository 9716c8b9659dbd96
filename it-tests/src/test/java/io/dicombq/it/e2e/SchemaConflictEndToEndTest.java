package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.in.cli.wiring.LocalFilterFiles;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.operation.H2DatasetGrants;
import io.dicombq.adapter.out.h2.operation.H2DicomStoreRegistry;
import io.dicombq.adapter.out.h2.operation.H2OperationRepository;
import io.dicombq.adapter.out.h2.operation.JsonLinesOperationLog;
import io.dicombq.adapter.out.h2.operation.OperationDatabase;
import io.dicombq.adapter.out.h2.operation.ProcessWorkers;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.service.ExportDicomMetadataService;
import io.dicombq.application.service.RunExportService;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/schema.md's rule for instances that disagree on a column (an INTEGER and a STRING make STRING, a RECORD and
 * text make the RECORD) must hold when the disagreeing instances land in different staged batches: rows staged
 * before the conflict was seen no longer fit the merged schema. Batches of one instance make that certain, with two
 * files written by pydicom whose two unknown tags disagree in both directions, so whichever file is read first, a
 * later batch changes a column the first batch used.
 */
class SchemaConflictEndToEndTest {
    private static final String GENERATOR = String.join("\n",
            "import sys",
            "from pydicom.dataset import Dataset, FileMetaDataset",
            "from pydicom.uid import ExplicitVRLittleEndian",
            "from pydicom.datadict import dictionary_has_tag",
            "X, Y = 0x00180FF0, 0x00180FF2",
            "assert not dictionary_has_tag(X) and not dictionary_has_tag(Y)",
            "def write(path, uid, number):",
            "    ds = Dataset()",
            "    ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.7'",
            "    ds.SOPInstanceUID = '1.2.3.4.5.' + uid",
            "    ds.StudyInstanceUID = '1.2.3.4'",
            "    ds.SeriesInstanceUID = '1.2.3.4.5'",
            "    if number:",
            "        ds.add_new(X, 'US', 7)",
            "        item = Dataset()",
            "        item.CodeMeaning = 'inner'",
            "        ds.add_new(Y, 'SQ', [item])",
            "    else:",
            "        ds.add_new(X, 'LO', 'text')",
            "        ds.add_new(Y, 'LO', 'flat')",
            "    meta = FileMetaDataset()",
            "    meta.MediaStorageSOPClassUID = ds.SOPClassUID",
            "    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID",
            "    meta.TransferSyntaxUID = ExplicitVRLittleEndian",
            "    ds.file_meta = meta",
            "    ds.is_little_endian = True",
            "    ds.is_implicit_VR = False",
            "    ds.save_as(path, write_like_original=False)",
            "write(sys.argv[1] + '/number-and-sequence.dcm', '1', True)",
            "write(sys.argv[1] + '/text-and-text.dcm', '2', False)");

    @TempDir
    Path temp;

    @Test
    void instancesThatDisagreeInDifferentBatchesFollowTheMergeRule() throws Exception {
        Path store = Files.createDirectories(temp.resolve("store"));
        generate(store);
        Path dataDir = temp.resolve("data");
        Cli cli = new Cli(dataDir);
        cli.ok("datasets", "create", "my-project.exports");

        Operation started;
        try (OperationDatabase database = OperationDatabase.open(dataDir);
             H2Warehouse warehouse = H2Warehouse.open(dataDir)) {
            H2OperationRepository operations = new H2OperationRepository(database);
            JsonLinesOperationLog log = new JsonLinesOperationLog(dataDir);
            ProcessWorkers workers = new ProcessWorkers();
            Clock clock = Clock.systemUTC();
            AtomicInteger ids = new AtomicInteger(1000);
            ExportDicomMetadataService export = new ExportDicomMetadataService(new H2DicomStoreRegistry(database),
                    new LocalDicomStoreSources(), warehouse.tableSink(), new LocalFilterFiles(), operations, log,
                    () -> Integer.toString(ids.incrementAndGet()), workers, name -> { }, clock);
            started = export.export(new ExportRequest(
                    new ExportRequest.AdHocStore(DicomStoreName.parse(
                            "projects/my-project/locations/local/datasets/default/dicomStores/conflict"), store.toString()),
                    "bq://my-project.exports.conflict", DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()));
            // one instance per batch and one worker: the second file's batch always meets the first file's staged row
            new RunExportService(operations, new LocalDicomStoreSources(), warehouse.tableSink(), new LocalFilterFiles(),
                    new H2DatasetGrants(database), log, workers, clock, 1, 1).run(started.name());
        }

        JsonNode operation = cli.json("operations", "describe", started.name().toString(), "--format=json");
        assertThat(operation.has("response")).as(operation.toString()).isTrue();
        assertThat(operation.get("metadata").get("counter").get("success").asText()).isEqualTo("2");

        JsonNode fields = cli.json("tables", "describe", "my-project.exports.conflict", "--format=json")
                .get("schema").get("fields");
        assertThat(field(fields, "Tag_00180FF0").get("type").asText()).isEqualTo("STRING");
        assertThat(field(fields, "Tag_00180FF0").get("mode").asText()).isEqualTo("REPEATED");
        assertThat(field(fields, "Tag_00180FF2").get("type").asText()).isEqualTo("RECORD");

        String table = " FROM `my-project.exports.conflict`";
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, v" + table + ", UNNEST(Tag_00180FF0) AS v ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=7", "1.2.3.4.5.2=text");
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, ARRAY_LENGTH(Tag_00180FF2) AS v" + table + " ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=1", "1.2.3.4.5.2=0");
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, v" + table + ", UNNEST(DroppedTags) AS v ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=FileMetaInformationVersion", "1.2.3.4.5.2=FileMetaInformationVersion",
                        "1.2.3.4.5.2=Tag_00180FF2");
    }

    private static java.util.List<String> pairs(JsonNode rows) {
        java.util.List<String> pairs = new java.util.ArrayList<>();
        rows.forEach(row -> pairs.add(row.get("uid").asText() + "=" + row.get("v").asText()));
        return pairs;
    }

    private static JsonNode field(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no column " + name + " in " + fields);
    }

    private static void generate(Path folder) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", GENERATOR, folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as("pydicom generator (install python3-pydicom): " + output).isZero();
    }
}
