package io.dicombq.pipeline.beam;

import com.google.api.services.bigquery.model.TableRow;
import io.dicombq.domain.flatten.InstanceRowMapper;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The export as a Beam graph: list the store (its parts, such as a DICOMweb store's studies, in parallel) or match a
 * file pattern, spread the names over workers, read and flatten each instance (the
 * domain's mapper), merge the schemas with a Combine, conform every row to the merged schema, and load the rows
 * into the staging table with BigQueryIO's FILE_LOADS. The merged table schema and the failed instances' log lines
 * are written under the work directory for the driver, which commits (one copy job) only after the pipeline ends
 * and has left its done marker (the count of exported rows).
 */
final class ExportGraph {
    private ExportGraph() {
    }

    static void build(Pipeline pipeline, ExportSpec spec) {
        boolean spread = !pipeline.getOptions().getRunner().getSimpleName().equals("DirectRunner");
        PCollection<String> source = pipeline.apply("Store", Create.of(spec.storeSource()).withCoder(StringUtf8Coder.of()));
        PCollection<String> names;
        if (spec.files() != null) {
            names = source.apply("Match files", ParDo.of(new MatchFilesFn(spec.files())));
        } else {
            PCollection<String> parts = source.apply("List parts", ParDo.of(new ListPartsFn(spec)));
            if (spread) {
                parts = parts.apply("Spread parts", Reshuffle.viaRandomKey());
            }
            names = parts.apply("List instances", ParDo.of(new ListInstancesFn(spec)));
        }
        if (spread) {
            // Each listing comes out of one worker; a reshuffle spreads the reads over all of them. The direct runner
            // has one worker and would pay for a bundle per instance.
            names = names.apply("Spread", Reshuffle.viaRandomKey());
        }
        PCollectionTuple mapped = names.apply("Read and flatten", ParDo.of(new MapInstanceFn(spec))
                .withOutputTags(MapInstanceFn.MAPPED, TupleTagList.of(MapInstanceFn.FAILED)));
        PCollection<MappedInstance> instances = mapped.get(MapInstanceFn.MAPPED).setCoder(new MappedInstance.Coder());
        PCollection<String> readFailures = mapped.get(MapInstanceFn.FAILED).setCoder(StringUtf8Coder.of());

        TableSchema base = InstanceRowMapper.baseSchema(spec.flattenOptions());
        PCollection<String> merged = instances
                .apply("Instance schemas", MapElements.into(TypeDescriptors.strings()).via(MappedInstance::schemaJson))
                .apply("Merge schemas", Combine.globally(new SchemaUnionFn(base)));
        PCollectionView<String> mergedView = merged.apply("Merged schema", View.asSingleton());

        PCollectionTuple conformed = instances.apply("Conform rows", ParDo.of(new ConformRowFn(mergedView))
                .withSideInputs(mergedView)
                .withOutputTags(ConformRowFn.ROWS, TupleTagList.of(ConformRowFn.DEAD_LETTER)));
        PCollection<TableRow> rows = conformed.get(ConformRowFn.ROWS).setCoder(TableRowJsonCoder.of());
        PCollection<String> deadLetters = conformed.get(ConformRowFn.DEAD_LETTER).setCoder(StringUtf8Coder.of());

        String existing = spec.existingSchemaJson();
        PCollection<String> tableSchema = merged.apply("Table schema", MapElements.into(TypeDescriptors.strings())
                .via(json -> existing == null ? json : SchemaJson.write(SchemaMerger.canonical()
                        .extend(SchemaJson.parse(existing), SchemaJson.parse(json)))));
        tableSchema.apply("Keep schema for the commit", ParDo.of(new WriteTextFileFn(spec.schemaFile())));
        String staging = spec.stagingTable();
        PCollectionView<Map<String, String>> schemas = tableSchema
                .apply("Staging schema", MapElements
                        .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                        .via(json -> KV.of(staging, "{\"fields\":" + json + "}")))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
                .apply("Staging schema view", View.asMap());

        WriteResult loaded = rows.apply("Load staging table", BigQueryIO.writeTableRows()
                .to(staging)
                .withSchemaFromView(schemas)
                .withMethod(BigQueryIO.Write.Method.FILE_LOADS)
                .withCreateDisposition(BigQueryIO.Write.CreateDisposition.CREATE_IF_NEEDED)
                .withWriteDisposition(BigQueryIO.Write.WriteDisposition.WRITE_APPEND));

        WriteFilesResult<Void> failureFiles = PCollectionList.of(readFailures).and(deadLetters)
                .apply("Failures", Flatten.pCollections())
                .apply("Keep failures for the log", TextIO.write().to(spec.failuresPrefix()).withSuffix(".ndjson")
                        .withOutputFilenames());

        // Written once the load and the failure files are complete: the driver's proof that the pipeline's work is
        // done, whatever the runner can still report about the job (an embedded Flink cluster is gone by then).
        rows.apply("Count exported", Count.globally())
                .apply("After load and failures", Wait.on(loaded.getSuccessfulTableLoads(),
                        failureFiles.getPerDestinationOutputFilenames()))
                .apply("Exported count", MapElements.into(TypeDescriptors.strings()).via(String::valueOf))
                .apply("Mark done", ParDo.of(new WriteTextFileFn(spec.doneFile())));
    }

    /** Writes its one input, a text, to a file any runner's workers and the driver can reach (Beam's FileSystems). */
    static final class WriteTextFileFn extends DoFn<String, Void> {
        private static final long serialVersionUID = 1L;
        private final String path;

        WriteTextFileFn(String path) {
            this.path = path;
        }

        @ProcessElement
        public void process(@Element String text) throws IOException {
            ResourceId file = FileSystems.matchNewResource(path, false);
            try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
