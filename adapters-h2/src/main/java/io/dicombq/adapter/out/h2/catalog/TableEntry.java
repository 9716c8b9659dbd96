package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.TableSchema;

import java.time.Instant;

/** A table as the catalog records it: its BigQuery address and schema, and the H2 table holding its rows. */
public record TableEntry(TableUri uri, String physicalName, TableSchema schema, Instant created, Instant modified) {

    /** The quoted, schema-qualified H2 name of the table holding the rows. */
    public String physicalSql() {
        return Names.qualified(Names.schemaOf(uri.project(), uri.dataset()), physicalName);
    }
}
