package io.dicombq.domain.flatten;

import io.dicombq.domain.schema.DroppedTags;
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

    /** The names (TagName) of the instance's DroppedTags entries: every element its row does not represent. */
    public List<String> droppedTags() {
        return DroppedTags.names(row.get(Columns.DROPPED_TAGS));
    }
}
