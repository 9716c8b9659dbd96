package io.dicombq.domain.json;

import org.junit.jupiter.api.Test;

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
