package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A load's line read token by token answers exactly what the JSON tree path answers: the same row or the same error. */
class JsonLineRowsTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("SOPInstanceUID", ColumnType.STRING, Mode.REQUIRED),
            Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("Slope", ColumnType.FLOAT, Mode.NULLABLE),
            Column.of("Dose", ColumnType.NUMERIC, Mode.NULLABLE),
            Column.of("Burned", ColumnType.BOOLEAN, Mode.NULLABLE),
            Column.of("Icon", ColumnType.BYTES, Mode.NULLABLE),
            Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
            Column.of("Acquired", ColumnType.TIMESTAMP, Mode.NULLABLE),
            Column.of("Extra", ColumnType.JSON, Mode.NULLABLE),
            Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
            Column.record("PatientName", Mode.NULLABLE, List.of(
                    Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE),
                    Column.record("Codes", Mode.REPEATED, List.of(
                            Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
                            Column.of("Count", ColumnType.INTEGER, Mode.NULLABLE))))));

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":512,\"Slope\":1.5,\"Dose\":0.1234567890123,\"Burned\":false}",
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":\"512\",\"Slope\":\"NaN\",\"Dose\":\"12\",\"Burned\":\"TRUE\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"Icon\":\"AAEC\",\"StudyDate\":\"2004-01-19\",\"Acquired\":\"2004-01-19 07:20:48.5 UTC\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"Acquired\":1074496848.25}",
            "{\"SOPInstanceUID\":\"1.2\",\"Extra\":{\"b\":[1,2.50,{\"c\":null}],\"a\":\"x\"}}",
            "{\"SOPInstanceUID\":\"1.2\",\"Extra\":\"{\\\"a\\\": 1}\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"ImageType\":[\"ORIGINAL\",\"PRIMARY\"],\"PatientName\":{\"FamilyName\":\"Doe\","
                    + "\"Codes\":[{\"CodeValue\":\"T-1\",\"Count\":2},{\"Count\":null}]}}",
            "{\"Rows\":1,\"SOPInstanceUID\":\"1.2\",\"patientname\":{\"familyname\":\"lower case names\"}}",
            "{\"SOPInstanceUID\":\"1.2\",\"Burned\":true,\"Rows\":3,\"imagetype\":[\"A\"],\"Extra\":null}",
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":1,\"Rows\":null}",
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":null,\"Rows\":7}",
            "{\"SOPInstanceUID\":\"1.2\",\"ImageType\":[]}",
            "{\"SOPInstanceUID\":\"1.\\u00e92\\n\\\"\",\"ImageType\":[\"A\\\\B\",\"\"],\"PatientName\":{\"FamilyName\":12}}",
            "{\"SOPInstanceUID\":\"1.2\",\"PatientName\":null,\"ImageType\":null}",
            // errors
            "{\"Rows\":1}",
            "{\"SOPInstanceUID\":\"1.2\",\"Nope\":1}",
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":\"many\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"Rows\":1.5}",
            "{\"SOPInstanceUID\":{\"a\":1}}",
            "{\"SOPInstanceUID\":\"1.2\",\"ImageType\":\"ORIGINAL\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"ImageType\":[\"A\",null]}",
            "{\"SOPInstanceUID\":\"1.2\",\"PatientName\":\"Doe\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"PatientName\":{\"Codes\":[{\"Nope\":1}]}}",
            "{\"SOPInstanceUID\":\"1.2\",\"PatientName\":{\"Codes\":[1]}}",
            "{\"SOPInstanceUID\":\"1.2\",\"StudyDate\":\"19/01/2004\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"Extra\":\"{not json\"}",
            "[1,2]",
            "\"text\"",
            "null",
            "{\"SOPInstanceUID\":\"1.2\"} {\"SOPInstanceUID\":\"1.3\"}",
            "{\"SOPInstanceUID\":\"1.2\"",
            "{\"SOPInstanceUID\":\"1.2\",}",
            "{\"SOPInstanceUID\":tru}",
            // strings the parser must decode or refuse itself: an unescaped control character, no closing quote
            "{\"SOPInstanceUID\":\"1\t2\"}",
            "{\"SOPInstanceUID\":\"1.2\",\"ImageType\":[\"A\u0001\"]}",
            "{\"SOPInstanceUID\":\"1.2",
            "{\"SOPInstanceUID\":\"1.2\\\"}",
            // not ASCII: the parser decodes every string
            "{\"SOPInstanceUID\":\"1.2\",\"PatientName\":{\"FamilyName\":\"Müller 山田\"},\"ImageType\":[\"é\",\"x\"]}",
            "{\"SOPInstanceUID\":\"Müller\t\"}",
            // a byte order mark before the row is skipped, as in a request body; after it, it is a trailing token
            "\uFEFF{\"SOPInstanceUID\":\"1.2\"}",
            "{\"SOPInstanceUID\":\"1.2\"}\uFEFF"})
    void answersAsTheTreePath(String line) {
        String tree = outcome(() -> WireValues.fromJson(COLUMNS,
                WireJson.read(line.getBytes(StandardCharsets.UTF_8), "line 3"), false, "line 3"));
        assertThat(outcome(() -> read(line, false, "line 3"))).isEqualTo(tree);
    }

    /** Strings whose closing quote, escape or control character falls at every place of the words the scan steps over. */
    @org.junit.jupiter.api.Test
    void longStringsAnswerAsTheTreePathWhereverTheirEndFalls() {
        String[] specials = {"", "\\\"", "\\\\", "\\n", "\\u0041", "\t", "\u0001", "\u001f", " ", "/"};
        for (String special : specials) {
            for (int length = 0; length <= 26; length++) {
                for (int at = 0; at <= length; at++) {
                    String value = "QUJD".repeat(7).substring(0, at) + special + "ZGVm".repeat(7).substring(0, length - at);
                    answersAsTheTreePath("{\"SOPInstanceUID\":\"" + value + "\",\"ImageType\":[\"" + value + "\",\"x\"]}");
                }
            }
        }
    }

    /** {@code line} read from the middle of a buffer, as the load reads it. */
    private static Row read(String line, boolean ignoreUnknown, String where) {
        byte[] bytes = ("  " + line + "\n").getBytes(StandardCharsets.UTF_8);
        boolean ascii = line.chars().allMatch(c -> c < 0x80);
        return JsonLineRows.read(bytes, 2, bytes.length - 3, ascii, COLUMNS, ignoreUnknown, where);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"SOPInstanceUID\":\"1.2\",\"Nope\":{\"deep\":[1,{\"x\":2}]},\"Rows\":3}",
            "{\"Nope\":[],\"SOPInstanceUID\":\"1.2\",\"PatientName\":{\"Other\":1,\"FamilyName\":\"Doe\"}}"})
    void unknownFieldsAreSkippedWhenAsked(String line) {
        assertThat(outcome(() -> read(line, true, "line 1")))
                .isEqualTo(outcome(() -> WireValues.fromJson(COLUMNS,
                        WireJson.read(line.getBytes(StandardCharsets.UTF_8), "line 1"), true, "line 1")))
                .doesNotStartWith("error");
    }

    /** A row's values as text, bytes in base64 (an array's own toString is its identity). */
    private static String text(Object value) {
        if (value instanceof io.dicombq.domain.schema.Row row) {
            StringBuilder fields = new StringBuilder("{");
            row.values().forEach((name, field) -> fields.append(name).append('=').append(text(field)).append(';'));
            return fields.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonLineRowsTest::text).toList().toString();
        }
        if (value instanceof byte[] bytes) {
            return "bytes " + java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return "row " + text(read.get());
        } catch (DicombqException e) {
            // the line reader leaves out the Java type Jackson names for a trailing token; the rest is the same
            return "error " + e.code() + " " + e.getMessage().replaceFirst(" \\(bound as `.*$", "");
        }
    }
}
