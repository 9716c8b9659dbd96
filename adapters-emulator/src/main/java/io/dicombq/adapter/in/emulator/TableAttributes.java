package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.destination.TableUri;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The descriptive table fields the warehouse does not store (description, labels, friendly name, expiration),
 * kept in memory and echoed back. Expiration is recorded, not enforced.
 */
final class TableAttributes {
    private static final String[] KEPT = {"description", "friendlyName", "labels", "expirationTime"};

    private final Map<TableUri, ObjectNode> attributes = new ConcurrentHashMap<>();

    void created(TableUri table, JsonNode resource) {
        ObjectNode kept = Resources.NODES.objectNode();
        copy(resource, kept);
        attributes.put(table, kept);
    }

    void patched(TableUri table, JsonNode resource) {
        copy(resource, attributes.computeIfAbsent(table, ignored -> Resources.NODES.objectNode()));
    }

    void deleted(TableUri table) {
        attributes.remove(table);
    }

    void datasetDeleted(String project, String dataset) {
        attributes.keySet().removeIf(table -> table.project().equals(project) && table.dataset().equals(dataset));
    }

    ObjectNode of(TableUri table) {
        return attributes.get(table);
    }

    private static void copy(JsonNode resource, ObjectNode kept) {
        for (String field : KEPT) {
            if (resource.has(field)) {
                kept.set(field, resource.get(field));
            }
        }
    }
}
