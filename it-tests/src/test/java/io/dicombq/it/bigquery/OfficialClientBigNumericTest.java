package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BIGNUMERIC through the unmodified google-cloud-bigquery client: a table column (scalar and REPEATED) written with
 * insertAll, rounded to 38 digits after the point and refused outside BIGNUMERIC's range, read back with
 * tabledata.list and with a query whose result columns are BIGNUMERIC, and a BIGNUMERIC query parameter.
 */
class OfficialClientBigNumericTest {
    /** BIGNUMERIC's largest value, (2^255 - 1) / 10^38 (BigQuery docs: decimal types). */
    private static final String MAX = "578960446186580977117854925043439539266.34992332820282019728792003956564819967";
    private static final Schema SCHEMA = Schema.of(
            Field.of("id", StandardSQLTypeName.INT64),
            Field.of("amount", StandardSQLTypeName.BIGNUMERIC),
            Field.newBuilder("parts", StandardSQLTypeName.BIGNUMERIC).setMode(Field.Mode.REPEATED).build());

    private EmulatorFixture fixture;
    private BigQuery bigQuery;
    private final TableId table = TableId.of(EmulatorFixture.PROJECT, "wide", "amounts");

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        bigQuery = fixture.client();
        bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "wide")));
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        InsertAllResponse response = bigQuery.insertAll(InsertAllRequest.newBuilder(table)
                .addRow(row(1, "1.50", List.of("0.1", "2")))
                .addRow(row(2, MAX, List.of()))
                // 40 digits after the point: rounded half away from zero to 38
                .addRow(row(3, "-0.0000000000000000000000000000000000000150", List.of("12345678901234567890123456789012345678.9")))
                .build());
        assertThat(response.hasErrors()).isFalse();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static Map<String, Object> row(long id, String amount, List<String> parts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("amount", amount);
        row.put("parts", parts);
        return row;
    }

    @Test
    void theTableKeepsBigNumericColumns() {
        assertThat(bigQuery.getTable(table).getDefinition().getSchema().getFields().get("amount").getType())
                .isEqualTo(LegacySQLTypeName.BIGNUMERIC);
        List<FieldValueList> rows = new ArrayList<>();
        bigQuery.listTableData(table, SCHEMA).iterateAll().forEach(rows::add);
        rows.sort((a, b) -> Long.compare(a.get("id").getLongValue(), b.get("id").getLongValue()));
        assertThat(rows.get(0).get("amount").getStringValue()).isEqualTo("1.5");
        assertThat(rows.get(0).get("parts").getRepeatedValue()).extracting(v -> v.getNumericValue())
                .containsExactly(new BigDecimal("0.1"), new BigDecimal("2"));
        assertThat(rows.get(1).get("amount").getNumericValue()).isEqualTo(new BigDecimal(MAX));
        assertThat(rows.get(2).get("amount").getStringValue()).isEqualTo("-0.00000000000000000000000000000000000002");
        assertThat(rows.get(2).get("parts").getRepeatedValue().get(0).getStringValue())
                .isEqualTo("12345678901234567890123456789012345678.9");
    }

    @Test
    void aValueOutsideTheRangeIsARowError() {
        InsertAllResponse response = bigQuery.insertAll(InsertAllRequest.newBuilder(table)
                .addRow(row(4, "578960446186580977117854925043439539267", List.of())).build());
        assertThat(response.hasErrors()).isTrue();
        assertThat(response.getInsertErrors().get(0L).get(0).getMessage()).contains("outside the range of BIGNUMERIC");
    }

    @Test
    void queryResultColumnsAreBigNumeric() throws InterruptedException {
        TableResult result = bigQuery.query(QueryJobConfiguration.newBuilder(
                        "SELECT id, amount * 2 AS doubled, amount / @divisor AS shared, SUM(amount) OVER () AS total,"
                                + " CAST(amount AS STRING) AS text FROM `wide.amounts` WHERE id <> 2 ORDER BY id")
                .addNamedParameter("divisor", QueryParameterValue.bigNumeric(new BigDecimal("3")))
                .build());
        assertThat(result.getSchema().getFields().get("doubled").getType()).isEqualTo(LegacySQLTypeName.BIGNUMERIC);
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("doubled").getNumericValue()).isEqualTo(new BigDecimal("3"));
        assertThat(rows.get(0).get("shared").getStringValue()).isEqualTo("0.5");
        assertThat(rows.get(1).get("shared").getStringValue()).isEqualTo("-0.00000000000000000000000000000000000001");
        assertThat(rows.get(0).get("total").getStringValue()).isEqualTo("1.49999999999999999999999999999999999998");
        assertThat(rows.get(1).get("text").getStringValue()).isEqualTo("-0.00000000000000000000000000000000000002");
    }

    @Test
    void positionalParametersAreBoundInOrder() throws InterruptedException {
        TableResult result = bigQuery.query(QueryJobConfiguration.newBuilder(
                        "SELECT id, amount / ? AS shared FROM `wide.amounts` WHERE id = ?")
                .addPositionalParameter(QueryParameterValue.bigNumeric(new BigDecimal("3")))
                .addPositionalParameter(QueryParameterValue.int64(1L))
                .build());
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("shared").getStringValue()).isEqualTo("0.5");
    }

    @Test
    void overflowFailsTheQuery() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bigQuery.query(QueryJobConfiguration.of(
                        "SELECT amount + 1 FROM `wide.amounts` WHERE id = 2")))
                .hasMessageContaining("BIGNUMERIC overflow");
    }
}
