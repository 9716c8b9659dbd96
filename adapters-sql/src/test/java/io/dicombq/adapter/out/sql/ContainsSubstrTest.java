package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CONTAINS_SUBSTR, which the reference implementation lacks (ZetaSQL 2024.11.1 has no such function), held to
 * BigQuery's documented rule (BigQuery docs: CONTAINS_SUBSTR): NFKC normalization and case folding, values cast to
 * STRING, a cross-field search of STRUCTs and table rows that is TRUE when a field holds the value, else NULL when
 * a field is NULL, else FALSE; and refusals by name where the documentation gives no answer.
 */
class ContainsSubstrTest {
    private static final String T = "`my-project.dicom.studies`";
    private static H2Warehouse warehouse;
    private static H2QueryEngine engine;

    @BeforeAll
    static void load() {
        warehouse = H2Warehouse.inMemory("contains-substr-" + UUID.randomUUID());
        warehouse.createDataset("my-project", "dicom");
        TableUri uri = new TableUri("my-project", "dicom", "studies");
        warehouse.createTable(uri, DifferentialTest.schema());
        warehouse.insertRows(uri, DifferentialTest.rows());
        engine = new H2QueryEngine(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static List<Object> column(String sql) {
        List<Object> values = new ArrayList<>();
        engine.query(QueryRequest.of(sql, "my-project")).rows().forEach(row -> values.add(row.get("v")));
        return values;
    }

    private static Object value(String sql) {
        return column(sql).get(0);
    }

    @Test
    void searchesNormalizedAndCaseFoldedText() {
        assertThat(value("SELECT CONTAINS_SUBSTR('the blue house', 'Blue house') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR('the red house', 'blue') AS v")).isEqualTo(false);
        // NFKC: the Roman numeral nine is IX
        assertThat(value("SELECT CONTAINS_SUBSTR('\\u2168 day', 'IX') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR('Straße', 'STRASSE') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR('abc', '') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(CAST(NULL AS STRING), 'a') AS v")).isNull();
    }

    @Test
    void castsOtherTypesToString() {
        assertThat(column("SELECT CONTAINS_SUBSTR(StudyDate, '2021-03') AS v FROM " + T + " ORDER BY id"))
                .containsExactly(true, true, false, false, null, false, false, false);
        assertThat(column("SELECT CONTAINS_SUBSTR(InstanceNumber, '-3') AS v FROM " + T + " ORDER BY id"))
                .containsExactly(false, false, false, true, null, false, false, false);
        assertThat(value("SELECT CONTAINS_SUBSTR(TRUE, 'TRU') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(TIMESTAMP '2021-03-04 12:30:00.5+00', ':00.500+00') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(NUMERIC '1.50', '1.5') AS v")).isEqualTo(true);
    }

    @Test
    void searchesEveryFieldOfAStructOrARow() {
        assertThat(column("SELECT id AS v FROM " + T + " WHERE CONTAINS_SUBSTR((PatientID, PatientName), 'doe') ORDER BY id"))
                .containsExactly(1L, 2L);
        // a NULL field where no field holds the value: NULL; a field holding it: TRUE whatever the others are
        assertThat(value("SELECT CONTAINS_SUBSTR(STRUCT(CAST(NULL AS STRING) AS a, 'x' AS b), 'y') AS v")).isNull();
        assertThat(value("SELECT CONTAINS_SUBSTR(STRUCT(CAST(NULL AS STRING) AS a, 'x' AS b), 'X') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(STRUCT('a' AS a, STRUCT(1 AS c, 'deep' AS d) AS b), 'EEP') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(CAST(NULL AS STRUCT<a STRING>), 'a') AS v")).isNull();
        assertThat(column("SELECT CONTAINS_SUBSTR(t, 'axial') AS v FROM (SELECT id, PatientID, ImageType FROM " + T
                + ") t ORDER BY id")).containsExactly(true, false, false, false, false, false, null, false);
    }

    @Test
    void searchesTheRowsOfAWithTable() {
        String meals = "WITH Meals AS (SELECT 'Oat porridge' AS Morning, 'Tomato soup' AS Noon, 'Baked potato' AS Evening"
                + " UNION ALL SELECT 'French toast', 'Club sandwich', 'Pasta') ";
        assertThat(column(meals + "SELECT Morning AS v FROM Meals WHERE CONTAINS_SUBSTR(Meals, 'TOAST')"))
                .containsExactly("French toast");
        assertThat(column(meals + "SELECT Morning AS v FROM Meals WHERE CONTAINS_SUBSTR((Noon, Evening), 'potato')"))
                .containsExactly("Oat porridge");
        assertThat(column(meals + "SELECT Morning AS v FROM Meals WHERE NOT CONTAINS_SUBSTR((Noon, Evening), 'potato')"))
                .containsExactly("French toast");
    }

    @Test
    void searchesTheElementsOfAnArray() {
        assertThat(column("SELECT CONTAINS_SUBSTR(ImageType, 'prim') AS v FROM " + T + " ORDER BY id"))
                .containsExactly(true, false, false, false, false, true, false, false);
        // the fourth row's one code has NULL fields only
        assertThat(column("SELECT CONTAINS_SUBSTR(ProcedureCodeSequence, 'head') AS v FROM " + T + " ORDER BY id"))
                .containsExactly(true, false, false, null, false, true, false, true);
        assertThat(value("SELECT CONTAINS_SUBSTR(['a', NULL], 'A') AS v")).isEqualTo(true);
        assertThat(value("SELECT CONTAINS_SUBSTR(ARRAY<STRING>[], 'a') AS v")).isEqualTo(false);
    }

    @Test
    void refusesByNameWhatTheDocumentationDoesNotAnswer() {
        assertRefused("SELECT CONTAINS_SUBSTR(['a', NULL], 'b') AS v", "CONTAINS_SUBSTR over an array with a NULL element");
        assertRefused("SELECT CONTAINS_SUBSTR(JSON '{\"lunch\":\"soup\"}', 'lunch') AS v", "CONTAINS_SUBSTR over a value of type JSON");
        assertRefused("SELECT CONTAINS_SUBSTR(1.5, '1') AS v", "CONTAINS_SUBSTR over a value of type FLOAT64");
        assertRefused("SELECT CONTAINS_SUBSTR('abc', NULL) AS v", "CONTAINS_SUBSTR with a NULL search value");
        assertRefused("SELECT CONTAINS_SUBSTR('abc', PatientID) AS v FROM " + T, "search value that is not a literal");
        assertRefused("SELECT CONTAINS_SUBSTR('abc', 'b', json_scope => 'NOPE') AS v", "json_scope");
    }

    @Test
    void theAnalyzerChecksItsArguments() {
        assertThatThrownBy(() -> value("SELECT CONTAINS_SUBSTR('abc') AS v"))
                .isInstanceOf(DicombqException.class).hasMessageContaining("CONTAINS_SUBSTR");
        assertThat(value("SELECT CONTAINS_SUBSTR('abc', 'B', json_scope => 'JSON_VALUES') AS v")).isEqualTo(true);
    }

    private static void assertRefused(String sql, String construct) {
        assertThatThrownBy(() -> value(sql)).isInstanceOf(DicombqException.class)
                .hasMessageContaining(construct).hasMessageContaining("is not supported by the embedded warehouse");
    }
}
