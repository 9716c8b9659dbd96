package io.dicombq.domain.schema;

import java.util.Objects;

/** The value of a JSON column: a serialised JSON document. */
public record JsonText(String json) {
    public JsonText {
        Objects.requireNonNull(json, "json");
    }
}
