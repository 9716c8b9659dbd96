package io.dicombq.adapter.in.http;

import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.in.http.access.BigQueryApiAccess;
import io.dicombq.adapter.in.http.access.Principal;
import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.DicombqException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The BigQuery REST API on the Healthcare API's server and origin, under the same access file: authenticates and
 * authorizes each call ({@link BigQueryApiAccess}), answers projects.list, and hands the rest to the emulator.
 */
public final class BigQueryApiHandler extends Handler.Abstract {
    private static final String PROJECTS = "/bigquery/v2/projects";

    private final Handler emulator;
    private final Supplier<List<String>> projects;
    private AccessControl access = AccessControl.open();
    private Consumer<String> accessLog = line -> { };

    /**
     * @param emulator the BigQuery REST API over the warehouse
     * @param projects the projects that hold warehouse datasets, sorted
     */
    public BigQueryApiHandler(Handler emulator, Supplier<List<String>> projects) {
        super(InvocationType.BLOCKING);
        this.emulator = emulator;
        this.projects = projects;
    }

    /** The server's access control and access log, the Healthcare API's. */
    BigQueryApiHandler guardedBy(AccessControl access, Consumer<String> accessLog) {
        this.access = access;
        this.accessLog = accessLog;
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Principal principal;
        try {
            principal = access.authenticate(Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
            BigQueryApiAccess.authorize(principal, method, path);
        } catch (DicombqException e) {
            accessLog.accept(method + " " + path + " " + e.error().code().httpStatus() + " -");
            UnreadBodies.drain(request);
            return reply(response, callback, e.error().code().httpStatus(), ErrorEnvelope.json(e.error()));
        }
        boolean handled = path.equals(PROJECTS) && method.equals("GET")
                ? reply(response, callback, 200, projectList(principal))
                : emulator.handle(request, response, callback);
        // like the Healthcare API's lines: the principal's name, never its token
        accessLog.accept(method + " " + path + " " + response.getStatus() + " " + principal.name());
        return handled;
    }

    // projects.list (BigQuery REST v2): the projects with warehouse datasets that the caller has a role in
    private String projectList(Principal principal) {
        List<String> visible = projects.get().stream().filter(project -> BigQueryApiAccess.sees(principal, project)).toList();
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out);
        json.beginObject().name("kind").value("bigquery#projectList").name("projects").beginArray();
        for (String project : visible) {
            json.beginObject().name("kind").value("bigquery#project").name("id").value(project)
                    .name("projectReference").beginObject().name("projectId").value(project).endObject()
                    .name("friendlyName").value(project).endObject();
        }
        json.endArray().name("totalItems").value(visible.size()).endObject();
        return out.toString();
    }

    private static boolean reply(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
        if (status == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"dicombq\"");
        }
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
