package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;
import java.util.Optional;

/** tables.get / insert / patch / update / delete / list. */
final class TableEndpoints {
    private static final String BASE = "/bigquery/v2/projects/{project}/datasets/{dataset}/tables";

    private final H2Warehouse warehouse;
    private final TableAttributes attributes;
    private final QueryJobResults anonymous;

    TableEndpoints(H2Warehouse warehouse, TableAttributes attributes, QueryJobResults anonymous) {
        this.warehouse = warehouse;
        this.attributes = attributes;
        this.anonymous = anonymous;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("POST", BASE, this::insert),
                Route.of("GET", BASE + "/{table}", this::get),
                Route.of("PATCH", BASE + "/{table}", this::patch),
                Route.of("PUT", BASE + "/{table}", this::patch),
                Route.of("DELETE", BASE + "/{table}", this::delete));
    }

    private ApiResponse get(ApiRequest request) {
        TableUri table = new TableUri(request.part("project"), request.part("dataset"), request.part("table"));
        if (QueryJobResults.isAnonymous(table)) {
            return ApiResponse.ok(anonymous.tableResource(table));
        }
        return ApiResponse.ok(resource(table));
    }

    ObjectNode resource(TableUri table) {
        TableEntry entry = warehouse.entry(table).orElseThrow(() -> Resources.notFound(warehouse, table));
        ObjectNode json = Resources.table(table, entry.schema(), warehouse.rowCount(table), attributes.of(table));
        Resources.times(json, entry);
        return json;
    }

    private ApiResponse insert(ApiRequest request) {
        String project = request.part("project");
        String dataset = request.part("dataset");
        JsonNode body = request.json();
        Resources.refuse(body, "table", "view", "materializedView", "externalDataConfiguration", "timePartitioning",
                "rangePartitioning", "clustering", "encryptionConfiguration", "tableConstraints", "snapshotDefinition",
                "cloneDefinition", "biglakeConfiguration");
        TableUri table = Resources.tableUri(body.get("tableReference"), project, "tableReference");
        if (!table.project().equals(project) || !table.dataset().equals(dataset)) {
            throw WireValues.invalid("tableReference " + Resources.tableId(table) + " is not in dataset "
                    + project + ":" + dataset + " of the URL");
        }
        // BigQuery allows a table without columns; its schema can be set later.
        TableSchema schema = Optional.ofNullable(WireSchema.fromJson(body.get("schema"))).orElse(TableSchema.empty());
        if (!warehouse.datasetExists(project, dataset)) {
            throw Resources.datasetNotFound(project, dataset);
        }
        if (warehouse.tableSchema(table).isPresent()) {
            throw new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Table " + Resources.tableId(table));
        }
        warehouse.createTable(table, schema);
        attributes.created(table, body);
        return ApiResponse.ok(resource(table));
    }

    /** PATCH and PUT: the schema may gain columns (existing ones stay as they are); descriptive fields change. */
    private ApiResponse patch(ApiRequest request) {
        TableUri table = new TableUri(request.part("project"), request.part("dataset"), request.part("table"));
        JsonNode body = request.json();
        Resources.refuse(body, "table", "view", "materializedView", "externalDataConfiguration", "timePartitioning",
                "rangePartitioning", "clustering", "encryptionConfiguration", "tableConstraints");
        TableSchema current = warehouse.tableSchema(table).orElseThrow(() -> Resources.notFound(warehouse, table));
        TableSchema wanted = WireSchema.fromJson(body.get("schema"));
        if (wanted != null && !wanted.equals(current)) {
            SchemaEvolution.requireOnlyAdditions(current, wanted, Resources.tableId(table), true);
            warehouse.updateSchema(table, wanted);
        }
        attributes.patched(table, body);
        return ApiResponse.ok(resource(table));
    }

    private ApiResponse delete(ApiRequest request) {
        TableUri table = new TableUri(request.part("project"), request.part("dataset"), request.part("table"));
        if (!warehouse.deleteTable(table)) {
            throw Resources.tableNotFound(table);
        }
        attributes.deleted(table);
        return ApiResponse.noContent();
    }

    private ApiResponse list(ApiRequest request) {
        String project = request.part("project");
        String dataset = request.part("dataset");
        if (!warehouse.datasetExists(project, dataset)) {
            throw Resources.datasetNotFound(project, dataset);
        }
        List<String> tables = warehouse.listTables(project, dataset);
        ObjectNode body = Resources.NODES.objectNode();
        body.put("kind", "bigquery#tableList");
        body.put("totalItems", tables.size());
        Paging.Page<String> page = Paging.page(request, "tables " + project + ":" + dataset, tables);
        if (page.nextPageToken() != null) {
            body.put("nextPageToken", page.nextPageToken());
        }
        if (!page.items().isEmpty()) {
            ArrayNode list = body.putArray("tables");
            for (String name : page.items()) {
                TableUri table = new TableUri(project, dataset, name);
                ObjectNode entry = list.addObject();
                entry.put("kind", "bigquery#table");
                entry.put("id", Resources.tableId(table));
                entry.set("tableReference", Resources.tableReference(table));
                entry.put("type", "TABLE");
                warehouse.entry(table).ifPresent(found -> Resources.times(entry, found));
            }
        }
        return ApiResponse.ok(body);
    }
}
