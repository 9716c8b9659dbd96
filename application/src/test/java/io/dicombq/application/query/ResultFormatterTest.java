package io.dicombq.application.query;

import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFormatterTest {
    private static final TableSchema SCHEMA = TableSchema.of(
            Column.of("path", ColumnType.STRING, Mode.NULLABLE),
            Column.of("n", ColumnType.INTEGER, Mode.NULLABLE),
            Column.of("tags", ColumnType.STRING, Mode.REPEATED),
            Column.record("name", Mode.NULLABLE, List.of(Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE))));

    private static QueryResult result() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("path", "/studies/1.2");
        first.put("n", 9007199254740993L);
        first.put("tags", List.of("A", "B"));
        first.put("name", Row.of(Map.of("FamilyName", "Doe, \"Jr\"")));
        return new QueryResult(SCHEMA, List.of(Row.of(first), Row.of(Map.of("path", "/studies/3"))));
    }

    @Test
    void jsonHasIntegersAsStringsAndNestedValuesAsObjectsAndArrays() {
        StringBuilder out = new StringBuilder();
        ResultFormatter.json(result(), out, false);

        assertThat(out.toString()).isEqualTo("[{\"path\":\"/studies/1.2\",\"n\":\"9007199254740993\",\"tags\":[\"A\",\"B\"],"
                + "\"name\":{\"FamilyName\":\"Doe, \\\"Jr\\\"\"}},{\"path\":\"/studies/3\",\"n\":null,\"tags\":[],\"name\":null}]\n");
    }

    @Test
    void csvQuotesWhenNeededAndCanOmitTheHeader() {
        StringBuilder withHeader = new StringBuilder();
        StringBuilder bare = new StringBuilder();
        ResultFormatter.csv(result(), withHeader, true);
        ResultFormatter.csv(new QueryResult(TableSchema.of(Column.of("f0_", ColumnType.STRING, Mode.NULLABLE)),
                List.of(Row.of(Map.of("f0_", "/studies/1")), Row.of(Map.of("f0_", "/studies/2")))), bare, false);

        assertThat(withHeader.toString()).isEqualTo("path,n,tags,name\n"
                + "/studies/1.2,9007199254740993,\"[\"\"A\"\",\"\"B\"\"]\",\"{\"\"FamilyName\"\":\"\"Doe, \\\"\"Jr\\\"\"\"\"}\"\n"
                + "/studies/3,,[],\n");
        assertThat(bare.toString()).isEqualTo("/studies/1\n/studies/2\n");
    }

    @Test
    void tableAlignsColumnsAndShowsNull() {
        StringBuilder out = new StringBuilder();
        ResultFormatter.table(new QueryResult(TableSchema.of(Column.of("x", ColumnType.STRING, Mode.NULLABLE),
                Column.of("count", ColumnType.INTEGER, Mode.NULLABLE)),
                List.of(Row.of(Map.of("x", "long value", "count", 2L)), Row.of(Map.of()))), out);

        assertThat(out.toString()).isEqualTo(""
                + "+------------+-------+\n"
                + "| x          | count |\n"
                + "+------------+-------+\n"
                + "| long value | 2     |\n"
                + "| NULL       | NULL  |\n"
                + "+------------+-------+\n");
    }

    @Test
    void floatsNumericsAndBooleansAreWrittenAsCastAsStringDoes() {
        assertThat(BigQueryText.of(1.0)).isEqualTo("1");
        assertThat(BigQueryText.of(0.1)).isEqualTo("0.1");
        assertThat(BigQueryText.of(1e20)).isEqualTo("1e+20");
        assertThat(BigQueryText.of(123456789.0)).isEqualTo("123456789");
        assertThat(BigQueryText.of(1.0 / 3)).isEqualTo("0.33333333333333331");
        assertThat(BigQueryText.of(0.0001)).isEqualTo("0.0001");
        assertThat(BigQueryText.of(0.00001)).isEqualTo("1e-05");
        assertThat(BigQueryText.of(Double.NaN)).isEqualTo("nan");
        assertThat(BigQueryText.of(true)).isEqualTo("true");
        assertThat(BigQueryText.of(new java.math.BigDecimal("12.500000000"))).isEqualTo("12.5");
    }
}
