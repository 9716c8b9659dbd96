package io.dicombq.adapter.out.dicom.web;

import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A DICOM store behind a DICOMweb service: instances are listed with QIDO-RS, level by level (studies, then
 * each selected study's series, then each selected series' instances), so a filter prunes whole studies and
 * series before any request about them; metadata is read per instance with WADO-RS.
 */
public final class DicomWebStore implements DicomStore {
    /** Matches asked for per QIDO-RS page. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private final DicomWebClient client;
    private final DicomJsonReader json;
    private final int pageSize;

    public DicomWebStore(DicomWebEndpoint endpoint, HttpClient http, RetryPolicy retry, Sleeper sleeper, Clock clock,
                         Duration requestTimeout, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.client = new DicomWebClient(Objects.requireNonNull(endpoint, "endpoint"), http, retry, sleeper, clock,
                requestTimeout);
        this.json = new DicomJsonReader(DataDictionary.standard());
        this.pageSize = pageSize;
    }

    /** How long a connection may take to open; an unreachable server then counts as a connection failure. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one request may wait for its whole answer before it counts as failed (and is retried). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A store with the standard retry policy, real waiting and a fresh HTTP client. */
    public static DicomWebStore connect(DicomWebEndpoint endpoint) {
        // a redirect could lead outside the servers allowed, or carry the bearer token there: none is followed
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new DicomWebStore(endpoint, http, RetryPolicy.standard(), Sleeper.real(), Clock.systemUTC(),
                REQUEST_TIMEOUT, DEFAULT_PAGE_SIZE);
    }

    public DicomWebEndpoint endpoint() {
        return client.endpoint();
    }

    @Override
    public Stream<InstanceHandle> instances(InstanceSelector selector) {
        return listingParts(selector).flatMap(study -> series(selector, study));
    }

    /** The selected studies' UIDs: each study's series and instances can be listed apart, in parallel. */
    @Override
    public Stream<String> listingParts(InstanceSelector selector) {
        return QidoSearch.uids(client, json, "/studies", Tag.STUDY_INSTANCE_UID, pageSize)
                .filter(selector::mightSelectStudy);
    }

    /** The instances of one study {@link #listingParts} named. */
    @Override
    public Stream<InstanceHandle> instances(String study, InstanceSelector selector) {
        return series(selector, study);
    }

    private Stream<InstanceHandle> series(InstanceSelector selector, String study) {
        return QidoSearch.uids(client, json, "/studies/" + segment(study) + "/series", Tag.SERIES_INSTANCE_UID, pageSize)
                .filter(series -> selector.mightSelectSeries(study, series))
                .flatMap(series -> instances(selector, study, series));
    }

    private Stream<InstanceHandle> instances(InstanceSelector selector, String study, String series) {
        String path = "/studies/" + segment(study) + "/series/" + segment(series) + "/instances";
        return QidoSearch.uids(client, json, path, Tag.SOP_INSTANCE_UID, pageSize)
                .filter(instance -> selector.selects(study, series, instance))
                .map(instance -> new DicomWebInstanceHandle(client, json, study, series, instance));
    }

    /** An instance this store listed, by its {@code <root>/studies/S/series/R/instances/I} name. */
    @Override
    public InstanceHandle handle(String resourceName) {
        String prefix = client.endpoint().root() + "/studies/";
        String[] parts = resourceName.startsWith(prefix) ? resourceName.substring(prefix.length()).split("/", -1)
                : new String[0];
        if (parts.length != 5 || !parts[1].equals("series") || !parts[3].equals("instances")) {
            throw new DicombqException(Code.INVALID_ARGUMENT, resourceName + " is not an instance of " + this
                    + "; expected " + prefix + "S/series/R/instances/I");
        }
        return new DicomWebInstanceHandle(client, json, decode(parts[0]), decode(parts[2]), decode(parts[4]));
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // UIDs are digits and dots (PS3.5 9.1), but a server's answer goes into a URL only once escaped
    static String segment(String uid) {
        return URLEncoder.encode(uid, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "DICOMweb store " + client.endpoint();
    }
}
