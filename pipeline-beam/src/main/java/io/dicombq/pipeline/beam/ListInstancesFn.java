package io.dicombq.pipeline.beam;

import io.dicombq.application.port.out.InstanceHandle;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

import java.util.stream.Stream;

/**
 * Lists the store (pruned by the filter file as early as the store can, specification 4) and emits each instance's
 * resource name; a store that cannot be listed fails the pipeline, as it fails a single-node export (specification 5).
 */
final class ListInstancesFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final ExportSpec spec;
    private final Counter listed = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.LISTED);

    ListInstancesFn(ExportSpec spec) {
        this.spec = spec;
    }

    @ProcessElement
    public void process(@Element String source, OutputReceiver<String> out) {
        try (Stream<InstanceHandle> handles = StoreAccess.store(source).instances(spec.selector())) {
            handles.forEach(handle -> {
                listed.inc();
                out.output(handle.resourceName());
            });
        }
    }
}
