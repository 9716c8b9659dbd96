package io.dicombq.pipeline.beam;

import io.dicombq.application.port.out.InstanceHandle;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

import java.util.stream.Stream;

/**
 * Lists one part of the store ({@link ListPartsFn}: a DICOMweb study's series and instances, or a whole folder),
 * pruned by the filter file as early as the store can (specification 4), and emits each instance's resource name; a
 * part that cannot be listed fails the pipeline, as a store that cannot be listed fails a single-node export.
 */
final class ListInstancesFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final ExportSpec spec;
    private final Counter listed = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.LISTED);

    ListInstancesFn(ExportSpec spec) {
        this.spec = spec;
    }

    @ProcessElement
    public void process(@Element String part, OutputReceiver<String> out) {
        try (Stream<InstanceHandle> handles = StoreAccess.store(spec.storeSource()).instances(part, spec.selector())) {
            handles.forEach(handle -> {
                listed.inc();
                out.output(handle.resourceName());
            });
        }
    }
}
