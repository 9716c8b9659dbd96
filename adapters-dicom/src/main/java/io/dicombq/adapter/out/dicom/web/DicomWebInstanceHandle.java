package io.dicombq.adapter.out.dicom.web;

import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.util.ArrayList;
import java.util.List;

/** One instance a QIDO-RS search listed; {@link #read()} fetches its WADO-RS metadata (PS3.18 10.4.1.1.2). */
final class DicomWebInstanceHandle implements InstanceHandle {
    /** DICOMweb does not tell an instance's stored size without sending the whole instance. */
    static final long UNKNOWN_SIZE = -1;

    private final DicomWebClient client;
    private final DicomJsonReader json;
    private final String study;
    private final String series;
    private final String instance;

    DicomWebInstanceHandle(DicomWebClient client, DicomJsonReader json, String study, String series, String instance) {
        this.client = client;
        this.json = json;
        this.study = study;
        this.series = series;
        this.instance = instance;
    }

    private String path() {
        return "/studies/" + DicomWebStore.segment(study) + "/series/" + DicomWebStore.segment(series)
                + "/instances/" + DicomWebStore.segment(instance);
    }

    @Override
    public String resourceName() {
        return client.endpoint().root() + path();
    }

    @Override
    public DicomInstance read() {
        DicomWebClient.Reply reply;
        try {
            reply = client.get(path() + "/metadata");
        } catch (DicomWebClient.UnreachableException e) {
            throw new DicombqException(RpcError.of(Code.UNAVAILABLE, "reading " + resourceName() + "/metadata: server unreachable after "
                    + e.attempts() + " attempts (" + e.getMessage() + "): check that it is still running"), e);
        }
        if (!reply.ok()) {
            throw DicomWebErrors.instance(resourceName(), reply);
        }
        List<DicomDataset> datasets;
        try {
            datasets = json.readDatasets(reply.body());
        } catch (DicomJsonReader.MalformedDicomJson e) {
            throw DicomWebErrors.malformed("metadata of " + resourceName(), reply.uri(), e.getMessage());
        }
        if (datasets.size() != 1) {
            throw DicomWebErrors.malformed("metadata of " + resourceName(), reply.uri(),
                    "expected one data set, found " + datasets.size());
        }
        DicomInstance read = split(datasets.get(0));
        requireSameUids(read);
        return read;
    }

    // PS3.10 7.1: group 0002 is file meta information; a server that sends it gets it kept apart, like a file's
    private DicomInstance split(DicomDataset all) {
        List<DataElement> meta = new ArrayList<>();
        List<DataElement> body = new ArrayList<>(all.size());
        for (DataElement element : all) {
            (element.tag().isFileMeta() ? meta : body).add(element);
        }
        DicomDataset fileMeta = meta.isEmpty() ? DicomDataset.empty() : DicomDataset.of(meta);
        DicomDataset dataset = meta.isEmpty() ? all : DicomDataset.of(body);
        return new DicomInstance(resourceName(), fileMeta, dataset, UNKNOWN_SIZE);
    }

    private void requireSameUids(DicomInstance read) {
        if (!study.equals(read.studyInstanceUid()) || !series.equals(read.seriesInstanceUid())
                || !instance.equals(read.sopInstanceUid())) {
            throw new DicombqException(Code.DATA_LOSS, "metadata of " + resourceName() + " describes another instance ("
                    + read.dicomWebPath() + "): the server's index and its stored data disagree; check the server");
        }
    }

    @Override
    public String toString() {
        return resourceName();
    }
}
