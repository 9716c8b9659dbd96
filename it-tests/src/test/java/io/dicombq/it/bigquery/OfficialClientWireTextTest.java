package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import com.google.api.gax.paging.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 items 1 and 3 through the unmodified google-cloud-bigquery client: every type's cell text as BigQuery
 * sends it (TIME {@code HH:MM:SS[.ffffff]}, the only lengths Google's clients take), and paged listings.
 */
class OfficialClientWireTextTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("wake", StandardSQLTypeName.TIME),
            Field.of("local", StandardSQLTypeName.DATETIME),
            Field.of("day", StandardSQLTypeName.DATE),
            Field.of("at", StandardSQLTypeName.TIMESTAMP),
            Field.of("amount", StandardSQLTypeName.NUMERIC),
            Field.of("raw", StandardSQLTypeName.BYTES),
            Field.of("doc", StandardSQLTypeName.JSON),
            Field.of("x", StandardSQLTypeName.FLOAT64),
            Field.newBuilder("codes", StandardSQLTypeName.STRUCT,
                    Field.of("code", StandardSQLTypeName.STRING),
                    Field.newBuilder("times", StandardSQLTypeName.TIME).setMode(Field.Mode.REPEATED).build())
                    .setMode(Field.Mode.REPEATED).build());

    private EmulatorFixture fixture;
    private BigQuery bigQuery;
    private final TableId table = TableId.of(EmulatorFixture.PROJECT, "wire", "types");

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        bigQuery = fixture.client();
        bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "wire")));
        bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("wake", "07:30:00");
        first.put("local", "2020-01-02T03:04:05");
        first.put("day", "2020-01-02");
        first.put("at", "2020-01-02 03:04:05.123456 UTC");
        first.put("amount", "1.50");
        first.put("raw", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2}));
        first.put("doc", "{\"a\":[1,2]}");
        first.put("x", "NaN");
        first.put("codes", List.of(Map.of("code", "c1", "times", List.of("20:40:54", "00:00:00.000001"))));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("wake", "06:00:00.500000");
        second.put("local", "2020-01-02 03:04:05.25");
        second.put("x", "-Infinity");
        assertThat(bigQuery.insertAll(InsertAllRequest.newBuilder(table).addRow(first).addRow(second).build())
                .hasErrors()).isFalse();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void tabledataListCellsAreBigQuerysText() {
        List<FieldValueList> rows = new ArrayList<>();
        bigQuery.listTableData(table, SCHEMA, BigQuery.TableDataListOption.pageSize(1)).iterateAll().forEach(rows::add);
        assertRows(rows);
    }

    @Test
    void queryResultCellsAreBigQuerysText() throws InterruptedException {
        TableResult result = bigQuery.query(QueryJobConfiguration.of(
                "SELECT wake, local, day, `at`, amount, raw, doc, x, codes FROM `wire.types` ORDER BY wake DESC"));
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        assertRows(rows);
    }

    private static void assertRows(List<FieldValueList> rows) {
        assertThat(rows).hasSize(2);
        FieldValueList first = rows.get(0);
        assertThat(first.get("wake").getStringValue()).isEqualTo("07:30:00");
        assertThat(first.get("local").getStringValue()).isEqualTo("2020-01-02T03:04:05");
        assertThat(first.get("day").getStringValue()).isEqualTo("2020-01-02");
        assertThat(first.get("at").getTimestampInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05.123456Z"));
        assertThat(first.get("amount").getNumericValue()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(first.get("amount").getStringValue()).isEqualTo("1.5");
        assertThat(first.get("raw").getBytesValue()).containsExactly(0, 1, 2);
        assertThat(first.get("doc").getStringValue()).isEqualTo("{\"a\":[1,2]}");
        assertThat(first.get("x").getDoubleValue()).isNaN();
        FieldValue code = first.get("codes").getRepeatedValue().get(0);
        assertThat(code.getRecordValue().get(0).getStringValue()).isEqualTo("c1");
        assertThat(code.getRecordValue().get(1).getRepeatedValue()).extracting(FieldValue::getStringValue)
                .containsExactly("20:40:54", "00:00:00.000001");
        FieldValueList second = rows.get(1);
        assertThat(second.get("wake").getStringValue()).isEqualTo("06:00:00.500000");
        assertThat(second.get("local").getStringValue()).isEqualTo("2020-01-02T03:04:05.250000");
        assertThat(second.get("x").getDoubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(second.get("at").isNull()).isTrue();
        assertThat(second.get("codes").getRepeatedValue()).isEmpty();
    }

    @Test
    void datasetAndTableListingsArePaged() {
        for (int i = 0; i < 4; i++) {
            bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "more" + i)));
            bigQuery.create(TableInfo.of(TableId.of(EmulatorFixture.PROJECT, "wire", "t" + i), StandardTableDefinition.of(SCHEMA)));
        }
        Page<Dataset> firstPage = bigQuery.listDatasets(BigQuery.DatasetListOption.pageSize(2));
        assertThat(firstPage.getValues()).hasSize(2);
        assertThat(firstPage.getNextPageToken()).isNotEmpty();
        List<String> datasets = new ArrayList<>();
        firstPage.iterateAll().forEach(d -> datasets.add(d.getDatasetId().getDataset()));
        assertThat(datasets).containsExactlyInAnyOrder("wire", "more0", "more1", "more2", "more3");
        List<String> tables = new ArrayList<>();
        bigQuery.listTables(DatasetId.of(EmulatorFixture.PROJECT, "wire"), BigQuery.TableListOption.pageSize(2))
                .iterateAll().forEach(t -> tables.add(t.getTableId().getTable()));
        assertThat(tables).containsExactlyInAnyOrder("types", "t0", "t1", "t2", "t3");
    }
}
