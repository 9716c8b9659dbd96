package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueNull;

import static io.dicombq.adapter.out.sql.SafeRuntime.orNull;

/**
 * The {@code SAFE.} twins of the string, bytes, encoding, regular-expression, array and JSON runtime
 * functions that can fail (BigQuery docs: SAFE. prefix): NULL where BigQuery fails, as {@link SafeRuntime}'s twins
 * do; {@link SafeCalls} swaps them in.
 */
public final class SafeValueRuntime {
    /** Each function that can fail, its twin's name and its twin's method. */
    static final String[][] TWINS = {
        {"text_pad", "safe_text_pad", "pad"}, {"bytes_pad", "safe_bytes_pad", "padBytes"},
        {"text_instr", "safe_text_instr", "instr"}, {"bytes_instr", "safe_bytes_instr", "instrBytes"},
        {"text_edge", "safe_text_edge", "edge"}, {"bytes_edge", "safe_bytes_edge", "edgeBytes"},
        {"bytes_substr", "safe_bytes_substr", "substrBytes"}, {"text_repeat", "safe_text_repeat", "repeat"},
        {"bytes_repeat", "safe_bytes_repeat", "repeatBytes"}, {"text_translate", "safe_text_translate", "translate"},
        {"bytes_translate", "safe_bytes_translate", "translateBytes"}, {"text_ascii", "safe_text_ascii", "ascii"},
        {"bytes_ascii", "safe_bytes_ascii", "asciiBytes"}, {"text_chr", "safe_text_chr", "chr"},
        {"text_edit_distance", "safe_text_edit_distance", "editDistance"},
        {"bytes_edit_distance", "safe_bytes_edit_distance", "editDistanceBytes"},
        {"from_base64", "safe_from_base64", "fromBase64"}, {"from_base32", "safe_from_base32", "fromBase32"},
        {"from_hex", "safe_from_hex", "fromHex"}, {"code_points_text", "safe_code_points_text", "codePointsToString"},
        {"code_points_bytes", "safe_code_points_bytes", "codePointsToBytes"},
        {"re_java", "safe_re_java", "javaPattern"}, {"re_java_bytes", "safe_re_java_bytes", "javaPatternOfBytes"},
        {"re_extract_at", "safe_re_extract_at", "regexpExtract"}, {"re_extract_all", "safe_re_extract_all", "regexpExtractAll"},
        {"re_instr", "safe_re_instr", "regexpInstr"}, {"re_extract_at_bytes", "safe_re_extract_at_bytes", "regexpExtractBytes"},
        {"re_extract_all_bytes", "safe_re_extract_all_bytes", "regexpExtractAllBytes"},
        {"re_instr_bytes", "safe_re_instr_bytes", "regexpInstrBytes"}, {"re_replace_bytes", "safe_re_replace_bytes", "regexpReplaceBytes"},
        {"array_end", "safe_array_end", "arrayEnd"}, {"json_parse", "safe_json_parse", "parseJson"},
        {"json_to_int64", "safe_json_to_int64", "jsonInt64"}, {"json_to_float64", "safe_json_to_float64", "jsonFloat64"},
        {"json_to_bool", "safe_json_to_bool", "jsonBool"}, {"json_to_string", "safe_json_to_string", "jsonString"},
        {"json_object_of", "safe_json_object_of", "jsonObject"}, {"json_key_paths", "safe_json_key_paths", "jsonKeys"},
        {"json_without", "safe_json_without", "jsonRemove"}, {"json_with", "safe_json_with", "jsonSet"},
        {"json_appended", "safe_json_appended", "jsonAppend"}, {"json_inserted", "safe_json_inserted", "jsonInsert"},
        {"array_part", "safe_array_part", "arraySlice"}, {"json_extract_at", "safe_json_extract_at", "jsonExtract"},
        {"json_query_elements", "safe_json_query_elements", "jsonQueryArray"},
        {"json_value_elements", "safe_json_value_elements", "jsonValueArray"},
        {"json_without_nulls", "safe_json_without_nulls", "jsonStripNulls"},
    };

    private SafeValueRuntime() {
    }

    public static String javaPattern(String function, String re) {
        return orNull(() -> RegexpRuntime.javaPattern(function, re));
    }

    public static String javaPatternOfBytes(String function, byte[] re) {
        return orNull(() -> RegexpRuntime.javaPatternOfBytes(function, re));
    }

    public static String pad(String value, Long length, String pattern, Boolean left) {
        return orNull(() -> StringRuntime.pad(value, length, pattern, left));
    }

    public static byte[] padBytes(byte[] value, Long length, byte[] pattern, Boolean left) {
        return orNull(() -> StringRuntime.padBytes(value, length, pattern, left));
    }

    public static Long instr(String value, String part, Long position, Long occurrence) {
        return orNull(() -> StringRuntime.instr(value, part, position, occurrence));
    }

    public static Long instrBytes(byte[] value, byte[] part, Long position, Long occurrence) {
        return orNull(() -> StringRuntime.instrBytes(value, part, position, occurrence));
    }

    public static String edge(String value, Long length, Boolean left) {
        return orNull(() -> StringRuntime.edge(value, length, left));
    }

    public static byte[] edgeBytes(byte[] value, Long length, Boolean left) {
        return orNull(() -> StringRuntime.edgeBytes(value, length, left));
    }

    public static byte[] substrBytes(byte[] value, Long position, Long length, Boolean hasLength) {
        return orNull(() -> StringRuntime.substrBytes(value, position, length, hasLength));
    }

    public static String repeat(String value, Long count) {
        return orNull(() -> StringRuntime.repeat(value, count));
    }

    public static byte[] repeatBytes(byte[] value, Long count) {
        return orNull(() -> StringRuntime.repeatBytes(value, count));
    }

    public static String translate(String value, String source, String target) {
        return orNull(() -> StringRuntime.translate(value, source, target));
    }

    public static byte[] translateBytes(byte[] value, byte[] source, byte[] target) {
        return orNull(() -> StringRuntime.translateBytes(value, source, target));
    }

    public static Long ascii(String value) {
        return orNull(() -> StringRuntime.ascii(value));
    }

    public static Long asciiBytes(byte[] value) {
        return orNull(() -> StringRuntime.asciiBytes(value));
    }

    public static String chr(Long codePoint) {
        return orNull(() -> StringRuntime.chr(codePoint));
    }

    public static Long editDistance(String a, String b, Long max) {
        return orNull(() -> StringRuntime.editDistance(a, b, max));
    }

    public static Long editDistanceBytes(byte[] a, byte[] b, Long max) {
        return orNull(() -> StringRuntime.editDistanceBytes(a, b, max));
    }

    public static byte[] fromBase64(String text) {
        return orNull(() -> EncodingRuntime.fromBase64(text));
    }

    public static byte[] fromBase32(String text) {
        return orNull(() -> EncodingRuntime.fromBase32(text));
    }

    public static byte[] fromHex(String text) {
        return orNull(() -> EncodingRuntime.fromHex(text));
    }

    public static String codePointsToString(Long[] codePoints) {
        return orNull(() -> EncodingRuntime.codePointsToString(codePoints));
    }

    public static byte[] codePointsToBytes(Long[] values) {
        return orNull(() -> EncodingRuntime.codePointsToBytes(values));
    }

    public static String regexpExtract(String value, String javaPattern, Long position, Long occurrence) {
        return orNull(() -> RegexpRuntime.extract(value, javaPattern, position, occurrence));
    }

    public static String[] regexpExtractAll(String value, String javaPattern) {
        return orNull(() -> RegexpRuntime.extractAll(value, javaPattern));
    }

    public static Long regexpInstr(String value, String javaPattern, Long position, Long occurrence, Long after) {
        return orNull(() -> RegexpRuntime.instr(value, javaPattern, position, occurrence, after));
    }

    public static byte[] regexpExtractBytes(byte[] value, String javaPattern, Long position, Long occurrence) {
        return orNull(() -> RegexpRuntime.extractBytes(value, javaPattern, position, occurrence));
    }

    public static byte[][] regexpExtractAllBytes(byte[] value, String javaPattern) {
        return orNull(() -> RegexpRuntime.extractAllBytes(value, javaPattern));
    }

    public static Long regexpInstrBytes(byte[] value, String javaPattern, Long position, Long occurrence, Long after) {
        return orNull(() -> RegexpRuntime.instrBytes(value, javaPattern, position, occurrence, after));
    }

    public static byte[] regexpReplaceBytes(byte[] value, String javaPattern, byte[] replacement) {
        return orNull(() -> RegexpRuntime.replaceBytes(value, javaPattern, replacement));
    }

    public static Value arrayEnd(Value array, Boolean first) {
        return nullValue(orNull(() -> ArrayRuntime.end(array, first)));
    }

    public static String parseJson(String text) {
        return orNull(() -> JsonDocumentRuntime.parse(text));
    }

    public static Long jsonInt64(byte[] json) {
        return orNull(() -> JsonDocumentRuntime.toInt64(json));
    }

    public static Double jsonFloat64(byte[] json, String mode) {
        return orNull(() -> JsonDocumentRuntime.toFloat64(json, mode));
    }

    public static Boolean jsonBool(byte[] json) {
        return orNull(() -> JsonDocumentRuntime.toBool(json));
    }

    public static String jsonString(byte[] json) {
        return orNull(() -> JsonDocumentRuntime.toText(json));
    }

    public static String jsonObject(Value... keysAndValues) {
        return orNull(() -> JsonBuildRuntime.objectOf(keysAndValues));
    }

    public static String[] jsonKeys(byte[] json, Long maxDepth, String mode) {
        return orNull(() -> JsonBuildRuntime.keys(json, maxDepth, mode));
    }

    public static String jsonRemove(byte[] json, String... paths) {
        return orNull(() -> JsonBuildRuntime.remove(json, paths));
    }

    public static String jsonSet(byte[] json, Boolean create, Value... pairs) {
        return orNull(() -> JsonMutateRuntime.set(json, create, pairs));
    }

    public static String jsonAppend(byte[] json, Boolean eachElement, Value... pairs) {
        return orNull(() -> JsonMutateRuntime.append(json, eachElement, pairs));
    }

    public static String jsonInsert(byte[] json, Boolean eachElement, Value... pairs) {
        return orNull(() -> JsonMutateRuntime.insert(json, eachElement, pairs));
    }

    public static Value arraySlice(Value array, Long start, Long end, String form, Long n) {
        return nullValue(orNull(() -> ArrayRuntime.slice(array, start, end, form, n)));
    }

    public static String jsonExtract(byte[] json, String path, Boolean scalar, Boolean jsonTyped) {
        return orNull(() -> JsonDocumentRuntime.extract(json, path, scalar, jsonTyped));
    }

    public static Value jsonQueryArray(byte[] json, String path, Boolean legacy, Boolean jsonTyped) {
        return nullValue(orNull(() -> JsonDocumentRuntime.queryArray(json, path, legacy, jsonTyped)));
    }

    public static String[] jsonValueArray(byte[] json, String path, Boolean legacy, Boolean jsonTyped) {
        return orNull(() -> JsonDocumentRuntime.valueArray(json, path, legacy, jsonTyped));
    }

    public static String jsonStripNulls(byte[] json, String path, Boolean includeArrays, Boolean removeEmpty) {
        return orNull(() -> JsonBuildRuntime.stripNulls(json, path, includeArrays, removeEmpty));
    }

    /** H2 takes SQL NULL from a function returning {@link Value} as {@link ValueNull}, never as Java null. */
    private static Value nullValue(Value value) {
        return value == null ? ValueNull.INSTANCE : value;
    }
}
