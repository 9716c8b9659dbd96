package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.QueryJobConfiguration;
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
 * INTERVAL result columns through the unmodified google-cloud-bigquery client: schema type INTERVAL, cells in the
 * canonical {@code Y-M D H:M:S[.F]} text; an INTERVAL table column is refused by name.
 */
class OfficialClientIntervalTest {
    private EmulatorFixture fixture;
    private BigQuery bigQuery;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        bigQuery = fixture.client();
        bigQuery.create(DatasetInfo.of(DatasetId.of(EmulatorFixture.PROJECT, "spans")));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void queryResultColumnsAreIntervals() throws InterruptedException {
        TableResult result = bigQuery.query(QueryJobConfiguration.of("SELECT MAKE_INTERVAL(1, 6, 15) AS made,"
                + " DATE '2021-05-20' - DATE '2020-04-19' AS days,"
                + " TIMESTAMP '2021-06-01 12:34:56.789' - TIMESTAMP '2021-05-31 00:00:00' AS span,"
                + " JUSTIFY_HOURS(INTERVAL -12345 MINUTE) AS justified"));
        assertThat(result.getSchema().getFields().get("made").getType()).isEqualTo(LegacySQLTypeName.INTERVAL);
        List<FieldValueList> rows = new ArrayList<>();
        result.iterateAll().forEach(rows::add);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("made").getStringValue()).isEqualTo("1-6 15 0:0:0");
        assertThat(rows.get(0).get("days").getStringValue()).isEqualTo("0-0 396 0:0:0");
        assertThat(rows.get(0).get("span").getStringValue()).isEqualTo("0-0 0 36:34:56.789");
        assertThat(rows.get(0).get("justified").getStringValue()).isEqualTo("0-0 -8 -13:45:0");
    }

    @Test
    void groupingByAnIntervalIsRefusedByName() {
        assertThatThrownBy(() -> bigQuery.query(QueryJobConfiguration.of(
                "SELECT i FROM UNNEST([INTERVAL 30 DAY, INTERVAL 1 MONTH]) AS i GROUP BY i")))
                .hasMessageContaining("GROUP BY or DISTINCT over INTERVAL values is not supported by the embedded warehouse");
    }

    @Test
    void anIntervalTableColumnIsRefused() {
        TableId table = TableId.of(EmulatorFixture.PROJECT, "spans", "kept");
        assertThatThrownBy(() -> bigQuery.create(TableInfo.of(table,
                StandardTableDefinition.of(Schema.of(Field.of("span", StandardSQLTypeName.INTERVAL))))))
                .isInstanceOf(BigQueryException.class)
                .hasMessageContaining("INTERVAL");
    }
}
