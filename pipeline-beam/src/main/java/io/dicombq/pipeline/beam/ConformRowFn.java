package io.dicombq.pipeline.beam;

import com.google.api.services.bigquery.model.TableRow;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Fits each instance's row to the merged schema with the domain's {@link RowConformer} (as the single-node export
 * does before writing) and renders it as the JSON a load job reads. A row that cannot be conformed or rendered goes to
 * the dead-letter output {@link #DEAD_LETTER} as the instance's operation log line, and is not exported.
 */
final class ConformRowFn extends DoFn<MappedInstance, TableRow> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<TableRow> ROWS = new TupleTag<>() {
    };
    static final TupleTag<String> DEAD_LETTER = new TupleTag<>() {
    };

    private final PCollectionView<String> mergedSchema;
    private final Counter exported = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.EXPORTED);
    private final Counter failed = Metrics.counter(ExportMetrics.NAMESPACE, ExportMetrics.FAILED);
    private transient String parsedFrom;
    private transient TableSchema schema;

    ConformRowFn(PCollectionView<String> mergedSchema) {
        this.mergedSchema = mergedSchema;
    }

    @ProcessElement
    public void process(@Element MappedInstance instance, ProcessContext context) {
        String json = context.sideInput(mergedSchema);
        if (!json.equals(parsedFrom)) {
            schema = SchemaJson.parse(json);
            parsedFrom = json;
        }
        TableRow row;
        try {
            row = TableRows.of(RowConformer.conform(instance.row(), schema), schema.columns());
        } catch (DicombqException e) {
            deadLetter(instance, e.error(), context);
            return;
        } catch (RuntimeException e) {
            deadLetter(instance, RpcError.of(Code.INTERNAL, "the row of this instance does not fit the export's"
                    + " schema: " + e), context);
            return;
        }
        exported.inc();
        context.output(ROWS, row);
    }

    private void deadLetter(MappedInstance instance, RpcError error, ProcessContext context) {
        failed.inc();
        context.output(DEAD_LETTER, new InstanceFailure(instance.resourceName(), error).jsonLine());
    }
}
