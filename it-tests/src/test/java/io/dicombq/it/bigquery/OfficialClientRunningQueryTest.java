package io.dicombq.it.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import io.dicombq.domain.destination.TableUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Java client against an emulator that answers every job it has not seen end RUNNING and every query
 * {@code jobComplete: false}, as BigQuery answers a query longer than the request's timeoutMs: the client polls
 * (jobs.get, getQueryResults) and reads the result table, on its fast path (jobs.query) and its slow one (jobs.insert).
 * Whether a job ends before or after an answer, the rows are the same.
 */
class OfficialClientRunningQueryTest {
    private EmulatorFixture fixture;
    private BigQuery bigquery;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Duration.ZERO);
        // the client's own polling settings: answered RUNNING, it asks again
        bigquery = BigQueryOptions.newBuilder().setHost(fixture.url().toString()).setProjectId(EmulatorFixture.PROJECT)
                .setCredentials(NoCredentials.getInstance()).build().getService();
        fixture.warehouse.createDataset(EmulatorFixture.PROJECT, "ds");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theFastPathPollsAQueryAnsweredIncompleteAndReadsItsRows() throws Exception {
        TableResult result = bigquery.query(QueryJobConfiguration.newBuilder(
                "SELECT x, CONCAT('v', CAST(x AS STRING)) AS s FROM UNNEST([3, 1, 2]) AS x ORDER BY x").build());

        assertThat(result.getTotalRows()).isEqualTo(3);
        assertThat(cells(result)).containsExactly("1 v1", "2 v2", "3 v3");
    }

    @Test
    void theSlowPathWaitsForAnInsertedQueryJobAndItsDestinationTable() throws Exception {
        Job job = bigquery.create(JobInfo.of(JobId.of("running-1"), QueryJobConfiguration.newBuilder(
                "SELECT 'a' AS s UNION ALL SELECT 'b'").setDestinationTable(TableId.of("ds", "saved")).build()));

        TableResult result = job.getQueryResults();

        assertThat(cells(result)).containsExactlyInAnyOrder("a", "b");
        assertThat(bigquery.getJob(JobId.of("running-1")).getStatus().getState().toString()).isEqualTo("DONE");
        assertThat(fixture.warehouse.readRows(new TableUri(EmulatorFixture.PROJECT, "ds", "saved"), 0, 10)).hasSize(2);
    }

    private static List<String> cells(TableResult result) {
        List<String> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(value.getStringValue()));
            rows.add(String.join(" ", values));
        }
        return rows;
    }
}
