package io.dicombq.domain.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysWithCommas() {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject()
                .name("a").value("x")
                .name("b").beginArray().value(1).value(2.5).nullValue().value(true).endArray()
                .name("c").beginObject().endObject()
                .endObject();
        assertThat(out).hasToString("{\"a\":\"x\",\"b\":[1,2.5,null,true],\"c\":{}}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.quote("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    @Test
    void quotesIntoWritersAndBuildersAlike() throws java.io.IOException {
        String text = "x\"y\u2028z\u00e9\u4e2d\tw";
        java.io.StringWriter writer = new java.io.StringWriter();
        JsonWriter.quote(text, (Appendable) writer);
        StringBuilder builder = new StringBuilder("> ");
        JsonWriter.quote(text, builder);
        assertThat(writer).hasToString("\"x\\\"y\\u2028z\u00e9\u4e2d\\tw\"");
        assertThat(builder).hasToString("> " + writer);
        assertThat(JsonWriter.quote("plain")).isEqualTo("\"plain\"");
    }

    @Test
    void plainNamesAndValuesAreWrittenAsTheyAre() {
        StringBuilder builder = new StringBuilder();
        java.io.StringWriter writer = new java.io.StringWriter();
        for (Appendable out : new Appendable[] {builder, writer}) {
            JsonWriter.pretty(out).beginObject().plainName("00100010").beginObject().plainName("vr").plainValue("PN")
                    .name("Value").beginArray().plainValue("aGk+/w==").endArray().endObject().endObject();
        }
        assertThat(builder).hasToString("{\n  \"00100010\": {\n    \"vr\": \"PN\",\n    \"Value\": [\n      \"aGk+/w==\"\n    ]\n  }\n}");
        assertThat(writer).hasToString(builder.toString());
    }

    @Test
    void aPlainNameThatNeedsEscapingIsRefusedWhenAssertionsAreOn() {
        assertThatThrownBy(() -> JsonWriter.compact(new StringBuilder()).beginObject().plainName("a\"b"))
                .isInstanceOf(AssertionError.class);
    }

    /** The byte output is the char output's text in UTF-8, escapes and numbers included, byte for byte. */
    @Test
    void utf8BytesAreTheTextsEncoding() {
        String[] texts = {"", "plain", "q\"b\\s/", "\u0000\u0001\u001f\b\f\n\r\t", "é\u00ff\u0100\u4e2d", "\u2028\u2029\u2027\u202a",
            "x\u2028", "\u2029", "emoji \ud83d\ude00 pair", "lone \ud800 high", "\udc00 lone low", "\u20ac\u2200", "\u0080\u07ff\u0800\uffff"};
        long[] longs = {0, 7, -7, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, -1_000_000_007L};
        double[] doubles = {0.0, -0.0, 1.5, -2.0, 1e15, 1e14, -1e14 - 1, 123456789.125, 1e-7, Double.MIN_VALUE, -Double.MAX_VALUE};
        for (boolean pretty : new boolean[] {false, true}) {
            StringBuilder chars = new StringBuilder();
            Utf8Buffer bytes = new Utf8Buffer(1);
            for (JsonWriter json : pretty ? new JsonWriter[] {JsonWriter.pretty(chars), JsonWriter.pretty(bytes)}
                    : new JsonWriter[] {JsonWriter.compact(chars), JsonWriter.compact(bytes)}) {
                json.beginObject().name("strings").beginArray();
                for (String text : texts) {
                    json.value(text);
                }
                json.endArray().name("\u4e2d\"name").beginArray();
                for (long number : longs) {
                    json.value(number);
                }
                for (double number : doubles) {
                    json.value(number);
                }
                json.numberLiteral("-1.5e3").value(true).value(false).nullValue().endArray()
                        .plainName("bin").base64Value(new byte[] {0, (byte) 0xFF, 0x10, 0x7F}).plainName("empty").base64Value(new byte[0])
                        .name("raw").rawValue("{\"é\":[1]}").endObject();
            }
            // an unpaired surrogate is '?' in UTF-8 either way (String.getBytes, an OutputStreamWriter)
            assertThat(bytes.toByteArray()).isEqualTo(chars.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(bytes).hasToString(new String(chars.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }

    @Test
    void quotingIntoBytesEscapesAsQuotingIntoChars() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            Utf8Buffer bytes = new Utf8Buffer(4);
            JsonWriter.quote(text, bytes);
            assertThat(bytes.toByteArray()).as("U+%04X", c).isEqualTo(JsonWriter.quote(text).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Long values go through the eight-bytes-at-a-time scan: every special character at every place in a word. */
    @Test
    void quotingLongTextIntoBytesEscapesAsQuotingIntoCharsWhereverTheCharacterFalls() {
        java.util.List<String> specials = new java.util.ArrayList<>();
        for (int c = 0; c <= 0x100; c++) {
            specials.add(String.valueOf((char) c));
        }
        for (String special : new String[] {"\u2027", "\u2028", "\u2029", "\u202a", "\u20ac", "\u4e2d", "\u07ff",
            "\u0800", "\uffff", "\ud83d\ude00", "\ud800", "\udc00", "\u2028\u2029", "\"\\"}) {
            specials.add(special);
        }
        for (String special : specials) {
            for (int length = 0; length <= 24; length++) {
                for (int at = 0; at <= length; at++) {
                    String text = "QUJD".repeat(7).substring(0, at) + special + "ZGVm".repeat(7).substring(0, length - at);
                    assertQuotedAlike(text);
                }
            }
        }
        java.util.Random random = new java.util.Random(17);
        char[] alphabet = "AZaz09+/=\"\\\n\t\u0000\u001f\u007f\u0080\u00e9\u2028\u2029\u4e2d\ud83d\ude00".toCharArray();
        for (int n = 0; n < 3000; n++) {
            char[] text = new char[random.nextInt(120)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('A' + random.nextInt(26));
            }
            assertQuotedAlike(new String(text));
        }
    }

    private static void assertQuotedAlike(String text) {
        Utf8Buffer bytes = new Utf8Buffer(4);
        JsonWriter.quote(text, bytes);
        assertThat(bytes.toByteArray()).as("%s", text.chars().mapToObj(c -> String.format("%04x", c)).toList())
                .isEqualTo(JsonWriter.quote(text).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClearedBufferIsReused() {
        Utf8Buffer bytes = new Utf8Buffer(16);
        JsonWriter.compact(bytes).beginArray().value("x".repeat(100)).endArray();
        assertThat(bytes.length()).isEqualTo(104); // ["x…x"]
        assertThat(bytes.capacity()).isGreaterThanOrEqualTo(104);
        bytes.clear();
        JsonWriter.compact(bytes).value(42);
        assertThat(bytes).hasToString("42");
    }

    @Test
    void prettyPrintsWithTwoSpaces() {
        StringBuilder out = new StringBuilder();
        JsonWriter.pretty(out).beginArray().beginObject().name("k").value("v").endObject().endArray();
        assertThat(out).hasToString("[\n  {\n    \"k\": \"v\"\n  }\n]");
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.compact(new StringBuilder()).value(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
