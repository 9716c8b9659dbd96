package io.dicombq.it.dicomweb;

import io.dicombq.adapter.out.dicom.folder.FolderDicomStore;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.testing.OrthancServer;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.adapter.out.dicom.web.DicomWebEndpoint;
import io.dicombq.adapter.out.dicom.web.DicomWebStore;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.it.http.InProcessDicombq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pydicom corpus uploaded to a real Orthanc: every instance the DICOMweb store reads back equals what the
 * folder store reads from the file Orthanc kept, apart from Orthanc's documented behaviours (docs/dicomweb.md).
 */
class FolderVersusDicomWebParityTest {
    private static OrthancServer orthanc;
    /** The folder store's reading of each file Orthanc kept, by the identity Orthanc gives an instance. */
    private static final Map<String, DicomInstance> keptByIdentity = new LinkedHashMap<>();
    private static final Set<String> transferSyntaxes = new TreeSet<>();
    private static final List<String> excluded = new ArrayList<>();
    /** 8: Orthanc's own IDs of each DICOMweb path; a path with two was stored under two patient identities. */
    private static final Map<String, Set<String>> orthancIdsByPath = new LinkedHashMap<>();

    @BeforeAll
    static void uploadTheCorpus() {
        orthanc = OrthancServer.start();
        Map<Path, DicomInstance> folder = new LinkedHashMap<>();
        try (Stream<InstanceHandle> handles = new FolderDicomStore(PydicomCorpus.DATA, new Part10Reader()).instances(InstanceSelector.all())) {
            handles.forEach(handle -> {
                try {
                    DicomInstance instance = handle.read();
                    folder.put(Path.of(instance.source()), instance);
                } catch (DicombqException unreadable) {
                    // a file the reader refuses is no parity case (ORTHANC.md 7: Orthanc refuses truncated files too)
                }
            });
        }
        for (Path file : PydicomCorpus.allFiles()) {
            DicomInstance instance = folder.get(file);
            if (instance == null) {
                continue;
            }
            OrthancServer.Upload upload = orthanc.upload(file);
            if (!upload.stored()) {
                continue;
            }
            orthancIdsByPath.computeIfAbsent(instance.dicomWebPath(), path -> new TreeSet<>())
                    .add(upload.body().replaceAll("(?s).*\"ID\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
            if (mixesIso2022WithJapanese(instance)) {
                excluded.add(file.getFileName().toString()); // 6: comes back garbled
                continue;
            }
            if (keptByIdentity.putIfAbsent(identity(instance), instance) == null) {
                transferSyntaxes.add(String.valueOf(instance.fileMeta().text(Tag.of(0x0002, 0x0010))));
            }
        }
    }

    @AfterAll
    static void stopOrthanc() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    // 7: the first upload of a study/series/instance UID triple is the one Orthanc keeps
    private static String identity(DicomInstance instance) {
        return instance.dicomWebPath();
    }

    private static boolean mixesIso2022WithJapanese(DicomInstance instance) {
        var charsets = instance.dataset().get(Tag.SPECIFIC_CHARACTER_SET);
        if (charsets == null) {
            return false;
        }
        String all = String.join("\\", ((io.dicombq.domain.dicom.Value.Text) charsets.value()).values());
        return all.contains("ISO 2022 IR 87") && all.contains("ISO 2022 IR 13");
    }

    private static final Set<String> FILE_META_COLUMNS = DataDictionary.standard().entries().stream()
            .filter(entry -> entry.tag().isFileMeta() && entry.hasKeyword()).map(DictionaryEntry::keyword)
            .collect(java.util.stream.Collectors.toSet());

    private static Row flatten(DicomInstance instance) {
        return InstanceFlattener.standard().flatten(instance, FlattenOptions.flattened()).row();
    }

    // 8: UIDs Orthanc stored under two patient identities are listed (once) but WADO-RS reads neither copy
    private static Set<String> ambiguousPaths() {
        Set<String> ambiguous = new TreeSet<>();
        orthancIdsByPath.forEach((path, ids) -> {
            if (ids.size() > 1) {
                ambiguous.add(path);
            }
        });
        return ambiguous;
    }

    @Test
    void theCorpusCoversEnoughFilesAndTransferSyntaxes() {
        assertThat(keptByIdentity).hasSizeGreaterThanOrEqualTo(30);
        assertThat(transferSyntaxes).as("transfer syntaxes of the compared files").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyInstanceReadOverDicomWebEqualsTheFolderReading() {
        Map<String, DicomInstance> fromServer = new LinkedHashMap<>();
        List<String> listed = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        try (Stream<InstanceHandle> handles = DicomWebStore.connect(DicomWebEndpoint.parse(orthanc.dicomWebRoot().toString()))
                .instances(InstanceSelector.all())) {
            handles.forEach(handle -> {
                String path = handle.resourceName().substring(orthanc.dicomWebRoot().toString().length());
                listed.add(path);
                try {
                    DicomInstance instance = handle.read();
                    fromServer.put(identity(instance), instance);
                } catch (DicombqException e) {
                    assertThat(e.code()).isEqualTo(io.dicombq.domain.status.Code.NOT_FOUND);
                    unreadable.add(path);
                }
            });
        }
        assertThat(listed).doesNotHaveDuplicates();
        Set<String> ambiguous = ambiguousPaths();
        assertThat(ambiguous).isNotEmpty();
        assertThat(unreadable).isEqualTo(ambiguous);

        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, DicomInstance> kept : keptByIdentity.entrySet()) {
            DicomInstance file = kept.getValue();
            if (ambiguous.contains(file.dicomWebPath())) {
                continue;
            }
            assertThat(fromServer).as("listed over DICOMweb: %s", file.source()).containsKey(kept.getKey());
            DicomInstance server = fromServer.get(kept.getKey());
            String name = Path.of(file.source()).getFileName() + " ";
            OrthancDifferences.between(file.dataset(), server.dataset()).forEach(difference -> differences.add(name + difference));
            RowDifferences.between(flatten(file), flatten(server), FILE_META_COLUMNS)
                    .forEach(difference -> differences.add(name + "row " + difference));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(30);
        assertThat(differences).isEmpty();
    }

    @Test
    void exportsThroughTheCommandLineWriteTheSameRowsFromOrthancAsFromTheFolder(@TempDir Path temp) {
        InProcessDicombq dicombq = new InProcessDicombq(temp.resolve("data"));
        dicombq.ok("datasets", "create", "parity-project.tables");
        String at = "--project=parity-project";
        dicombq.ok("dicom-stores", "create", "pacs", at, "--source=" + orthanc.dicomWebRoot());
        dicombq.ok("dicom-stores", "create", "files", at, "--source=" + PydicomCorpus.DATA);
        JsonNode fromServer = dicombq.json("dicom-stores", "export", "bq", "pacs", at, "--bq-table=bq://parity-project.tables.web",
                "--format=json");
        JsonNode fromFiles = dicombq.json("dicom-stores", "export", "bq", "files", at, "--bq-table=bq://parity-project.tables.folder",
                "--format=json");
        assertThat(fromServer.has("response")).as(fromServer.toString()).isTrue();
        assertThat(fromFiles.has("response")).as(fromFiles.toString()).isTrue();
        // 8: an instance stored under two patients fails (NOT_FOUND); every other instance Orthanc holds is a row
        assertThat(fromServer.at("/metadata/counter/failure").asText()).as(log(fromServer))
                .isEqualTo(String.valueOf(ambiguousPaths().size()));

        String columns = "SELECT DISTINCT SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID, PatientID, Modality,"
                + " CAST(StudyDate AS STRING) AS StudyDate, PatientName.Alphabetic.FamilyName AS FamilyName FROM ";
        Set<JsonNode> serverRows = new java.util.HashSet<>();
        dicombq.json("query", columns + "`parity-project.tables.web`").forEach(serverRows::add);
        Set<JsonNode> folderRows = new java.util.HashSet<>();
        dicombq.json("query", columns + "`parity-project.tables.folder`").forEach(folderRows::add);

        Set<String> compared = new TreeSet<>();
        keptByIdentity.values().forEach(instance -> compared.add(instance.sopInstanceUid()));
        long checked = serverRows.stream().filter(row -> compared.contains(row.get("SOPInstanceUID").asText())).count();
        assertThat(checked).isGreaterThanOrEqualTo(30);
        assertThat(serverRows.stream().filter(row -> compared.contains(row.get("SOPInstanceUID").asText())))
                .allSatisfy(row -> assertThat(folderRows).as("the folder export has the row %s", row).contains(row));
    }

    private static String log(JsonNode operation) {
        try {
            return java.nio.file.Files.readString(Path.of(java.net.URI.create(operation.at("/metadata/logsUrl").asText())));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
