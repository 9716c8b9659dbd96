package io.dicombq.pipeline.beam;

import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceRowMapper;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

import java.time.Instant;

/**
 * Reads one listed instance and flattens it with the domain's {@link InstanceRowMapper}, the same code as the
 * single-node export. An instance that cannot be read or converted goes to {@link #FAILED} as its operation log line
 * and the export goes on (specification 5); one the filter file does not select is dropped uncounted (specification 4).
 */
final class MapInstanceFn extends DoFn<String, MappedInstance> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<MappedInstance> MAPPED = new TupleTag<>() {
    };
    static final TupleTag<String> FAILED = new TupleTag<>() {
    };

    private final ExportSpec spec;
    private final Counter failed = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.FAILED);
    private final Counter unselected = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.UNSELECTED);
    private transient InstanceSelector selector;
    private transient InstanceRowMapper mapper;

    MapInstanceFn(ExportSpec spec) {
        this.spec = spec;
    }

    @Setup
    public void setup() {
        selector = spec.selector();
        mapper = InstanceRowMapper.standard();
    }

    @ProcessElement
    public void process(@Element String resourceName, MultiOutputReceiver out) {
        try {
            DicomInstance instance = InstanceReading.read(spec, resourceName);
            // A folder store can only filter after reading the UIDs, so the selector is checked again here.
            if (!selector.selects(instance.studyInstanceUid(), instance.seriesInstanceUid(), instance.sopInstanceUid())) {
                unselected.inc();
                return;
            }
            // The JSON layout's LastUpdated is when the export read the instance, as on a single node.
            FlattenedInstance mapped = mapper.map(instance, spec.flattenOptions(), Instant.now());
            out.get(MAPPED).output(MappedInstance.of(resourceName, mapped.row(), mapped.schema()));
        } catch (DicombqException e) {
            fail(resourceName, e.error(), out);
        } catch (RuntimeException e) {
            fail(resourceName, RpcError.of(Code.INTERNAL, "dicombq could not convert this instance: " + e), out);
        }
    }

    private void fail(String resourceName, RpcError error, MultiOutputReceiver out) {
        failed.inc();
        out.get(FAILED).output(new InstanceFailure(resourceName, error).jsonLine());
    }
}
