package io.dicombq.adapter.in.http;

import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.HealthcareDatasetName;
import io.dicombq.domain.operation.OperationName;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The methods of the HTTP API: an HTTP method and a path shape, and the resource names the path holds. */
enum ApiRoute {
    LIST_DATASETS("GET", "/v1/" + Shapes.LOCATION + "/datasets", Resource.LOCATION),
    EXPORT("POST", "/v1/" + Shapes.STORE + ":export", Resource.STORE),
    CREATE_STORE("POST", "/v1/" + Shapes.DATASET + "/dicomStores", Resource.DATASET),
    LIST_STORES("GET", "/v1/" + Shapes.DATASET + "/dicomStores", Resource.DATASET),
    GET_STORE("GET", "/v1/" + Shapes.STORE, Resource.STORE),
    DELETE_STORE("DELETE", "/v1/" + Shapes.STORE, Resource.STORE),
    LIST_OPERATIONS("GET", "/v1/" + Shapes.DATASET + "/operations", Resource.DATASET),
    GET_OPERATION("GET", "/v1/" + Shapes.OPERATION, Resource.OPERATION),
    CANCEL_OPERATION("POST", "/v1/" + Shapes.OPERATION + ":cancel", Resource.OPERATION),
    OPERATION_LOG("GET", "/logs/" + Shapes.OPERATION, Resource.OPERATION);

    /** What the path's IDs name. */
    private enum Resource { LOCATION, DATASET, STORE, OPERATION }

    /** Where an operation's log is served: this prefix, then the operation's name. */
    static final String LOGS_PREFIX = "/logs/";

    private final String method;
    private final Pattern path;
    private final Resource resource;

    ApiRoute(String method, String path, Resource resource) {
        this.method = method;
        this.path = Pattern.compile(path);
        this.resource = resource;
    }

    private static final class Shapes {
        static final String ID = "([^/:]+)";
        static final String LOCATION = "projects/" + ID + "/locations/" + ID;
        static final String DATASET = LOCATION + "/datasets/" + ID;
        static final String STORE = DATASET + "/dicomStores/" + ID;
        static final String OPERATION = DATASET + "/operations/" + ID;
    }

    /** A request matched to its route, with the path's IDs. */
    record Match(ApiRoute route, String[] ids) {
        /** INVALID_ARGUMENT for an ID that no Healthcare resource can have (e.g. a 2,000-character project ID). */
        void requireValidNames() {
            switch (route.resource) {
                case LOCATION -> HealthcareDatasetName.requireListParent(ids[0], ids[1]);
                case DATASET -> new HealthcareDatasetName(ids[0], ids[1], ids[2]);
                case STORE -> store();
                case OPERATION -> operation();
            }
        }

        String datasetName() {
            return "projects/" + ids[0] + "/locations/" + ids[1] + "/datasets/" + ids[2];
        }

        DicomStoreName store() {
            return new DicomStoreName(ids[0], ids[1], ids[2], ids[3]);
        }

        DicomStoreName store(String storeId) {
            return new DicomStoreName(ids[0], ids[1], ids[2], storeId);
        }

        OperationName operation() {
            return new OperationName(ids[0], ids[1], ids[2], ids[3]);
        }
    }

    /** The route of a method and (decoded) path; empty when no method of the API has that shape. */
    static Optional<Match> match(String method, String path) {
        for (ApiRoute route : values()) {
            Matcher matcher = route.path.matcher(path);
            if (route.method.equals(method) && matcher.matches()) {
                String[] ids = new String[matcher.groupCount()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = matcher.group(i + 1);
                }
                return Optional.of(new Match(route, ids));
            }
        }
        return Optional.empty();
    }
}
