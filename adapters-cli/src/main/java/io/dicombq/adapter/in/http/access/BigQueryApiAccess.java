package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call the BigQuery REST API that {@code dicombq serve} mounts beside the Healthcare API (docs/console.md):
 * reading a project's warehouse (listing, describing, querying) needs a role anywhere in that project; changing it
 * (datasets, tables, rows, load and copy jobs, uploads) needs roles/healthcare.dicomStoreAdmin on the project.
 */
public final class BigQueryApiAccess {
    private static final Pattern PROJECT_PATH = Pattern.compile("/(?:upload/)?bigquery/v2/projects/([^/]+)(/.*)?");
    // jobs.query and getQueryResults run a SELECT (the emulator runs no DML); GETs only read
    private static final Pattern READ_POST = Pattern.compile("/bigquery/v2/projects/[^/]+/queries");
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private BigQueryApiAccess() {
    }

    /** The project a BigQuery API path is about; empty for {@code /bigquery/v2/projects} itself. */
    public static Optional<String> project(String path) {
        Matcher matcher = PROJECT_PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** PERMISSION_DENIED unless the principal may make this call on the project of its path. */
    public static void authorize(Principal principal, String method, String path) {
        Optional<String> project = project(path);
        if (project.isEmpty()) {
            return; // projects.list: the answer holds only the projects the principal sees
        }
        String resource = "projects/" + project.get();
        boolean reads = READ_METHODS.contains(method) || (method.equals("POST") && READ_POST.matcher(path).matches());
        if (reads ? !sees(principal, project.get()) : !principal.may(ApiPermission.DICOM_STORES_CREATE, resource)) {
            throw new DicombqException(Code.PERMISSION_DENIED, "Permission to " + (reads ? "read" : "change")
                    + " the warehouse of " + resource + " denied for " + principal.name() + ": " + (reads
                    ? "it needs a role in the project" : "it needs roles/healthcare.dicomStoreAdmin on the project")
                    + "; ask the server's administrator for a binding in its access file");
        }
    }

    /** Whether the principal holds a role on the project, on something in it, or on every project. */
    public static boolean sees(Principal principal, String project) {
        String resource = "projects/" + project;
        return principal.bindings().stream().map(Binding::resource).anyMatch(bound -> bound.equals(resource)
                || bound.startsWith(resource + "/") || resource.startsWith(bound + "/"));
    }
}
