package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;

/** datasets.get / insert / delete / list. */
final class DatasetEndpoints {
    private static final String BASE = "/bigquery/v2/projects/{project}/datasets";

    private final H2Warehouse warehouse;
    private final TableAttributes attributes;

    DatasetEndpoints(H2Warehouse warehouse, TableAttributes attributes) {
        this.warehouse = warehouse;
        this.attributes = attributes;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("POST", BASE, this::insert),
                Route.of("GET", BASE + "/{dataset}", this::get),
                Route.of("DELETE", BASE + "/{dataset}", this::delete));
    }

    private ApiResponse get(ApiRequest request) {
        String project = request.part("project");
        String dataset = request.part("dataset");
        if (!warehouse.datasetExists(project, dataset)) {
            throw Resources.datasetNotFound(project, dataset);
        }
        return ApiResponse.ok(Resources.dataset(project, dataset));
    }

    private ApiResponse insert(ApiRequest request) {
        String project = request.part("project");
        JsonNode body = request.json();
        Resources.refuse(body, "dataset", "access", "defaultTableExpirationMs", "defaultPartitionExpirationMs",
                "defaultEncryptionConfiguration", "externalDatasetReference", "linkedDatasetSource");
        JsonNode reference = body.path("datasetReference");
        String dataset = reference.path("datasetId").asText("");
        String referenceProject = reference.path("projectId").asText(project);
        if (!referenceProject.equals(project)) {
            throw WireValues.invalid("datasetReference.projectId " + referenceProject
                    + " does not match the project in the URL, " + project);
        }
        Resources.checkDatasetId(dataset);
        String location = body.path("location").asText(Resources.LOCATION);
        if (!location.equalsIgnoreCase(Resources.LOCATION)) {
            throw new DicombqException(Code.UNIMPLEMENTED, "the dicombq BigQuery emulator has one location, "
                    + Resources.LOCATION + "; dataset location " + location + " is not supported");
        }
        if (warehouse.datasetExists(project, dataset)) {
            throw new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Dataset " + project + ":" + dataset);
        }
        warehouse.createDataset(project, dataset);
        return ApiResponse.ok(Resources.dataset(project, dataset));
    }

    private ApiResponse delete(ApiRequest request) {
        String project = request.part("project");
        String dataset = request.part("dataset");
        boolean deleteContents = "true".equalsIgnoreCase(request.param("deleteContents"));
        warehouse.deleteDataset(project, dataset, deleteContents);
        attributes.datasetDeleted(project, dataset);
        return ApiResponse.noContent();
    }

    private ApiResponse list(ApiRequest request) {
        String project = request.part("project");
        ObjectNode body = Resources.NODES.objectNode();
        body.put("kind", "bigquery#datasetList");
        Paging.Page<String> page = Paging.page(request, "datasets " + project, warehouse.listDatasets(project));
        if (page.nextPageToken() != null) {
            body.put("nextPageToken", page.nextPageToken());
        }
        if (!page.items().isEmpty()) {
            ArrayNode list = body.putArray("datasets");
            for (String dataset : page.items()) {
                ObjectNode entry = list.addObject();
                entry.put("kind", "bigquery#dataset");
                entry.put("id", project + ":" + dataset);
                entry.set("datasetReference", Resources.datasetReference(project, dataset));
                entry.put("location", Resources.LOCATION);
            }
        }
        return ApiResponse.ok(body);
    }
}
