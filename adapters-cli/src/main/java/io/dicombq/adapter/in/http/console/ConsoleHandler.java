package io.dicombq.adapter.in.http.console;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web console's files under {@code /console/}, read once from the jar: a page, its script and its style sheet.
 * The console holds no logic of the server's; it calls the same HTTP API as every other client (docs/console.md).
 */
public final class ConsoleHandler extends Handler.Abstract {
    /** Where the console lives; {@code /} redirects here. */
    public static final String PREFIX = "/console/";

    private record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> assets = Map.of(
            "", asset("index.html", "text/html; charset=UTF-8"),
            "console.js", asset("console.js", "text/javascript; charset=UTF-8"),
            "console.css", asset("console.css", "text/css; charset=UTF-8"));

    private static Asset asset(String file, String contentType) {
        try (InputStream in = ConsoleHandler.class.getResourceAsStream("/io/dicombq/console/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + file + " is missing from the jar");
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the console file " + file, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Asset asset = path.startsWith(PREFIX) ? assets.get(path.substring(PREFIX.length())) : null;
        if (asset == null || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            response.setStatus(asset == null ? 404 : 405);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
            response.write(true, ByteBuffer.wrap((asset == null ? "No console page " + path + "; the console starts at "
                    + PREFIX : "The console's files are read with GET").getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.contentType());
        // the files change with the jar; a browser revalidates rather than run an old script against a new API
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, request.getMethod().equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.bytes()), callback);
        return true;
    }
}
