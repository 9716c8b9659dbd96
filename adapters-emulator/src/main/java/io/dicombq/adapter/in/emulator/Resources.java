package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.out.h2.H2Warehouse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.regex.Pattern;

/** JSON resources and references as BigQuery spells them ({@code "p:d.t"} ids, string int64s). */
final class Resources {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String LOCATION = "US";
    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    // BigQuery table names: letters, marks, numbers, connectors, dashes and spaces.
    private static final Pattern TABLE_ID = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}");

    private Resources() {
    }

    static ObjectNode datasetReference(String project, String dataset) {
        ObjectNode reference = NODES.objectNode();
        reference.put("projectId", project);
        reference.put("datasetId", dataset);
        return reference;
    }

    static ObjectNode tableReference(TableUri table) {
        ObjectNode reference = datasetReference(table.project(), table.dataset());
        reference.put("tableId", table.table());
        return reference;
    }

    static ObjectNode dataset(String project, String dataset) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", "bigquery#dataset");
        json.put("id", project + ":" + dataset);
        json.set("datasetReference", datasetReference(project, dataset));
        json.put("location", LOCATION);
        return json;
    }

    /** The times of a warehouse table, as BigQuery's epoch-millisecond strings. */
    static void times(ObjectNode json, io.dicombq.adapter.out.h2.catalog.TableEntry entry) {
        json.put("creationTime", Long.toString(entry.created().toEpochMilli()));
        json.put("lastModifiedTime", Long.toString(entry.modified().toEpochMilli()));
    }

    static ObjectNode table(TableUri table, TableSchema schema, long rows, ObjectNode attributes) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", "bigquery#table");
        json.put("id", tableId(table));
        json.set("tableReference", tableReference(table));
        // Without "type" the client cannot build its Table object ("Empty enum constants not allowed").
        json.put("type", "TABLE");
        json.set("schema", WireSchema.toJson(schema));
        json.put("numRows", Long.toString(rows));
        json.put("location", LOCATION);
        if (attributes != null) {
            json.setAll(attributes);
        }
        return json;
    }

    static String tableId(TableUri table) {
        return table.project() + ":" + table.dataset() + "." + table.table();
    }

    /** A {@code {projectId, datasetId, tableId}} reference, the project defaulting to the request's. */
    static TableUri tableUri(JsonNode reference, String defaultProject, String what) {
        if (reference == null || reference.isMissingNode() || reference.isNull()) {
            throw WireValues.invalid(what + " is required");
        }
        String project = reference.path("projectId").asText(defaultProject);
        return table(project, reference.path("datasetId").asText(""), reference.path("tableId").asText(""));
    }

    static TableUri table(String project, String dataset, String table) {
        checkDatasetId(dataset);
        if (!TABLE_ID.matcher(table).matches()) {
            throw WireValues.invalid("Invalid table ID \"" + table + "\". Table IDs must be alphanumeric (plus"
                    + " underscores, dashes and spaces) and at most 1024 characters long.");
        }
        return new TableUri(project, dataset, table);
    }

    static void checkDatasetId(String dataset) {
        if (!DATASET_ID.matcher(dataset).matches()) {
            throw WireValues.invalid("Invalid dataset ID \"" + dataset + "\". Dataset IDs must be alphanumeric"
                    + " (plus underscores) and at most 1024 characters long.");
        }
    }

    static DicombqException datasetNotFound(String project, String dataset) {
        return new DicombqException(Code.NOT_FOUND, "Not found: Dataset " + project + ":" + dataset);
    }

    /** NOT_FOUND naming what is missing: the dataset when it is, else the table. */
    static DicombqException notFound(H2Warehouse warehouse, TableUri table) {
        if (!warehouse.datasetExists(table.project(), table.dataset())) {
            return datasetNotFound(table.project(), table.dataset());
        }
        return tableNotFound(table);
    }

    static DicombqException tableNotFound(TableUri table) {
        return new DicombqException(Code.NOT_FOUND, "Not found: Table " + tableId(table));
    }

    /** Refuses a request field the emulator does not implement, instead of silently ignoring it. */
    static void refuse(JsonNode body, String what, String... fields) {
        for (String field : fields) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull()) {
                throw new DicombqException(Code.UNIMPLEMENTED, what + "." + field
                        + " is not supported by the dicombq BigQuery emulator");
            }
        }
    }
}
