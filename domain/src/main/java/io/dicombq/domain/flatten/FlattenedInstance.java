package io.dicombq.domain.flatten;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.util.List;
import java.util.Objects;

/** One instance as a table row, with the schema that row needs (only the columns this instance uses). */
public record FlattenedInstance(Row row, TableSchema schema) {
    public FlattenedInstance {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(schema, "schema");
    }

    /** The instance's DroppedTags entries: every element its row does not represent. */
    @SuppressWarnings("unchecked")
    public List<String> droppedTags() {
        Object value = row.get(Columns.DROPPED_TAGS);
        return value == null ? List.of() : (List<String>) value;
    }
}
