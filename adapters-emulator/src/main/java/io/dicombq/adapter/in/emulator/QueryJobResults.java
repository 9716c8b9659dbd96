package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of query jobs, served as BigQuery's anonymous result tables ({@code _dicombq_anon.anon_JOBID}): the
 * slow query path reads them with tabledata.list. The most recent results are kept in memory.
 */
final class QueryJobResults {
    static final String DATASET = "_dicombq_anon";
    private static final int KEPT = 200;

    private final Map<TableUri, QueryResult> results = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TableUri, QueryResult> eldest) {
            return size() > KEPT;
        }
    };

    static boolean isAnonymous(TableUri table) {
        return table.dataset().equals(DATASET);
    }

    static TableUri tableFor(String project, String jobId) {
        return new TableUri(project, DATASET, "anon_" + jobId);
    }

    synchronized void put(TableUri table, QueryResult result) {
        results.put(table, result);
    }

    synchronized QueryResult get(TableUri table) {
        QueryResult result = results.get(table);
        if (result == null) {
            throw new DicombqException(Code.NOT_FOUND, "Not found: Table " + Resources.tableId(table)
                    + " (query results are kept in memory for the " + KEPT + " most recent queries)");
        }
        return result;
    }

    ObjectNode tableResource(TableUri table) {
        QueryResult result = get(table);
        return Resources.table(table, result.schema(), result.rows().size(), null);
    }

    /** A page of rows as f/v cells into {@code into}: rows, totalRows, and pageToken when more follow. */
    static void page(QueryResult result, long startIndex, long maxResults, TimestampFormat timestamps, ObjectNode into) {
        List<Row> rows = result.rows();
        into.put("totalRows", Long.toString(rows.size()));
        int from = (int) Math.min(startIndex, rows.size());
        int to = (int) Math.min(rows.size(), from + maxResults);
        if (to > from) {
            ArrayNode list = into.putArray("rows");
            for (Row row : rows.subList(from, to)) {
                list.add(WireValues.toCells(result.schema().columns(), row, timestamps));
            }
        }
        if (to < rows.size()) {
            into.put("pageToken", Integer.toString(to));
        }
    }
}
