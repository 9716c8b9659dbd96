package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.schema.SchemaJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (specification 3): the schema of an export of the whole pydicom corpus against the schema of a table
 * Google's export really wrote (NCI Imaging Data Commons v18, {@code ../shared/reference/}, public reference data
 * kept out of the repository). Every column path both tables have has Google's type; DroppedTags, the
 * operational columns and the column order of specification 3.1 are Google's.
 */
class GoogleExportSchemaTest {
    private static final String REFERENCE = "google-export-schema-idc-v18.tsv";

    @TempDir
    static Path temp;
    /** path -> type, in each table's own column order (depth first). */
    private static Map<String, String> ours;
    private static Map<String, String> google;

    @BeforeAll
    static void exportTheCorpus() throws IOException {
        Path reference = repositoryRoot().getParent().resolve("shared/reference").resolve(REFERENCE);
        Assumptions.assumeTrue(Files.isRegularFile(reference), "the reference schema " + reference + " is not beside"
                + " the repository (it is public reference data kept out of it); this comparison needs it");
        google = new LinkedHashMap<>();
        for (String line : Files.readAllLines(reference)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split("\t");
                google.put(fields[0], fields[1]);
            }
        }
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        JsonNode operation = cli.export(Corpus.DATA.toString(), "--bq-table=bq://my-project.exports.corpus");
        assertThat(operation.at("/metadata/counter/success").asInt()).as(operation.toString()).isGreaterThan(150);
        ours = new LinkedHashMap<>();
        paths(cli.json("tables", "describe", "my-project.exports.corpus", "--format=json").get("schema").get("fields"),
                "", ours);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (holding mvnw) above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static void paths(JsonNode fields, String prefix, Map<String, String> out) {
        for (JsonNode field : fields) {
            String path = prefix + field.get("name").asText();
            out.put(path, field.get("type").asText().replace("FLOAT64", "FLOAT").replace("INT64", "INTEGER")
                    .replace("STRUCT", "RECORD"));
            if (field.has("fields")) {
                paths(field.get("fields"), path + ".", out);
            }
        }
    }

    @Test
    void everyColumnPathBothTablesHaveHasGooglesType() {
        List<String> shared = ours.keySet().stream().filter(google::containsKey).toList();
        List<String> differences = new ArrayList<>();
        for (String path : shared) {
            if (!ours.get(path).equals(google.get(path))) {
                differences.add(path + ": ours " + ours.get(path) + ", Google's " + google.get(path));
            }
        }
        assertThat(differences).isEmpty();
        // a comparison of a handful of columns would prove little: the corpus shares hundreds with IDC
        assertThat(shared.size()).as("shared column paths").isGreaterThan(300);
        assertThat(shared).contains("DroppedTags.TagName", "PatientName.Alphabetic.FamilyName");
    }

    /**
     * The corpus has no curve or overlay group, so each repeating-group keyword of Google's table is flattened
     * from an instance holding it in two groups (empty values: the column's shape does not depend on them).
     */
    @Test
    void repeatingGroupsHaveGooglesShape() {
        DataDictionary dictionary = DataDictionary.standard();
        List<DataElement> elements = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        for (String path : google.keySet()) {
            DictionaryEntry entry = path.contains(".") ? null : dictionary.byKeyword(path);
            int group = entry == null ? 0 : entry.tag().group();
            if ((group == 0x5000 || group == 0x6000) && dictionary.lookup(Tag.of(group + 2, entry.tag().element())) == entry) {
                keywords.add(path);
                for (int offset : new int[] {0, 2}) {
                    Tag tag = Tag.of(group + offset, entry.tag().element());
                    elements.add(new DataElement(tag, entry.vr(), Value.empty(entry.vr())));
                }
            }
        }
        assertThat(keywords).as("Google's repeating-group columns").contains("OverlayRows", "CurveDimensions");
        DicomInstance instance = new DicomInstance("groups", DicomDataset.of(), DicomDataset.of(elements), 0);
        Map<String, String> flattened = new LinkedHashMap<>();
        paths(Cli.parse(SchemaJson.write(InstanceFlattener.standard().flatten(instance, FlattenOptions.flattened())
                .schema())), "", flattened);
        List<String> differences = new ArrayList<>();
        for (String keyword : keywords) {
            for (String path : List.of(keyword, keyword + ".Id", keyword + ".Value")) {
                if (!google.get(path).equals(flattened.get(path))) {
                    differences.add(path + ": ours " + flattened.get(path) + ", Google's " + google.get(path));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void droppedTagsAndTheOperationalColumnsEndTheTableAsInGooglesTable() {
        List<String> tail = List.of("DroppedTags", "DroppedTags.TagName", "DroppedTags.TagReference", "Type",
                "LastUpdated", "StorageClass", "BlobStorageSize");
        assertThat(last(google, tail.size())).isEqualTo(tail);
        assertThat(last(ours, tail.size())).isEqualTo(tail);
        for (String path : tail) {
            assertThat(ours.get(path)).as(path).isEqualTo(google.get(path));
        }
    }

    @Test
    void theColumnsBothTablesHaveComeInTheSameOrderAtEveryLevel() {
        Map<String, List<String>> ourLevels = levels(ours);
        Map<String, List<String>> googleLevels = levels(google);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<String>> level : ourLevels.entrySet()) {
            List<String> theirs = googleLevels.get(level.getKey());
            if (theirs == null) {
                continue;
            }
            List<String> mine = level.getValue().stream().filter(theirs::contains).toList();
            List<String> expected = theirs.stream().filter(mine::contains).toList();
            compared += mine.size();
            if (!mine.equals(expected)) {
                differences.add((level.getKey().isEmpty() ? "top level" : level.getKey()) + ": ours " + mine
                        + ", Google's " + expected);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(300);
        // specification 3.1: the private sequence columns follow every keyword column, OtherElements follows them
        List<String> top = ourLevels.get("");
        int firstTag = top.indexOf(top.stream().filter(name -> name.startsWith("Tag_")).findFirst().orElseThrow());
        assertThat(top.subList(firstTag, top.indexOf("OtherElements"))).allMatch(name -> name.startsWith("Tag_"));
    }

    private static List<String> last(Map<String, String> paths, int count) {
        List<String> all = new ArrayList<>(paths.keySet());
        return all.subList(all.size() - count, all.size());
    }

    /** parent path -> its children's names, in order. */
    private static Map<String, List<String>> levels(Map<String, String> paths) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (String path : paths.keySet()) {
            int dot = path.lastIndexOf('.');
            levels.computeIfAbsent(dot < 0 ? "" : path.substring(0, dot), parent -> new ArrayList<>())
                    .add(path.substring(dot + 1));
        }
        return levels;
    }
}
