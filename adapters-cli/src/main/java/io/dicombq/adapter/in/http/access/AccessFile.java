package io.dicombq.adapter.in.http.access;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's access file (JSON): who may call it and which folders its stores may read.
 * <pre>
 * {"principals": [{"name": "alice@example.com",
 *                  "tokenSha256": "hex SHA-256 of the bearer token",
 *                  "bindings": [{"role": "roles/healthcare.dicomEditor",
 *                                "resource": "projects/P/locations/L/datasets/D"}]}],
 *  "folderRoots": ["/srv/dicom"],
 *  "dicomWebRoots": ["http://pacs.example:8042/dicom-web"]}
 * </pre>
 * Tokens themselves are never written down: only their digests. Stores may read only the folder roots and the
 * DICOMweb roots listed (none without any).
 */
public record AccessFile(AccessControl accessControl, List<Path> folderRoots, List<String> dicomWebRoots) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public AccessFile {
        folderRoots = List.copyOf(folderRoots);
        dicomWebRoots = List.copyOf(dicomWebRoots);
    }

    public static AccessFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw invalid(file, "cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "must hold a JSON object with \"principals\" and optionally \"folderRoots\"");
        }
        known(file, root, "", Set.of("principals", "folderRoots", "dicomWebRoots"));
        Map<String, Principal> byDigest = new HashMap<>();
        int index = 0;
        for (JsonNode principal : array(file, root, "principals")) {
            String at = "principals[" + index++ + "]";
            known(file, principal, at, Set.of("name", "tokenSha256", "bindings"));
            String name = text(file, principal, at, "name");
            String digest = text(file, principal, at, "tokenSha256").toLowerCase(java.util.Locale.ROOT);
            if (!digest.matches("[0-9a-f]{64}")) {
                throw invalid(file, at + ".tokenSha256 is not 64 hex digits; compute it with: printf %s \"$TOKEN\" | sha256sum");
            }
            List<Binding> bindings = new ArrayList<>();
            int bindingIndex = 0;
            for (JsonNode binding : array(file, principal, "bindings")) {
                String bindingAt = at + ".bindings[" + bindingIndex++ + "]";
                known(file, binding, bindingAt, Set.of("role", "resource"));
                ApiRole role;
                try {
                    role = ApiRole.parse(text(file, binding, bindingAt, "role"));
                } catch (DicombqException e) {
                    throw invalid(file, bindingAt + ": " + e.getMessage());
                }
                String resource = text(file, binding, bindingAt, "resource");
                if (!resource.startsWith("projects/")) {
                    throw invalid(file, bindingAt + ".resource '" + resource
                            + "' is not a resource name such as projects/P/locations/L/datasets/D");
                }
                bindings.add(new Binding(role, resource));
            }
            if (byDigest.put(digest, new Principal(name, bindings)) != null) {
                throw invalid(file, at + " has the same token as another principal");
            }
        }
        if (byDigest.isEmpty()) {
            throw invalid(file, "has no principals: nobody could call the server");
        }
        List<Path> roots = new ArrayList<>();
        if (root.has("folderRoots")) {
            for (JsonNode folder : array(file, root, "folderRoots")) {
                if (!folder.isTextual()) {
                    throw invalid(file, "folderRoots must list folder paths as strings");
                }
                roots.add(Path.of(folder.textValue()));
            }
        }
        List<String> dicomWebRoots = new ArrayList<>();
        if (root.has("dicomWebRoots")) {
            for (JsonNode url : array(file, root, "dicomWebRoots")) {
                if (!url.isTextual()) {
                    throw invalid(file, "dicomWebRoots must list DICOMweb base URLs as strings");
                }
                dicomWebRoots.add(url.textValue());
            }
            try {
                DicomWebAllowList.of(dicomWebRoots);
            } catch (DicombqException e) {
                throw invalid(file, "dicomWebRoots: " + e.getMessage());
            }
        }
        return new AccessFile(AccessControl.of(byDigest), roots, dicomWebRoots);
    }

    private static void known(Path file, JsonNode node, String at, Set<String> fields) {
        if (!node.isObject()) {
            throw invalid(file, (at.isEmpty() ? "the top level" : at) + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw invalid(file, "unknown field \"" + name + "\"" + (at.isEmpty() ? "" : " in " + at) + "; known: " + fields);
            }
        }
    }

    private static Iterable<JsonNode> array(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(file, "\"" + field + "\" must be a JSON array");
        }
        return value;
    }

    private static String text(Path file, JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw invalid(file, at + "." + field + " must be a non-empty string");
        }
        return value.textValue();
    }

    private static DicombqException invalid(Path file, String problem) {
        return new DicombqException(Code.INVALID_ARGUMENT, "access file " + file + " " + problem);
    }
}
