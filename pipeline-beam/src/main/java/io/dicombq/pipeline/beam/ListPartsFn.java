package io.dicombq.pipeline.beam;

import org.apache.beam.sdk.transforms.DoFn;

import java.util.stream.Stream;

/**
 * Splits a store's listing into parts that workers list in parallel (a DICOMweb store's studies, pruned by the filter
 * file, specification 4); a store that cannot be listed at all fails the pipeline, as it fails a single-node export.
 */
final class ListPartsFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final ExportSpec spec;

    ListPartsFn(ExportSpec spec) {
        this.spec = spec;
    }

    @ProcessElement
    public void process(@Element String source, OutputReceiver<String> out) {
        try (Stream<String> parts = StoreAccess.store(source).listingParts(spec.selector())) {
            parts.forEach(out::output);
        }
    }
}
