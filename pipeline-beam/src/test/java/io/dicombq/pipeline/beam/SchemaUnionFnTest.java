package io.dicombq.pipeline.beam;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Combine's union is the single node's: whatever the split into accumulators and the order of inputs, the
 * result is SchemaMerger's merge of the base and every schema (a type conflict settled by its rule).
 */
class SchemaUnionFnTest {
    private static final TableSchema BASE = TableSchema.of(Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
    private static final TableSchema A = TableSchema.of(Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("PatientName", ColumnType.STRING, Mode.NULLABLE));
    private static final TableSchema B = TableSchema.of(Column.of("Rows", ColumnType.STRING, Mode.NULLABLE),
            Column.of("Columns", ColumnType.INTEGER, Mode.NULLABLE));
    private static final TableSchema C = TableSchema.of(Column.of("PatientName", ColumnType.STRING, Mode.REPEATED));

    @Test
    void theUnionDoesNotDependOnSplitOrOrder() {
        SchemaUnionFn union = new SchemaUnionFn(BASE);
        String expected = SchemaJson.write(SchemaMerger.canonical().mergeAll(List.of(BASE, A, B, C)));

        SchemaUnionFn.Union one = union.createAccumulator();
        for (TableSchema schema : List.of(A, B, C, A)) {
            union.addInput(one, SchemaJson.write(schema));
        }
        SchemaUnionFn.Union left = union.addInput(union.createAccumulator(), SchemaJson.write(C));
        SchemaUnionFn.Union right = union.addInput(union.addInput(union.createAccumulator(), SchemaJson.write(B)),
                SchemaJson.write(A));

        assertThat(union.extractOutput(one)).isEqualTo(expected);
        assertThat(union.extractOutput(union.mergeAccumulators(List.of(left, right)))).isEqualTo(expected);
        assertThat(union.extractOutput(union.mergeAccumulators(List.of(right, left)))).isEqualTo(expected);
        assertThat(union.extractOutput(union.createAccumulator()))
                .as("no instance: the layout's base columns").isEqualTo(SchemaJson.write(BASE));
    }
}
