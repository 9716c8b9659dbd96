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
