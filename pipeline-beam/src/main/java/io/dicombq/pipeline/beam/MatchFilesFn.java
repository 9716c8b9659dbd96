package io.dicombq.pipeline.beam;

import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Lists a file pattern's Part 10 files (Beam's FileSystems) and emits each file's name; one bundle of names, spread
 * over the workers afterwards, rather than FileIO.match's bundle per file, which the direct runner pays dearly for.
 */
final class MatchFilesFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final FilePattern pattern;
    private final Counter listed = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.LISTED);

    MatchFilesFn(FilePattern pattern) {
        this.pattern = pattern;
    }

    @ProcessElement
    public void process(PipelineOptions options, OutputReceiver<String> out) {
        for (MatchResult.Metadata file : FileMatcher.match(pattern, options)) {
            listed.inc();
            out.output(file.resourceId().toString());
        }
    }
}
