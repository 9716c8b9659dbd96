package io.dicombq.it.schema;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.json.JsonReader;
import io.dicombq.domain.schema.RowJson;
import io.dicombq.domain.schema.SchemaJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests on real corpus files: the flattened row and schema of each file equal what an independent
 * implementation of specification 3 in Python, on pydicom's reading of the same file, expects.
 */
class GoldenFlattenTest {
    static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    static final String STORE = "projects/p/locations/l/datasets/d/dicomStores/s";
    static final List<String> FILES = List.of(
            "test_files/CT_small.dcm",             // a typical CT image
            "test_files/MR_small.dcm",             // a typical MR image
            "test_files/MR_small_implicit.dcm",    // implicit VR: VRs from the dictionary
            "test_files/MR_small_bigendian.dcm",   // explicit VR big endian
            "test_files/test-SR.dcm",              // SR: deeply nested ContentSequence, PN, DT
            "test_files/reportsi.dcm",             // SR with numeric measurements
            "test_files/rtplan.dcm",               // RT plan: many sequences, DS arrays
            "test_files/rtstruct.dcm",             // RT structure set: contour data
            "test_files/priv_SQ.dcm",              // a private sequence
            "test_files/nested_priv_SQ.dcm",       // private sequences inside private sequences
            "test_files/UN_sequence.dcm",          // a sequence stored as UN
            "test_files/waveform_ecg.dcm",         // waveform: binary elements dropped
            "charset_files/chrH31.dcm",            // ISO 2022 Japanese person names
            "charset_files/chrX1.dcm",             // UTF-8 names
            "charset_files/chrSQEncoding.dcm",     // a different character set inside a sequence item
            "charset_files/chrGreek.dcm");

    private static Map<String, Map<String, Object>> expected;
    private final Part10Reader reader = new Part10Reader(
            ReadOptions.defaults().withBulkThreshold(Integer.MAX_VALUE), DataDictionary.standard());
    private final InstanceFlattener flattener = InstanceFlattener.standard();

    @BeforeAll
    static void runOracle() throws Exception {
        expected = FlattenOracle.run(FILES.stream().map(CORPUS::resolve).toList(), STORE);
    }

    @TestFactory
    Stream<DynamicTest> eachFileFlattensAsTheOracleExpects() {
        return FILES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path file = CORPUS.resolve(name);
            assertThat(file).exists();
            Map<String, Object> oracle = expected.get(file.toString());
            assertThat(oracle).as("oracle answer for " + name).isNotNull().doesNotContainKey("error");

            DicomInstance instance = reader.read(file);
            FlattenedInstance flat = flattener.flatten(instance, FlattenOptions.flattened().withSourceStore(STORE));

            Object schema = JsonReader.parse(SchemaJson.write(flat.schema()));
            assertThat(differences("schema", schema, oracle.get("schema"))).as(name + " schema").isEmpty();
            assertThat(schema).isEqualTo(oracle.get("schema"));
            Object row = JsonReader.parse(RowJson.write(flat.row()));
            assertThat(differences("row", row, oracle.get("row"))).as(name + " row").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theGoldenFilesCoverWhatTheIssueAsksFor() {
        return Stream.of(
                DynamicTest.dynamicTest("SR nests more than 3 levels", () ->
                        assertThat(depth(row("test_files/test-SR.dcm").get("ContentSequence"))).isGreaterThan(3)),
                DynamicTest.dynamicTest("Japanese PN in 3 groups", () -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> name = (Map<String, Object>) row("charset_files/chrH31.dcm").get("PatientName");
                    assertThat(name.keySet()).containsExactly("Alphabetic", "Ideographic", "Phonetic");
                    assertThat(((Map<?, ?>) name.get("Ideographic")).get("FamilyName")).isEqualTo("山田");
                }),
                DynamicTest.dynamicTest("private sequence (stored as UN) as a Tag_ column", () ->
                        assertThat(row("test_files/UN_sequence.dcm")).containsKey("Tag_4453100C")),
                DynamicTest.dynamicTest("the comparison sees a changed value", () ->
                        assertThat(differences("row", Map.of("a", List.of("x", "y")), Map.of("a", List.of("x", "z"))))
                                .containsExactly("row.a[1]: y, expected z")),
                DynamicTest.dynamicTest("CT_small has private elements in OtherElements", () ->
                        assertThat(row("test_files/CT_small.dcm")).containsKey("OtherElements")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(String name) {
        return (Map<String, Object>) expected.get(CORPUS.resolve(name).toString()).get("row");
    }

    private static int depth(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(GoldenFlattenTest::depth).max().orElse(0);
        }
        if (value instanceof Map<?, ?> map) {
            return 1 + map.values().stream().mapToInt(GoldenFlattenTest::depth).max().orElse(0);
        }
        return 0;
    }

    /** Every path where the two parsed JSON values differ; numbers compare as doubles (Java and Python print floats differently). */
    static List<String> differences(String path, Object actual, Object expected) {
        List<String> out = new ArrayList<>();
        diff(path, actual, expected, out);
        return out;
    }

    private static void diff(String path, Object actual, Object expected, List<String> out) {
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
            TreeSet<String> keys = new TreeSet<>();
            a.keySet().forEach(key -> keys.add((String) key));
            e.keySet().forEach(key -> keys.add((String) key));
            for (String key : keys) {
                diff(path + "." + key, a.get(key), e.get(key), out);
            }
        } else if (actual instanceof List<?> a && expected instanceof List<?> e) {
            if (a.size() != e.size()) {
                out.add(path + ": " + a.size() + " items, expected " + e.size() + " (" + abbreviate(a) + " vs " + abbreviate(e) + ")");
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), e.get(i), out);
            }
        } else if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            if (a.doubleValue() != e.doubleValue()) {
                out.add(path + ": " + a + ", expected " + e);
            }
        } else if (actual == null ? expected != null : !actual.equals(expected)) {
            out.add(path + ": " + abbreviate(actual) + ", expected " + abbreviate(expected));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

}
