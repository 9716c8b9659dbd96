package io.dicombq.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.in.http.access.ApiPermission;
import io.dicombq.adapter.in.http.access.SourceConfinement;
import io.dicombq.adapter.in.http.access.Principal;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationJson;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Healthcare-API-shaped HTTP API: routes a request, authenticates and authorizes it, calls the use case and
 * writes its JSON, or the Google error envelope with the matching HTTP status.
 */
final class ApiHandler extends Handler.Abstract {
    /** The largest request body accepted; an export request is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String JSON = "application/json; charset=UTF-8";

    private final HealthcareApi api;
    private final AccessControl access;
    private final SourceConfinement sources;
    private final Consumer<String> accessLog;

    ApiHandler(HealthcareApi api, AccessControl access, SourceConfinement sources, Consumer<String> accessLog) {
        this.api = api;
        this.access = access;
        this.sources = sources;
        this.accessLog = accessLog;
    }

    /** A JSON answer, or a stream copied to the client as it is read (an operation's log). */
    private record Reply(int status, String contentType, byte[] body, InputStream stream) {
        static Reply json(String json) {
            return new Reply(200, JSON, json.getBytes(StandardCharsets.UTF_8), null);
        }

        static Reply error(RpcError error) {
            return new Reply(error.code().httpStatus(), JSON,
                    ErrorEnvelope.json(error).getBytes(StandardCharsets.UTF_8), null);
        }

        static Reply streamed(String contentType, InputStream stream) {
            return new Reply(200, contentType, null, stream);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        String who = "-";
        Reply reply;
        try {
            // as Google's APIs: who is calling is settled first (401), then whether the method exists (404)
            Principal principal = access.authenticate(Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
            who = principal.name();
            ApiRoute.Match match = ApiRoute.match(method, path).orElseThrow(() -> new DicombqException(Code.NOT_FOUND,
                    "No method " + method + " " + path + " in this API; see docs/http-api.md for the paths it serves"));
            match.requireValidNames();
            reply = dispatch(match, principal, request);
        } catch (DicombqException e) {
            reply = Reply.error(e.error());
        } catch (RuntimeException e) {
            reply = Reply.error(RpcError.of(Code.INTERNAL, "Internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "; see the server's log"));
            accessLog.accept("internal error on " + method + " " + path + ": " + e);
        }
        // the access log names the principal, never the token
        accessLog.accept(method + " " + path + " " + reply.status() + " " + who);
        UnreadBodies.drain(request);
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        if (reply.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"dicombq\"");
        }
        if (reply.stream() == null) {
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
        try (InputStream in = reply.stream(); OutputStream out = Content.Sink.asOutputStream(response)) {
            in.transferTo(out);
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e);
        }
        return true;
    }

    private Reply dispatch(ApiRoute.Match match, Principal principal, Request request) {
        return switch (match.route()) {
            case LIST_DATASETS -> Reply.json(datasets(page(request, api.stores().datasets().stream()
                    .filter(dataset -> within(dataset, match.ids()[0], match.ids()[1]))
                    // a caller sees the datasets whose stores it may list, as with a filtered datasets.list
                    .filter(dataset -> principal.may(ApiPermission.DICOM_STORES_LIST, dataset))
                    .toList(), name -> name, "projects/" + match.ids()[0] + "/locations/" + match.ids()[1] + "/datasets")));
            case EXPORT -> export(match, principal, request);
            case CREATE_STORE -> createStore(match, principal, request);
            case LIST_STORES -> {
                AccessControl.authorize(principal, ApiPermission.DICOM_STORES_LIST, match.datasetName());
                ListPage<DicomStoreDefinition> page = page(request, api.stores().list(match.ids()[0], match.ids()[1],
                        match.ids()[2]), store -> store.name().toString(), match.datasetName() + "/dicomStores");
                yield Reply.json(stores(page));
            }
            case GET_STORE -> {
                AccessControl.authorize(principal, ApiPermission.DICOM_STORES_GET, match.store().toString());
                yield Reply.json(store(api.stores().get(match.store())));
            }
            case DELETE_STORE -> {
                AccessControl.authorize(principal, ApiPermission.DICOM_STORES_DELETE, match.store().toString());
                api.stores().delete(match.store());
                yield Reply.json("{}");
            }
            case LIST_OPERATIONS -> {
                AccessControl.authorize(principal, ApiPermission.OPERATIONS_LIST, match.datasetName());
                ListPage<Operation> page = page(request, api.listOperations().list(match.ids()[0], match.ids()[1],
                        match.ids()[2]), operation -> operation.name().toString(), match.datasetName() + "/operations");
                yield Reply.json(operations(page));
            }
            case GET_OPERATION -> {
                AccessControl.authorize(principal, ApiPermission.OPERATIONS_GET, match.operation().toString());
                yield Reply.json(OperationJson.compact(api.getOperation().get(match.operation())));
            }
            case CANCEL_OPERATION -> {
                AccessControl.authorize(principal, ApiPermission.OPERATIONS_CANCEL, match.operation().toString());
                StrictJson.requireKnownFields(StrictJson.object(body(request)), "", Set.of());
                api.cancelOperation().cancel(match.operation());
                yield Reply.json("{}"); // operations.cancel answers google.protobuf.Empty
            }
            case OPERATION_LOG -> {
                AccessControl.authorize(principal, ApiPermission.OPERATIONS_GET, match.operation().toString());
                api.getOperation().get(match.operation()); // NOT_FOUND for an unknown operation
                yield Reply.streamed("application/x-ndjson; charset=UTF-8", api.logs().open(match.operation()));
            }
        };
    }

    private Reply export(ApiRoute.Match match, Principal principal, Request request) {
        DicomStoreName store = match.store();
        AccessControl.authorize(principal, ApiPermission.DICOM_STORES_EXPORT, store.toString());
        ExportRequestJson body = ExportRequestJson.parse(body(request));
        // a store registered from the command line may name any source: the server only reads what it may
        sources.check(api.stores().get(store).source());
        body.filterUri().ifPresent(sources::checkFilterFile);
        Operation operation = api.export().export(new ExportRequest(new ExportRequest.RegisteredStore(store),
                body.tableUri(), body.options(), body.includeSourceStore(),
                body.layout(), body.filterUri()));
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject().name("name").value(operation.name().toString()).endObject();
        return Reply.json(out.toString());
    }

    private Reply createStore(ApiRoute.Match match, Principal principal, Request request) {
        AccessControl.authorize(principal, ApiPermission.DICOM_STORES_CREATE, match.datasetName());
        String storeId = Request.extractQueryParameters(request).getValue("dicomStoreId");
        if (storeId == null || storeId.isEmpty()) {
            throw StrictJson.invalid("dicomStoreId is required: POST …/dicomStores?dicomStoreId=STORE_ID");
        }
        DicomStoreName name = match.store(storeId);
        JsonNode body = StrictJson.object(body(request));
        // dicombq extension: "source" says where the store's instances are (a folder or a DICOMweb base URL)
        StrictJson.requireKnownFields(body, "", Set.of("name", "source"));
        String source = StrictJson.string(body, "source", "");
        if (source == null || source.isBlank()) {
            throw StrictJson.invalid("source is required: {\"source\": \"/path/to/folder\"} or"
                    + " {\"source\": \"http://host:8042/dicom-web\"} (a dicombq extension of the DicomStore resource)");
        }
        String bodyName = StrictJson.string(body, "name", "");
        if (bodyName != null && !bodyName.equals(name.toString())) {
            throw StrictJson.invalid("name '" + bodyName + "' does not match the store being created, " + name);
        }
        // the real path is stored, so the store keeps reading the folder that was checked; a URL must be allowed
        Path folder = sources.check(source);
        return Reply.json(store(api.stores().create(name, folder == null ? source : folder.toString())));
    }

    private byte[] body(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw StrictJson.invalid("Request body is larger than " + MAX_BODY_BYTES + " bytes; an export request"
                        + " is a small JSON object");
            }
            return body;
        } catch (IOException e) {
            throw StrictJson.invalid("Request body could not be read: " + e.getMessage());
        }
    }

    private static String store(DicomStoreDefinition store) {
        StringBuilder out = new StringBuilder();
        writeStore(store, JsonWriter.compact(out));
        return out.toString();
    }

    private static void writeStore(DicomStoreDefinition store, JsonWriter json) {
        json.beginObject().name("name").value(store.name().toString()).name("source").value(store.source()).endObject();
    }

    private static <T> ListPage<T> page(Request request, List<T> all, Function<T, String> nameOf, String collection) {
        Fields query = Request.extractQueryParameters(request);
        return ListPage.of(all, nameOf, collection, query.getValue("pageSize"), query.getValue("pageToken"));
    }

    // AIP-159: '-' in a parent collection reads across every project or location
    private static boolean within(String datasetName, String project, String location) {
        String[] parts = datasetName.split("/");
        return (project.equals("-") || parts[1].equals(project)) && (location.equals("-") || parts[3].equals(location));
    }

    private static String datasets(ListPage<String> page) {
        return listJson("datasets", page, (name, json) -> json.beginObject().name("name").value(name).endObject());
    }

    private static String stores(ListPage<DicomStoreDefinition> page) {
        return listJson("dicomStores", page, (store, json) -> writeStore(store, json));
    }

    private static String operations(ListPage<Operation> page) {
        return listJson("operations", page, OperationJson::write);
    }

    // a list response omits an empty repeated field and an empty nextPageToken, as proto3 JSON does
    private static <T> String listJson(String field, ListPage<T> page, BiConsumer<T, JsonWriter> writeItem) {
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out);
        json.beginObject();
        if (!page.items().isEmpty()) {
            json.name(field).beginArray();
            page.items().forEach(item -> writeItem.accept(item, json));
            json.endArray();
        }
        page.nextPageToken().ifPresent(token -> json.name("nextPageToken").value(token));
        json.endObject();
        return out.toString();
    }
}
