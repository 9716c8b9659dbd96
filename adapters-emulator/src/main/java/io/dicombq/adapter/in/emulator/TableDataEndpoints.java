package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/** tabledata.insertAll and tabledata.list. */
final class TableDataEndpoints {
    private static final String BASE = "/bigquery/v2/projects/{project}/datasets/{dataset}/tables/{table}";
    private static final int DEFAULT_PAGE = 100_000;

    private final H2Warehouse warehouse;
    private final QueryJobResults anonymous;

    TableDataEndpoints(H2Warehouse warehouse, QueryJobResults anonymous) {
        this.warehouse = warehouse;
        this.anonymous = anonymous;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", BASE + "/insertAll", this::insertAll),
                Route.of("GET", BASE + "/data", this::list));
    }

    /**
     * Streams rows in. Each row is checked against the schema; by default one bad row rejects the whole request
     * (the good rows are reported as "stopped"), and skipInvalidRows inserts the good ones.
     */
    private ApiResponse insertAll(ApiRequest request) {
        TableUri table = table(request);
        JsonNode body = request.json();
        Resources.refuse(body, "insertAll", "templateSuffix");
        TableSchema schema = warehouse.tableSchema(table).orElseThrow(() -> Resources.notFound(warehouse, table));
        boolean skipInvalid = body.path("skipInvalidRows").asBoolean(false);
        boolean ignoreUnknown = body.path("ignoreUnknownValues").asBoolean(false);
        List<Row> good = new ArrayList<>();
        List<Integer> goodIndexes = new ArrayList<>();
        ArrayNode errors = Resources.NODES.arrayNode();
        int index = 0;
        for (JsonNode entry : body.path("rows")) {
            try {
                good.add(WireValues.fromJson(schema.columns(), entry.path("json"), ignoreUnknown, "rows[" + index + "]"));
                goodIndexes.add(index);
            } catch (DicombqException e) {
                rowError(errors, index, "invalid", e.getMessage());
            }
            index++;
        }
        if (errors.isEmpty() || skipInvalid) {
            if (!good.isEmpty()) {
                warehouse.insertRows(table, good);
            }
        } else {
            for (int stopped : goodIndexes) {
                rowError(errors, stopped, "stopped", "");
            }
        }
        ObjectNode answer = Resources.NODES.objectNode();
        answer.put("kind", "bigquery#tableDataInsertAllResponse");
        if (!errors.isEmpty()) {
            answer.set("insertErrors", errors);
        }
        return ApiResponse.ok(answer);
    }

    private static void rowError(ArrayNode errors, int index, String reason, String message) {
        ObjectNode entry = errors.addObject();
        entry.put("index", index);
        ObjectNode error = entry.putArray("errors").addObject();
        error.put("reason", reason);
        error.put("message", message);
    }

    private ApiResponse list(ApiRequest request) {
        TableUri table = table(request);
        if (request.hasParam("selectedFields")) {
            throw new DicombqException(io.dicombq.domain.status.Code.UNIMPLEMENTED,
                    "tabledata.list selectedFields is not supported by the dicombq BigQuery emulator");
        }
        long max = Paging.max(request, DEFAULT_PAGE);
        TimestampFormat timestamps = Paging.timestamps(request);
        ObjectNode answer = Resources.NODES.objectNode();
        answer.put("kind", "bigquery#tableDataList");
        if (QueryJobResults.isAnonymous(table)) {
            QueryJobResults.page(anonymous.get(table), Paging.start(request), max, timestamps, answer);
            return ApiResponse.ok(answer);
        }
        TableSchema schema = warehouse.tableSchema(table).orElseThrow(() -> Resources.notFound(warehouse, table));
        long total = warehouse.rowCount(table);
        H2Warehouse.PagePosition from = Paging.rowPosition(request);
        H2Warehouse.RowPage page = max == 0 ? new H2Warehouse.RowPage(List.of(), from)
                : warehouse.readPage(table, from, (int) Math.min(max, DEFAULT_PAGE));
        List<Row> rows = page.rows();
        QueryJobResults.page(new QueryResult(schema, rows), 0, rows.size(), timestamps, answer);
        answer.put("totalRows", Long.toString(total));
        answer.remove("pageToken");
        if (page.next().index() < total) {
            answer.put("pageToken", page.next().generation() == null ? Long.toString(page.next().index())
                    : Paging.rowToken(page.next()));
        }
        return ApiResponse.ok(answer);
    }

    private static TableUri table(ApiRequest request) {
        return new TableUri(request.part("project"), request.part("dataset"), request.part("table"));
    }
}
