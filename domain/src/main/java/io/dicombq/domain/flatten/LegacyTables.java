package io.dicombq.domain.flatten;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tables a flattened export wrote before dicombq followed Google's table (specification 3.1, 3.6): DroppedTags as a
 * REPEATED STRING, repeating groups as scalar columns. BigQuery cannot change a column's type in place, so rows
 * of the current layout cannot be appended to such a table; the export says so before it reads any instance,
 * and how to rewrite the table. Missing operational columns are no obstacle: they are added, NULL in old rows.
 */
public final class LegacyTables {
    private LegacyTables() {
    }

    /** FAILED_PRECONDITION when {@code existing}, kept by an append, has a column the current layout writes otherwise. */
    public static Optional<RpcError> checkAppendable(TableUri table, TableSchema existing, Layout layout) {
        if (layout != Layout.FLATTENED) {
            return Optional.empty();
        }
        List<String> conflicts = new ArrayList<>();
        Column dropped = existing.column(Columns.DROPPED_TAGS);
        if (dropped != null && !dropped.isRecord()) {
            conflicts.add("DroppedTags is " + dropped.type() + " " + dropped.mode()
                    + " (now a REPEATED RECORD of TagName and TagReference)");
        }
        for (Column column : existing.columns()) {
            if (!column.isRecord() && isRepeatingGroupKeyword(column.name())) {
                conflicts.add(column.name() + " is " + column.type() + " " + column.mode()
                        + " (now a REPEATED RECORD of Id and Value, one entry per group)");
            }
        }
        if (conflicts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RpcError.of(Code.FAILED_PRECONDITION, "Destination table " + table + " was written by an"
                + " earlier dicombq layout: " + String.join("; ", conflicts) + ". BigQuery cannot change a column's"
                + " type in place, so this export cannot write into it. Rewrite the table with --overwrite-table or"
                + " --write-disposition=write-truncate (export every instance it should hold), or export into a new"
                + " table"));
    }

    private static boolean isRepeatingGroupKeyword(String name) {
        DictionaryEntry entry = DataDictionary.standard().byKeyword(name);
        return entry != null && RepeatingGroups.isMember(entry.tag(), entry);
    }
}
