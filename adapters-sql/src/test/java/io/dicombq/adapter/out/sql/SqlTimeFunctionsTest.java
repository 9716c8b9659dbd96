package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The TIME, DATETIME and TIMESTAMP functions where ZetaSQL's reference implementation is not BigQuery (the
 * differential suite covers the rest: {@link DifferentialTimeQueries}), and their errors in BigQuery's words.
 */
class SqlTimeFunctionsTest {
    private static final String T = "`my-project.dicom.studies`";
    private final H2Warehouse warehouse = H2Warehouse.inMemory("time-" + UUID.randomUUID());
    private final H2QueryEngine engine = new H2QueryEngine(warehouse);

    @BeforeEach
    void load() {
        warehouse.createDataset("my-project", "dicom");
        TableUri uri = new TableUri("my-project", "dicom", "studies");
        warehouse.createTable(uri, DifferentialTest.schema());
        warehouse.insertRows(uri, DifferentialTest.rows());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private List<Row> rows(String sql) {
        return engine.query(QueryRequest.of(sql, "my-project")).rows();
    }

    @Test
    void aDateCastToDatetimeIsItsMidnight() {
        // BigQuery docs, conversion rules: DATE to DATETIME is the date at 00:00:00; ZetaSQL's reference gives
        // 1970-01-01 00:00:00 instead, so this case cannot be in the differential suite.
        assertThat(rows("SELECT CAST(StudyDate AS DATETIME) AS v FROM " + T + " WHERE id = 1").get(0).get("v"))
                .isEqualTo(LocalDateTime.of(2021, 3, 4, 0, 0));
    }

    @Test
    void aConstantTheAnalyzerFoldsWronglyIsRefused() {
        assertThatThrownBy(() -> rows("SELECT CAST(DATE '2008-12-25' AS DATETIME) AS v"))
                .isInstanceOf(DicombqException.class).hasMessageContaining("is not supported by the embedded warehouse");
    }

    @Test
    void errorsNameTheValueInBigQuerysWords() {
        assertThatThrownBy(() -> rows("SELECT DATETIME_ADD(DATETIME '9999-12-31 23:59:59', INTERVAL 1 SECOND) AS v"))
                .hasMessageContaining("Adding 1 SECOND to datetime 9999-12-31 23:59:59 causes overflow");
        assertThatThrownBy(() -> rows("SELECT DATE_FROM_UNIX_DATE(2932897) AS v"))
                .hasMessageContaining("DATE_FROM_UNIX_DATE range is -719162 to 2932896 but saw 2932897");
        assertThatThrownBy(() -> rows("SELECT TIMESTAMP('2008-12-25 15:30:00', 'No/Zone') AS v"))
                .hasMessageContaining("Invalid time zone: No/Zone");
        assertThatThrownBy(() -> rows("SELECT PARSE_TIME('%I', '13') AS v"))
                .hasMessageContaining("Failed to parse input string \"13\"");
    }

    @Test
    void aFormatElementTheTypeHasNotIsRefusedByName() {
        assertThatThrownBy(() -> rows("SELECT FORMAT_TIME('%Y', TIME '10:00:00') AS v"))
                .hasMessageContaining("FORMAT_TIME: the format element %Y is not supported by the embedded warehouse");
        assertThatThrownBy(() -> rows("SELECT FORMAT_DATETIME('%Z', DATETIME '2008-12-25 10:00:00') AS v"))
                .hasMessageContaining("the format element %Z is not supported");
    }

    @Test
    void aZoneOffsetWithSecondsFailsRatherThanGuessing() {
        // America/New_York kept local mean time (-04:56:02) until 1883-11-18 noon; ZetaSQL applies it in whole minutes
        assertThatThrownBy(() -> rows("SELECT STRING(TIMESTAMP '1883-11-18 12:00:00+00', 'America/New_York') AS v"))
                .hasMessageContaining("offsets with seconds is not supported by the embedded warehouse");
    }
}
