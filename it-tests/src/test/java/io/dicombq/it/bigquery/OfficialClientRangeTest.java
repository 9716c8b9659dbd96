package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldElementType;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Range;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RANGE result columns through the unmodified google-cloud-bigquery client: schema type RANGE with its
 * rangeElementType, cells in the canonical {@code [start, end)} text, which the client reads into its Range; a RANGE
 * table column is refused by name.
 */
class OfficialClientRangeTest {
    private EmulatorFixture fixture;
    private BigQuery bigQuery;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        bigQuery = fixture.client();
        bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "periods")));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void queryResultColumnsAreRanges() throws InterruptedException {
        TableResult result = bigQuery.query(QueryJobConfiguration.of("SELECT RANGE(DATE '2020-01-01', DATE '2020-12-31') AS year,"
                + " RANGE<DATETIME> '[2021-03-01 08:00:00.5, UNBOUNDED)' AS open_end,"
                + " RANGE_INTERSECT(RANGE<TIMESTAMP> '[UNBOUNDED, 2021-03-01 10:00:00+01)', RANGE<TIMESTAMP> '[UNBOUNDED, UNBOUNDED)') AS stamps"));
        FieldList fields = result.getSchema().getFields();
        assertThat(fields.get("year").getType()).isEqualTo(LegacySQLTypeName.RANGE);
        assertThat(fields.get("year").getRangeElementType().getType()).isEqualTo("DATE");
        assertThat(fields.get("open_end").getRangeElementType().getType()).isEqualTo("DATETIME");
        assertThat(fields.get("stamps").getRangeElementType().getType()).isEqualTo("TIMESTAMP");
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        assertThat(rows).hasSize(1);
        // the client reads the cell's "[start, end)" text into its Range, an UNBOUNDED end as a NULL value
        Range year = rows.get(0).get("year").getRangeValue();
        assertThat(year.getStart().getStringValue()).isEqualTo("2020-01-01");
        assertThat(year.getEnd().getStringValue()).isEqualTo("2020-12-31");
        Range openEnd = rows.get(0).get("open_end").getRangeValue();
        assertThat(openEnd.getStart().getStringValue()).isEqualTo("2021-03-01 08:00:00.500");
        assertThat(openEnd.getEnd().isNull()).isTrue();
        Range stamps = rows.get(0).get("stamps").getRangeValue();
        assertThat(stamps.getStart().isNull()).isTrue();
        assertThat(stamps.getEnd().getStringValue()).isEqualTo("2021-03-01 09:00:00+00");
    }

    @Test
    void orderingByARangeIsRefusedByName() {
        assertThatThrownBy(() -> bigQuery.query(QueryJobConfiguration.of(
                "SELECT r FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[UNBOUNDED, 2020-01-01)']) AS r ORDER BY r")))
                .hasMessageContaining("ORDER BY over RANGE values is not supported by the embedded warehouse");
    }

    @Test
    void aRangeTableColumnIsRefused() {
        TableId table = TableId.of(EmulatorFixture.PROJECT, "periods", "kept");
        Field period = Field.newBuilder("period", StandardSQLTypeName.RANGE)
                .setRangeElementType(FieldElementType.newBuilder().setType("DATE").build()).build();
        assertThatThrownBy(() -> bigQuery.create(TableInfo.of(table, StandardTableDefinition.of(Schema.of(period)))))
                .isInstanceOf(BigQueryException.class)
                .hasMessageContaining("the field period is RANGE");
    }
}
