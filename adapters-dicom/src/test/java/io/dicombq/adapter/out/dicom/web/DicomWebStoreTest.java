package io.dicombq.adapter.out.dicom.web;

import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.out.dicom.testing.FaultInjectingProxy;
import io.dicombq.adapter.out.dicom.testing.OrthancServer;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The DICOMweb store against a real Orthanc holding real corpus files, with pydicom as the oracle. */
class DicomWebStoreTest {
    private static final List<String> FILES = List.of(
            "CT_small.dcm", "MR_small.dcm", "JPEG-lossy.dcm", "ExplVR_BigEnd.dcm", "image_dfl.dcm", "rtplan.dcm",
            "test-SR.dcm", "waveform_ecg.dcm", "liver_1frame.dcm", "reportsi.dcm", "SC_jpeg_no_color_transform.dcm", "rtstruct.dcm",
            "../charset_files/chrGreek.dcm", "../charset_files/chrH31.dcm");

    private static OrthancServer orthanc;
    /** pydicom's reading of every file Orthanc kept (the first upload of each SOP Instance UID). */
    private static Map<String, PydicomCorpus.Reading> storedBySopUid;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Sleeper recordingSleeper = waits::add;

    @BeforeAll
    static void startOrthancWithCorpusFiles() {
        orthanc = OrthancServer.start();
        List<Path> files = FILES.stream().map(PydicomCorpus::file).toList();
        Map<Path, PydicomCorpus.Reading> oracle = PydicomCorpus.read(files);
        storedBySopUid = new LinkedHashMap<>();
        for (Path file : files) {
            assertThat(orthanc.upload(file).stored()).as("Orthanc stores %s", file).isTrue();
            storedBySopUid.putIfAbsent(oracle.get(file).sopInstanceUid(), oracle.get(file));
        }
    }

    @AfterAll
    static void stopOrthanc() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private DicomWebStore store(URI root, Optional<String> token, int pageSize) {
        return new DicomWebStore(new DicomWebEndpoint(root, token), HttpClient.newHttpClient(),
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(10)), recordingSleeper,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(30), pageSize);
    }

    private DicomWebStore store(int pageSize) {
        return store(orthanc.dicomWebRoot(), Optional.empty(), pageSize);
    }

    private static List<String> sopUids(DicomWebStore store, InstanceSelector selector) {
        try (Stream<InstanceHandle> handles = store.instances(selector)) {
            return handles.map(handle -> handle.resourceName().substring(handle.resourceName().lastIndexOf('/') + 1)).toList();
        }
    }

    @Nested
    class Listing {
        @Test
        void listsEveryStoredInstanceOnceWithItsDicomWebResourceName() {
            DicomWebStore store = store(DicomWebStore.DEFAULT_PAGE_SIZE);
            List<InstanceHandle> handles;
            try (Stream<InstanceHandle> stream = store.instances(InstanceSelector.all())) {
                handles = stream.toList();
            }
            assertThat(sopUids(store, InstanceSelector.all())).containsExactlyInAnyOrderElementsOf(storedBySopUid.keySet());
            PydicomCorpus.Reading ct = storedBySopUid.values().stream()
                    .filter(reading -> reading.path().endsWith("CT_small.dcm")).findFirst().orElseThrow();
            assertThat(handles).extracting(InstanceHandle::resourceName).contains(orthanc.dicomWebRoot() + "/studies/"
                    + ct.studyUid() + "/series/" + ct.seriesUid() + "/instances/" + ct.sopInstanceUid());
        }

        @Test
        void pagesOfOneFindTheSameInstancesAsOnePage() {
            assertThat(sopUids(store(1), InstanceSelector.all()))
                    .containsExactlyElementsOf(sopUids(store(DicomWebStore.DEFAULT_PAGE_SIZE), InstanceSelector.all()));
        }

        @Test
        void theSelectorPrunesStudiesAndSeriesBeforeTheyAreSearched() {
            PydicomCorpus.Reading wanted = storedBySopUid.values().iterator().next();
            List<String> seriesAsked = new CopyOnWriteArrayList<>();
            List<String> instancesAsked = new CopyOnWriteArrayList<>();
            InstanceSelector oneStudy = new InstanceSelector() {
                @Override
                public boolean selects(String study, String series, String sop) {
                    instancesAsked.add(study);
                    return true;
                }

                @Override
                public boolean mightSelectStudy(String study) {
                    return study.equals(wanted.studyUid());
                }

                @Override
                public boolean mightSelectSeries(String study, String series) {
                    seriesAsked.add(study);
                    return true;
                }
            };
            List<String> selected = sopUids(store(DicomWebStore.DEFAULT_PAGE_SIZE), oneStudy);

            Set<String> expected = storedBySopUid.values().stream().filter(r -> r.studyUid().equals(wanted.studyUid()))
                    .map(PydicomCorpus.Reading::sopInstanceUid).collect(Collectors.toSet());
            assertThat(selected).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(seriesAsked).isNotEmpty().containsOnly(wanted.studyUid());
            assertThat(instancesAsked).containsOnly(wanted.studyUid());
        }

        @Test
        void aSeriesTheSelectorRefusesIsNeverSearched() {
            try (FaultInjectingProxy proxy = new FaultInjectingProxy(orthanc.baseUri())) {
                InstanceSelector noSeries = new InstanceSelector() {
                    public boolean selects(String study, String series, String sop) {
                        return true;
                    }

                    public boolean mightSelectStudy(String study) {
                        return true;
                    }

                    public boolean mightSelectSeries(String study, String series) {
                        return false;
                    }
                };
                assertThat(sopUids(store(URI.create(proxy.uri() + "/dicom-web"), Optional.empty(), 100), noSeries)).isEmpty();
                assertThat(proxy.seen()).isNotEmpty().noneMatch(seen -> seen.pathAndQuery().contains("/instances"));
            }
        }
    }

    @Nested
    class Metadata {
        @Test
        void readsTheInstanceIntoTheElementModel() {
            DicomWebStore store = store(DicomWebStore.DEFAULT_PAGE_SIZE);
            DicomInstance ct = read(store, "CT_small.dcm");

            assertThat(ct.source()).startsWith(orthanc.dicomWebRoot() + "/studies/");
            assertThat(ct.fileMeta().isEmpty()).isTrue(); // ORTHANC.md 1: no file meta over DICOMweb
            assertThat(ct.dataset().get(Tag.parse("00100010")).value()).isEqualTo(Value.Text.of("CompressedSamples^CT1"));
            assertThat(ct.dataset().get(Tag.parse("00280010")).value()).isEqualTo(Value.Ints.of(128));
            DataElement position = ct.dataset().get(Tag.parse("00200032"));
            assertThat(position.vr()).isEqualTo(Vr.DS);
            assertThat(((Value.Text) position.value()).values()).extracting(BigDecimal::new)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("-158.135803"), new BigDecimal("-179.035797"), new BigDecimal("-75.699997"));
            DataElement privateElement = ct.dataset().get(Tag.parse("00091002"));
            assertThat(privateElement.privateCreator()).isEqualTo("GEMS_IDEN_01");
            assertThat(privateElement.value()).isEqualTo(Value.Text.of("CT01"));
            assertThat(ct.dataset().get(Tag.PIXEL_DATA).value()).isInstanceOf(Value.Bulk.class);
        }

        @Test
        void everyElementPydicomReadsComesBackEqualApartFromOrthancsDocumentedChanges() {
            DicomWebStore store = store(DicomWebStore.DEFAULT_PAGE_SIZE);
            Map<String, DicomInstance> bySop = new LinkedHashMap<>();
            try (Stream<InstanceHandle> handles = store.instances(InstanceSelector.all())) {
                handles.map(InstanceHandle::read).forEach(instance -> bySop.put(instance.sopInstanceUid(), instance));
            }
            assertThat(bySop.keySet()).containsExactlyInAnyOrderElementsOf(storedBySopUid.keySet());
            List<String> differences = new ArrayList<>();
            storedBySopUid.forEach((sop, reading) ->
                    compare(reading.path().getFileName() + " ", reading.dataset(), bySop.get(sop).dataset(), differences));
            assertThat(differences).isEmpty();
        }

        @Test
        void anInstanceDeletedAfterListingFailsAloneWithNotFound() {
            Path file = PydicomCorpus.file("rtdose.dcm");
            String orthancId = orthanc.upload(file).body().replaceAll("(?s).*\"ID\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String sop = PydicomCorpus.read(List.of(file)).get(file).sopInstanceUid();
            DicomWebStore store = store(DicomWebStore.DEFAULT_PAGE_SIZE);
            List<InstanceHandle> handles;
            try (Stream<InstanceHandle> stream = store.instances(InstanceSelector.all())) {
                handles = stream.toList();
            }
            assertThat(orthanc.send("DELETE", "/instances/" + orthancId)).isEqualTo(200);

            InstanceHandle gone = handles.stream().filter(h -> h.resourceName().endsWith(sop)).findFirst().orElseThrow();
            DicombqException error = catchThrowableOfType(DicombqException.class, gone::read);
            assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
            assertThat(error.getMessage()).contains(gone.resourceName()).contains("no longer on the server");
            assertThat(handles.stream().filter(h -> h != gone).map(InstanceHandle::read)).hasSize(storedBySopUid.size());
        }
    }

    @Nested
    class Failures {
        private FaultInjectingProxy proxy;

        @AfterEach
        void closeProxy() {
            if (proxy != null) {
                proxy.close();
            }
        }

        private DicomWebStore throughProxy(Optional<String> token) {
            proxy = new FaultInjectingProxy(orthanc.baseUri());
            return store(URI.create(proxy.uri() + "/dicom-web"), token, DicomWebStore.DEFAULT_PAGE_SIZE);
        }

        @Test
        void busyAndFailingAnswersAreRetriedWithExponentialBackoffHonouringRetryAfter() {
            DicomWebStore store = throughProxy(Optional.empty());
            proxy.script(FaultInjectingProxy.Fault.status(503), FaultInjectingProxy.Fault.retryAfter(429, "2"),
                    FaultInjectingProxy.Fault.status(502));
            assertThat(sopUids(store, InstanceSelector.all())).containsExactlyInAnyOrderElementsOf(sopUids(store(500), InstanceSelector.all()));
            // backoff 100 ms, then the server's 2 s (longer than our 200 ms), then 250 ms (the cap)
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(250));
        }

        @Test
        void aRetryAfterLongerThanWeWaitEndsTheRetriesWithResourceExhausted() {
            DicomWebStore store = throughProxy(Optional.empty());
            proxy.script(FaultInjectingProxy.Fault.retryAfter(429, "3600"));
            DicombqException error = catchThrowableOfType(DicombqException.class, () -> store.instances(InstanceSelector.all()));
            assertThat(error.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
            assertThat(error.getMessage()).contains("HTTP 429").contains("retry later");
            assertThat(waits).isEmpty();
        }

        @Test
        void persistentServerErrorsGiveUpAfterTheLastAttempt() {
            DicomWebStore store = throughProxy(Optional.empty());
            proxy.script(FaultInjectingProxy.Fault.status(500), FaultInjectingProxy.Fault.status(500),
                    FaultInjectingProxy.Fault.status(500), FaultInjectingProxy.Fault.status(500));
            DicombqException error = catchThrowableOfType(DicombqException.class, () -> store.instances(InstanceSelector.all()));
            assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
            assertThat(error.getMessage()).contains("HTTP 500").contains("/dicom-web/studies?limit=500&offset=0");
            assertThat(proxy.seen()).hasSize(4);
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
        }

        @Test
        void theBearerTokenIsSentOnEveryRequestButNeverShown() {
            DicomWebStore store = throughProxy(Optional.of("s3cr3t-token"));
            try (Stream<InstanceHandle> handles = store.instances(InstanceSelector.all())) {
                handles.limit(1).forEach(InstanceHandle::read);
            }
            assertThat(proxy.seen()).isNotEmpty().allMatch(seen -> "Bearer s3cr3t-token".equals(seen.authorization()));
            assertThat(store.toString()).doesNotContain("s3cr3t").contains("with bearer token");
            proxy.script(FaultInjectingProxy.Fault.status(401));
            DicombqException error = catchThrowableOfType(DicombqException.class, () -> store.instances(InstanceSelector.all()));
            assertThat(error.code()).isEqualTo(Code.UNAUTHENTICATED);
            assertThat(error.getMessage()).doesNotContain("s3cr3t").contains("the one given was refused");
        }

        @Test
        void forbiddenIsPermissionDenied() {
            DicomWebStore store = throughProxy(Optional.empty());
            proxy.script(FaultInjectingProxy.Fault.status(403));
            assertThatThrownBy(() -> store.instances(InstanceSelector.all())).isInstanceOf(DicombqException.class)
                    .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.PERMISSION_DENIED))
                    .hasMessageContaining("ask its administrator");
        }

        @Test
        void corruptMetadataFailsThatInstanceWithItsName() {
            DicomWebStore store = throughProxy(Optional.empty());
            proxy.corruptMetadata("[{\"00100010\": {\"vr\": \"PN\", \"Value\": [42]}}]");
            InstanceHandle handle;
            try (Stream<InstanceHandle> handles = store.instances(InstanceSelector.all())) {
                handle = handles.findFirst().orElseThrow();
            }
            DicombqException error = catchThrowableOfType(DicombqException.class, handle::read);
            assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(error.getMessage()).contains(handle.resourceName()).contains("(0010,0010)").contains("PS3.18 Annex F");
        }

        @Test
        void metadataLargerThanTheHeaderLimitFailsThatInstanceWithoutHoldingIt() {
            DicomWebStore store = throughProxy(Optional.empty());
            // valid JSON (an empty array padded with spaces) just past 64 MiB: read whole, it would be "no data set"
            proxy.corruptMetadata("[" + " ".repeat((int) ReadOptions.DEFAULT_MAX_HEADER_BYTES) + "]");
            InstanceHandle handle;
            try (Stream<InstanceHandle> handles = store.instances(InstanceSelector.all())) {
                handle = handles.findFirst().orElseThrow();
            }
            DicombqException error = catchThrowableOfType(DicombqException.class, handle::read);
            assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(error.getMessage()).contains(handle.resourceName()).contains("more than the limit of 64 MiB");
        }

        @Test
        void aWrongBaseUrlIsNotFoundWithAdvice() {
            DicombqException error = catchThrowableOfType(DicombqException.class,
                    () -> store(URI.create(orthanc.baseUri() + "/wado"), Optional.empty(), 10).instances(InstanceSelector.all()));
            assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
            assertThat(error.getMessage()).contains("HTTP 404").contains("check the base URL");
        }

        @Test
        void anUnreachableServerIsUnavailableAfterTheRetries() throws Exception {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            DicomWebStore store = store(URI.create("http://127.0.0.1:" + closedPort + "/dicom-web"), Optional.empty(), 10);
            DicombqException error = catchThrowableOfType(DicombqException.class, () -> store.instances(InstanceSelector.all()));
            assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
            assertThat(error.getMessage()).contains("127.0.0.1:" + closedPort).contains("unreachable after 4 attempts")
                    .contains("check that it is running");
            assertThat(waits).hasSize(3);
        }
    }

    private static DicomInstance read(DicomWebStore store, String fileName) {
        String sop = storedBySopUid.entrySet().stream().filter(e -> e.getValue().path().endsWith(fileName))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        try (Stream<InstanceHandle> handles = store.instances(InstanceSelector.all())) {
            return handles.filter(h -> h.resourceName().endsWith("/" + sop)).findFirst().orElseThrow().read();
        }
    }

    /** Compares pydicom's JSON of the file with what the store read, allowing only ORTHANC.md's server behaviours. */
    private static void compare(String where, JsonNode expected, DicomDataset actual, List<String> differences) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Tag tag = Tag.parse(field.getKey());
            Vr vr = Vr.parse(field.getValue().path("vr").asText());
            if (tag.isGroupLength() || tag.isFileMeta() || vr.isBinary() || vr == Vr.SV || vr == Vr.UV) {
                continue; // ORTHANC.md 1-2: absent or bulk data on the DICOMweb side
            }
            DataElement element = actual.get(tag);
            String at = where + tag;
            if (element == null) {
                differences.add(at + " missing");
                continue;
            }
            JsonNode values = field.getValue().path("Value");
            if (vr == Vr.SQ) {
                List<DicomDataset> items = ((Value.Items) element.value()).items();
                if (items.size() != values.size()) {
                    differences.add(at + " has " + items.size() + " items, pydicom " + values.size());
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    compare(at + "[" + i + "].", values.get(i), items.get(i), differences);
                }
            } else if (tag.equals(Tag.SPECIFIC_CHARACTER_SET) && values.path(0).asText("").isEmpty()
                    && sameValues(vr, values, prependEmpty(element.value()))) {
                continue; // ORTHANC.md 6: an empty first character set value is dropped
            } else if (!sameValues(vr, values, element.value())) {
                differences.add(at + " " + element.value() + " but pydicom " + values);
            }
        }
    }

    private static Value prependEmpty(Value text) {
        List<String> values = new ArrayList<>(List.of(""));
        values.addAll(((Value.Text) text).values());
        return new Value.Text(values);
    }

    private static boolean sameValues(Vr vr, JsonNode expected, Value actual) {
        List<String> want = new ArrayList<>();
        expected.forEach(value -> want.add(vr == Vr.PN && value.isObject() ? personName(value) : value.isNull() ? "" : value.asText()));
        List<String> got;
        if (actual instanceof Value.Text text) {
            got = text.values();
        } else if (actual instanceof Value.Ints ints) {
            got = java.util.Arrays.stream(ints.values())
                    .mapToObj(v -> vr == Vr.AT ? String.format("%08X", v) : Long.toString(v)).toList();
        } else if (actual instanceof Value.Floats floats) {
            got = java.util.Arrays.stream(floats.values()).mapToObj(Double::toString).toList();
        } else {
            got = List.of(actual.toString());
        }
        if (want.size() != got.size()) {
            // ORTHANC.md 4: an invalid IS/DS comes back as an empty list
            return (vr == Vr.IS || vr == Vr.DS) && got.isEmpty();
        }
        for (int i = 0; i < want.size(); i++) {
            if (!sameValue(vr, want.get(i), got.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Vr vr, String want, String got) {
        if (vr == Vr.IS || vr == Vr.DS || vr == Vr.FL || vr == Vr.FD) {
            return Double.parseDouble(want.strip()) == Double.parseDouble(got.strip()); // ORTHANC.md 5: numerically
        }
        return want.equals(got);
    }

    private static String personName(JsonNode name) {
        String text = name.path("Alphabetic").asText("") + "=" + name.path("Ideographic").asText("") + "="
                + name.path("Phonetic").asText("");
        return text.replaceAll("=+$", "");
    }
}
