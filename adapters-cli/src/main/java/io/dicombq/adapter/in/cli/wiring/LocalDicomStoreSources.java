package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.dicom.folder.FolderDicomStore;
import io.dicombq.adapter.out.dicom.folder.StreamedPart10File;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.adapter.out.dicom.web.DicomWebEndpoint;
import io.dicombq.adapter.out.dicom.web.DicomWebStore;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Store sources: folders of Part 10 files, and DICOMweb services given by their base URL (the part before
 * {@code /studies}), with the bearer token of {@value #DICOMWEB_TOKEN_VARIABLE} when it is set, sent only to the
 * origin of {@value #DICOMWEB_TOKEN_ORIGIN_VARIABLE} when that is set.
 */
public final class LocalDicomStoreSources implements DicomStoreSources {
    /** Environment variable holding a bearer token for DICOMweb sources; kept out of store definitions and logs. */
    public static final String DICOMWEB_TOKEN_VARIABLE = "DICOMBQ_DICOMWEB_TOKEN";
    /** Environment variable naming the one origin (scheme, host, port) the token is for. */
    public static final String DICOMWEB_TOKEN_ORIGIN_VARIABLE = "DICOMBQ_DICOMWEB_TOKEN_ORIGIN";

    private final Optional<String> dicomWebToken;
    private final Optional<URI> tokenOrigin;

    public LocalDicomStoreSources() {
        this(Optional.ofNullable(System.getenv(DICOMWEB_TOKEN_VARIABLE)),
                Optional.ofNullable(System.getenv(DICOMWEB_TOKEN_ORIGIN_VARIABLE)));
    }

    public LocalDicomStoreSources(Optional<String> dicomWebToken) {
        this(dicomWebToken, Optional.empty());
    }

    public LocalDicomStoreSources(Optional<String> dicomWebToken, Optional<String> tokenOrigin) {
        this.dicomWebToken = dicomWebToken.filter(token -> !token.isBlank());
        this.tokenOrigin = tokenOrigin.filter(origin -> !origin.isBlank()).map(LocalDicomStoreSources::origin);
    }

    /**
     * Refuses a token that would go to services of several origins: a server allowed to read two organisations'
     * services must not hand one's credential to the other (RFC 6750 5.3: bearer tokens are bound to their audience).
     */
    public void requireTokenBoundTo(List<URI> allowedRoots) {
        if (dicomWebToken.isEmpty() || tokenOrigin.isPresent()) {
            return;
        }
        List<URI> origins = new ArrayList<>();
        for (URI root : allowedRoots) {
            if (origins.stream().noneMatch(origin -> DicomWebEndpoint.sameOrigin(origin, root))) {
                origins.add(root);
            }
        }
        if (origins.size() > 1) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "$" + DICOMWEB_TOKEN_VARIABLE + " is set and the allowed"
                    + " DICOMweb roots " + allowedRoots + " are on " + origins.size() + " origins, so the token would go to all"
                    + " of them: set $" + DICOMWEB_TOKEN_ORIGIN_VARIABLE + " to the one it is for (e.g. "
                    + originOf(origins.get(0)) + ")");
        }
    }

    /** The token for one source: none for a source on another origin than the token's. */
    private Optional<String> tokenFor(String source) {
        return dicomWebToken.filter(token -> tokenOrigin.isEmpty()
                || DicomWebEndpoint.sameOrigin(tokenOrigin.get(), DicomWebEndpoint.parse(source).root()));
    }

    private static URI origin(String text) {
        URI origin;
        try {
            origin = new URI(text.strip());
        } catch (URISyntaxException e) {
            origin = null;
        }
        if (origin == null || origin.getHost() == null
                || !("http".equalsIgnoreCase(origin.getScheme()) || "https".equalsIgnoreCase(origin.getScheme()))) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "$" + DICOMWEB_TOKEN_ORIGIN_VARIABLE + " '" + text
                    + "' is not an http(s) origin such as https://pacs.example:8443");
        }
        return origin;
    }

    private static String originOf(URI root) {
        return root.getScheme() + "://" + root.getRawAuthority();
    }

    public static boolean isDicomWeb(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    @Override
    public void check(String source) {
        if (isDicomWeb(source)) {
            DicomWebEndpoint.parse(source, tokenFor(source));
        } else {
            folder(source);
        }
    }

    @Override
    public DicomStore open(String source) {
        if (isDicomWeb(source)) {
            return DicomWebStore.connect(DicomWebEndpoint.parse(source, tokenFor(source)));
        }
        return new FolderDicomStore(folder(source), exportReader());
    }

    @Override
    public DicomInstance readFile(String resourceName, InputStream bytes, long sizeBytes, Instant lastModified) {
        return StreamedPart10File.read(exportReader(), resourceName, bytes, sizeBytes, lastModified);
    }

    private static Part10Reader exportReader() {
        return new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());
    }

    private static Path folder(String source) {
        Path folder;
        try {
            folder = Path.of(source);
        } catch (InvalidPathException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Store source '" + source + "' is not a valid path: " + e.getMessage());
        }
        if (!Files.isDirectory(folder)) {
            throw new DicombqException(Code.NOT_FOUND, "Store source folder " + folder.toAbsolutePath()
                    + " does not exist or is not a folder");
        }
        return folder;
    }
}
