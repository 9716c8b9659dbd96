package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.application.file.UncachedInput;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Where a load job's data is: the uploaded file, or the files its {@code sourceUris} name. The emulator has no Cloud
 * Storage, so a source URI is a file on this machine, as a path or a {@code file:} URI (what Apache Beam's BigQueryIO
 * sends with a local temp location); a gzip-compressed file is read decompressed, as BigQuery reads gzip sources.
 */
final class LoadSources {
    private static final int GZIP_MAGIC = 0x8b1f;

    private LoadSources() {
    }

    static List<Path> of(JsonNode sourceUris) {
        if (sourceUris == null || !sourceUris.isArray() || sourceUris.isEmpty()) {
            throw new DicombqException(Code.UNIMPLEMENTED, "the dicombq BigQuery emulator loads uploaded data or local"
                    + " files named in configuration.load.sourceUris; this load job has neither");
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode uri : sourceUris) {
            files.add(file(uri.asText("")));
        }
        return files;
    }

    private static Path file(String uri) {
        if (uri.startsWith("gs://")) {
            throw new DicombqException(Code.UNIMPLEMENTED, "source URI " + uri + ": the dicombq BigQuery emulator has no"
                    + " Cloud Storage; name a file on the emulator's machine (a path or a file: URI)");
        }
        if (uri.contains("*")) {
            throw new DicombqException(Code.UNIMPLEMENTED, "source URI " + uri + ": wildcards are not supported by the"
                    + " dicombq BigQuery emulator; list each file");
        }
        Path file;
        try {
            file = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw WireValues.invalid("source URI " + uri + " is not a file path or file: URI: " + e.getMessage());
        }
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            throw new DicombqException(Code.NOT_FOUND, "Not found: URI " + uri + " (no such file on the emulator's"
                    + " machine; source URIs are absolute paths)");
        }
        // Refused before the job exists, as BigQuery refuses an object it may not read: a client can still upload it.
        if (!Files.isReadable(file)) {
            throw new DicombqException(Code.PERMISSION_DENIED, "Access Denied: URI " + uri + " (the emulator may not"
                    + " read this file; upload its data instead)");
        }
        return file;
    }

    /** The file's bytes, decompressed when it starts with gzip's magic number (RFC 1952 2.3.1). */
    static InputStream open(Path file) throws IOException {
        // Read once, past the page cache: an upload was written that way (UploadEndpoints), and filling new page-cache
        // pages cost more than reading the disk (docs/BENCHMARKS.md, session 18).
        InputStream in = new BufferedInputStream(UncachedInput.open(file), 8192);
        in.mark(2);
        int magic = in.read() | (in.read() << 8);
        in.reset();
        if (magic == GZIP_MAGIC) {
            in = new GZIPInputStream(in);
        }
        return in;
    }

    static long size(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new DicombqException(Code.INTERNAL, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return total;
    }
}
