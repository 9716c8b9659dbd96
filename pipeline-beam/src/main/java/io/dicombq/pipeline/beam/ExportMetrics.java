package io.dicombq.pipeline.beam;

import io.dicombq.domain.operation.OperationCounter;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** The pipeline's Beam counters and the operation counter they add up to (specification 2). */
final class ExportMetrics {
    static final String NAMESPACE = "dicombq";
    static final String LISTED = "listed";
    static final String EXPORTED = "exported";
    static final String FAILED = "failed";
    static final String UNSELECTED = "unselected";

    private ExportMetrics() {
    }

    /** success, failure, and pending as what was listed and not yet settled. */
    static OperationCounter counter(PipelineResult result) {
        long listed = read(result, LISTED);
        long exported = read(result, EXPORTED);
        long failed = read(result, FAILED);
        long unselected = read(result, UNSELECTED);
        return new OperationCounter(exported, failed, Math.max(0, listed - exported - failed - unselected));
    }

    private static long read(PipelineResult result, String name) {
        MetricQueryResults metrics;
        try {
            metrics = result.metrics().queryMetrics(MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(NAMESPACE, name)).build());
        } catch (RuntimeException e) {
            // A runner that cannot report metrics while running reports them at the end.
            return 0;
        }
        long total = 0;
        for (MetricResult<Long> counter : metrics.getCounters()) {
            Long value = attempted(counter);
            total += value == null ? 0 : value;
        }
        return total;
    }

    private static Long attempted(MetricResult<Long> counter) {
        try {
            return counter.getCommitted();
        } catch (UnsupportedOperationException e) {
            return counter.getAttempted();
        }
    }
}
