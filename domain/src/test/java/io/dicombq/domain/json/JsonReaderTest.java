package io.dicombq.domain.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void readsWhatJsonWriterWrites() {
        StringBuilder out = new StringBuilder();
        JsonWriter.pretty(out).beginObject().name("s").value("a\"b\\\n\u0001é").name("n").value(9223372036854775807L)
                .name("f").value(-2.5e-3).name("l").beginArray().value(true).value(false).nullValue().endArray()
                .name("o").beginObject().endObject().endObject();

        Object parsed = JsonReader.parse(out.toString());

        assertThat(parsed).isEqualTo(Map.of("s", "a\"b\\\n\u0001é", "n", new BigDecimal("9223372036854775807"),
                "f", new BigDecimal("-0.0025"), "l", Arrays.asList(true, false, null), "o", Map.of()));
        assertThat(JsonReader.parse(" [ ] ")).isEqualTo(List.of());
        assertThat(JsonReader.parse("\"\\u00e9\\/\"")).isEqualTo("é/");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}")).hasMessageContaining("character 7");
        assertThatThrownBy(() -> JsonReader.parse("[1 2]")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member");
        assertThatThrownBy(() -> JsonReader.parse("01")).hasMessageContaining("may not start with 0");
        assertThatThrownBy(() -> JsonReader.parse("1x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> JsonReader.parse("\"abc")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(600))).hasMessageContaining("nested deeper");
    }
}
