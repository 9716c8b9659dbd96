package io.dicombq.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.WriteDisposition;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code dicomStores.export} (ExportDicomDataRequest, specification 1) read strictly: unknown fields are
 * INVALID_ARGUMENT, as in the real API; what the values mean is the export use case's to check.
 */
record ExportRequestJson(String tableUri, DestinationOptions options, boolean includeSourceStore, Layout layout,
                         Optional<String> filterUri) {

    static ExportRequestJson parse(byte[] body) {
        JsonNode request = StrictJson.object(body);
        StrictJson.requireKnownFields(request, "", Set.of("bigqueryDestination", "filterConfig", "gcsDestination"));
        if (StrictJson.field(request, "gcsDestination") != null) {
            throw new DicombqException(Code.UNIMPLEMENTED, "gcsDestination is not supported by dicombq; export to BigQuery"
                    + " with bigqueryDestination.tableUri instead");
        }
        JsonNode destination = StrictJson.message(request, "bigqueryDestination", "");
        if (destination == null) {
            throw StrictJson.invalid("bigqueryDestination is required: give {\"bigqueryDestination\": {\"tableUri\":"
                    + " \"bq://PROJECT.DATASET.TABLE\"}}");
        }
        String at = "bigquery_destination";
        StrictJson.requireKnownFields(destination, at,
                Set.of("tableUri", "force", "writeDisposition", "includeSourceStore", "schemaFlattened", "schemaJson"));
        String tableUri = StrictJson.string(destination, "tableUri", at);
        if (tableUri == null || tableUri.isEmpty()) {
            throw StrictJson.invalid("bigqueryDestination.tableUri is required, e.g. bq://my-project.my_dataset.my_table");
        }
        String disposition = StrictJson.string(destination, "writeDisposition", at);
        DestinationOptions options = DestinationOptions.of(StrictJson.bool(destination, "force", at),
                disposition == null ? null : WriteDisposition.fromRestName(disposition));
        Boolean includeSourceStore = StrictJson.bool(destination, "includeSourceStore", at);
        return new ExportRequestJson(tableUri, options, Boolean.TRUE.equals(includeSourceStore), layout(destination, at),
                filterUri(request));
    }

    // specification 1: schemaFlattened and schemaJson are empty messages; at most one may be set, flattened is the default
    private static Layout layout(JsonNode destination, String at) {
        JsonNode flattened = StrictJson.message(destination, "schemaFlattened", at);
        JsonNode json = StrictJson.message(destination, "schemaJson", at);
        if (flattened != null) {
            StrictJson.requireKnownFields(flattened, at + ".schema_flattened", Set.of());
        }
        if (json != null) {
            StrictJson.requireKnownFields(json, at + ".schema_json", Set.of());
        }
        if (flattened != null && json != null) {
            throw StrictJson.invalid("bigqueryDestination sets both schemaFlattened and schemaJson; choose one table layout");
        }
        return json != null ? Layout.JSON : Layout.FLATTENED;
    }

    private static Optional<String> filterUri(JsonNode request) {
        JsonNode filter = StrictJson.message(request, "filterConfig", "");
        if (filter == null) {
            return Optional.empty();
        }
        StrictJson.requireKnownFields(filter, "filter_config", Set.of("resourcePathsGcsUri"));
        return Optional.ofNullable(StrictJson.string(filter, "resourcePathsGcsUri", "filter_config")).filter(uri -> !uri.isEmpty());
    }
}
