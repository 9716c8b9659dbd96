package io.dicombq.pipeline.beam;

import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

import java.util.HashSet;
import java.util.Set;

/**
 * The export's schema as a {@link Combine}: the union of every exported instance's schema with the domain's
 * {@link SchemaMerger}, the associative, order-independent merge the single-node export uses (a type conflict is
 * settled by its rule), starting from the columns every table of the layout has. Input and output are BigQuery schema
 * JSON; an accumulator skips the JSON of shapes it has already merged, as most instances of a series share one.
 */
final class SchemaUnionFn extends Combine.CombineFn<String, SchemaUnionFn.Union, String> {
    private static final long serialVersionUID = 1L;
    private final String baseSchemaJson;

    SchemaUnionFn(TableSchema base) {
        this.baseSchemaJson = SchemaJson.write(base);
    }

    /** The union so far, and the schema texts it already holds. */
    static final class Union {
        TableSchema schema;
        final Set<String> seen = new HashSet<>();

        Union(TableSchema schema) {
            this.schema = schema;
        }
    }

    @Override
    public Union createAccumulator() {
        return new Union(SchemaJson.parse(baseSchemaJson));
    }

    @Override
    public Union addInput(Union union, String schemaJson) {
        if (union.seen.add(schemaJson)) {
            union.schema = SchemaMerger.canonical().merge(union.schema, SchemaJson.parse(schemaJson));
        }
        return union;
    }

    @Override
    public Union mergeAccumulators(Iterable<Union> unions) {
        Union merged = createAccumulator();
        for (Union union : unions) {
            merged.schema = SchemaMerger.canonical().merge(merged.schema, union.schema);
            merged.seen.addAll(union.seen);
        }
        return merged;
    }

    @Override
    public String extractOutput(Union union) {
        return SchemaJson.write(union.schema);
    }

    @Override
    public Coder<Union> getAccumulatorCoder(CoderRegistry registry, Coder<String> inputCoder) {
        // Only the schema crosses workers; the texts seen are a per-worker shortcut.
        return DelegateCoder.of(StringUtf8Coder.of(), union -> SchemaJson.write(union.schema),
                json -> new Union(SchemaJson.parse(json)));
    }
}
