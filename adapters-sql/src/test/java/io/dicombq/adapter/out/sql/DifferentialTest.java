package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential suite (specification 6.1): each query runs on the embedded engine (ZetaSQL front end, H2) and on
 * ZetaSQL's reference implementation over the same DICOM-shaped rows. The engine must give the same rows (as a
 * multiset), or fail where the reference fails, or refuse by name; any other outcome fails the test.
 */
class DifferentialTest {
    private static final String TABLE = "my-project.dicom.studies";
    private static final String T = "`" + TABLE + "`";
    private static final String REFUSED = "is not supported by the embedded warehouse";

    private static H2Warehouse warehouse;
    private static H2QueryEngine engine;
    private static ReferenceOracle oracle;

    static TableSchema schema() {
        Column name = Column.record("PatientName", Mode.NULLABLE, List.of(Column.record("Alphabetic", Mode.NULLABLE, List.of(
                Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE), Column.of("GivenName", ColumnType.STRING, Mode.NULLABLE)))));
        Column codes = Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
                Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE), Column.of("CodeMeaning", ColumnType.STRING, Mode.NULLABLE)));
        return new TableSchema(List.of(
                Column.of("id", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                name,
                Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
                Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
                Column.of("AcquisitionDateTime", ColumnType.DATETIME, Mode.NULLABLE),
                Column.of("LastUpdated", ColumnType.TIMESTAMP, Mode.NULLABLE),
                Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
                codes,
                Column.of("SliceThickness", ColumnType.FLOAT, Mode.NULLABLE),
                Column.of("InstanceNumber", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("PixelSpacing", ColumnType.NUMERIC, Mode.NULLABLE),
                Column.of("IsPrimary", ColumnType.BOOLEAN, Mode.NULLABLE),
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE)));
    }

    private static Row row(long id, String patient, String family, String given, LocalDate date, LocalTime time,
                           Double thickness, Long instance, String spacing, Boolean primary, List<String> imageType,
                           List<Row> codes, String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("PatientID", patient);
        values.put("PatientName", family == null && given == null ? null
                : Row.of(Map.of("Alphabetic", Row.of(nullable("FamilyName", family, "GivenName", given)))));
        values.put("StudyDate", date);
        values.put("StudyTime", time);
        values.put("AcquisitionDateTime", date == null || time == null ? null : LocalDateTime.of(date, time));
        values.put("LastUpdated", date == null ? null : Instant.parse(date + "T12:34:56.123456Z"));
        values.put("ImageType", imageType);
        values.put("ProcedureCodeSequence", codes);
        values.put("SliceThickness", thickness);
        values.put("InstanceNumber", instance);
        values.put("PixelSpacing", spacing == null ? null : new BigDecimal(spacing));
        values.put("IsPrimary", primary);
        values.put("Metadata", json == null ? null : new JsonText(json));
        return Row.of(values);
    }

    private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Row code(String value, String meaning) {
        return Row.of(nullable("CodeValue", value, "CodeMeaning", meaning));
    }

    static List<Row> rows() {
        return List.of(
                row(1, "19045", "Doe", "John", LocalDate.of(2021, 3, 4), LocalTime.of(10, 15, 30), 2.5, 1L, "0.488281",
                        true, List.of("ORIGINAL", "PRIMARY", "AXIAL"), List.of(code("A1", "CT head"), code("B2", null)),
                        "{\"a\":1,\"b\":{\"c\":\"x\"},\"arr\":[1,2,3]}"),
                row(2, "19045", "Doe", null, LocalDate.of(2021, 3, 4), LocalTime.of(10, 16, 0), 2.5, 2L, "0.488281",
                        false, List.of("DERIVED", "SECONDARY"), List.of(), "{\"a\":null,\"b\":{\"c\":\"y\"}}"),
                row(3, "20001", "Smith", "Ann", LocalDate.of(2020, 12, 31), LocalTime.of(23, 59, 59), Double.NaN, 10L,
                        "-1.5", null, List.of(), List.of(code("C3", "MR brain")), null),
                row(4, "20001", "Smith", "Ann", LocalDate.of(2021, 1, 1), null, Double.POSITIVE_INFINITY, -3L, null,
                        true, List.of("ORIGINAL"), List.of(code(null, null)), "[]"),
                row(5, "", null, null, null, null, null, null, "123456789.123456789", false, List.of(), List.of(), "\"text\""),
                row(6, "30000", "O'Brien", "Zoë", LocalDate.of(2019, 6, 30), LocalTime.of(0, 0), -0.0,
                        Long.MAX_VALUE, "0", true, List.of("ORIGINAL", "PRIMARY"), List.of(code("A1", "CT head")), "{\"a\":2.5}"),
                row(7, null, "Lee", "Kim", LocalDate.of(2024, 2, 29), LocalTime.of(12, 0, 0, 500_000_000), 1e-300,
                        Long.MIN_VALUE + 1, "99.999999999", false, List.of("LOCALIZER"), List.of(), "{\"a\":true}"),
                row(8, "40000", "Lee", "Kim", LocalDate.of(2024, 3, 1), LocalTime.of(8, 30), Double.NEGATIVE_INFINITY, 0L,
                        "1", null, List.of("ORIGINAL", "SECONDARY", "OTHER"), List.of(code("Z9", "other"), code("A1", "CT head")),
                        "{\"b\":{\"c\":null}}"));
    }

    @BeforeAll
    static void load() {
        warehouse = H2Warehouse.inMemory("differential-" + UUID.randomUUID());
        warehouse.createDataset("my-project", "dicom");
        TableUri uri = new TableUri("my-project", "dicom", "studies");
        warehouse.createTable(uri, schema());
        warehouse.insertRows(uri, rows());
        engine = new H2QueryEngine(warehouse);
        oracle = new ReferenceOracle(TABLE, schema(), rows());
    }

    @AfterAll
    static void close() {
        if (oracle != null) {
            oracle.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    /** The hand-written queries: one or more for each construct of the supported scope (docs/sql.md). */
    static List<String> queries() {
        return List.of(
                "SELECT 1 AS one",
                "SELECT 1 + 2 AS x, 'a' AS s, NULL AS n, TRUE AS b",
                "SELECT id, PatientID FROM " + T,
                "SELECT id, PatientName.Alphabetic.FamilyName, PatientName.Alphabetic.GivenName AS given FROM " + T,
                "SELECT * EXCEPT (Metadata, ProcedureCodeSequence, PatientName, ImageType) FROM " + T,
                "SELECT * REPLACE (UPPER(PatientID) AS PatientID) EXCEPT (Metadata, ProcedureCodeSequence, PatientName, ImageType) FROM " + T,
                "SELECT CONCAT('/dicomWeb/studies/', PatientID, '/x') AS p FROM " + T + " WHERE PatientID = '19045'",
                "SELECT MIN(CONCAT(CAST(StudyDate AS STRING), ' ', CAST(StudyTime AS STRING))) AS dt, MIN(PatientID) AS PatientID, COUNT(*) AS n FROM " + T + " GROUP BY PatientID",
                "SELECT PatientID, COUNT(*) AS n, SUM(InstanceNumber) AS s FROM " + T + " WHERE id < 6 GROUP BY PatientID HAVING COUNT(*) > 1",
                "SELECT id FROM " + T + " ORDER BY SliceThickness, id LIMIT 5",
                "SELECT id, SliceThickness FROM " + T + " ORDER BY SliceThickness DESC, id",
                "SELECT id FROM " + T + " ORDER BY PatientID NULLS LAST, id LIMIT 3 OFFSET 2",
                "WITH a AS (SELECT id, PatientID FROM " + T + "), b AS (SELECT PatientID, COUNT(*) AS n FROM a GROUP BY PatientID) SELECT * FROM b",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u WHERE u.PatientID = t.PatientID) AS same FROM " + T + " t",
                "SELECT id FROM " + T + " WHERE PatientID IN (SELECT PatientID FROM " + T + " WHERE IsPrimary)",
                "SELECT id FROM " + T + " t WHERE EXISTS (SELECT 1 FROM UNNEST(t.ImageType) it WHERE it = 'PRIMARY')",
                "SELECT x FROM (SELECT id * 2 AS x FROM " + T + ") WHERE x > 4",
                "SELECT PatientID FROM " + T + " UNION ALL SELECT 'extra'",
                "SELECT PatientID FROM " + T + " UNION DISTINCT SELECT PatientID FROM " + T,
                "SELECT PatientID FROM " + T + " INTERSECT DISTINCT SELECT '19045'",
                "SELECT PatientID FROM " + T + " EXCEPT DISTINCT SELECT '19045'",
                "SELECT a.id, b.id AS other FROM " + T + " a JOIN " + T + " b ON a.PatientID = b.PatientID AND a.id < b.id",
                "SELECT a.id, b.id AS other FROM " + T + " a LEFT JOIN " + T + " b ON a.id = b.id + 1",
                "SELECT a.id, b.id AS other FROM " + T + " a FULL JOIN (SELECT id FROM " + T + " WHERE id > 5) b ON a.id = b.id - 2",
                "SELECT id, it, o FROM " + T + " t, UNNEST(t.ImageType) AS it WITH OFFSET AS o",
                "SELECT id, it FROM " + T + " t LEFT JOIN UNNEST(t.ImageType) AS it",
                "SELECT id, c.CodeValue, c.CodeMeaning FROM " + T + " t, UNNEST(t.ProcedureCodeSequence) c",
                "SELECT id, c.CodeValue FROM " + T + " t LEFT JOIN UNNEST(t.ProcedureCodeSequence) c ON c.CodeValue = 'A1'",
                "SELECT x FROM UNNEST([1, 2, 3]) AS x",
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY PatientID ORDER BY id DESC) AS rn FROM " + T,
                "SELECT id, RANK() OVER (ORDER BY StudyDate) AS r, DENSE_RANK() OVER (ORDER BY StudyDate) AS d FROM " + T,
                "SELECT id, LAG(id) OVER (ORDER BY id) AS prev, LEAD(id, 2, -1) OVER (ORDER BY id) AS next FROM " + T,
                "SELECT id, FIRST_VALUE(id) OVER (PARTITION BY PatientID ORDER BY id) AS f, LAST_VALUE(id) OVER (PARTITION BY PatientID ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS l FROM " + T,
                "SELECT id, SUM(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s, COUNT(*) OVER () AS n FROM " + T,
                "SELECT id, PatientID FROM " + T + " WHERE PatientID IS NOT NULL QUALIFY ROW_NUMBER() OVER (PARTITION BY PatientID ORDER BY id DESC) = 1",
                "SELECT ARRAY_AGG(id ORDER BY id) AS ids FROM " + T,
                "SELECT PatientID, ARRAY_AGG(DISTINCT id IGNORE NULLS ORDER BY id DESC LIMIT 2) AS ids FROM " + T + " GROUP BY PatientID",
                "SELECT ARRAY_AGG(PatientID) AS ids FROM " + T,
                "SELECT STRING_AGG(PatientID, ',' ORDER BY id) AS s, STRING_AGG(DISTINCT PatientID) IS NOT NULL AS d FROM " + T,
                "SELECT COUNTIF(IsPrimary) AS p, LOGICAL_AND(id > 0) AS a, LOGICAL_OR(IsPrimary) AS o, COUNT(DISTINCT PatientID) AS d FROM " + T,
                "SELECT MIN(SliceThickness) AS mn, MAX(SliceThickness) AS mx, AVG(id) AS av FROM " + T,
                "SELECT SUM(InstanceNumber) FROM " + T,
                "SELECT id, IFNULL(InstanceNumber, 2.5) AS a, COALESCE(InstanceNumber, 2.5) AS b, CASE WHEN id > 3 THEN InstanceNumber ELSE 2.5 END AS c FROM " + T,
                "SELECT CASE 1 WHEN 1 THEN 5 ELSE 3.7 END AS x",
                "SELECT id, IF(IsPrimary, 'yes', 'no') AS p, NULLIF(PatientID, '') AS q FROM " + T,
                "SELECT JSON_QUERY('{\"a\":null}', '$.a') AS q, JSON_VALUE('{\"a\":\"x\"}', '$.a') AS v",
                "SELECT CAST(9223372036854775754.5 AS INT64) AS x",
                "SELECT 1e300 / 1e-300 AS x",
                "SELECT CAST('NaN' AS FLOAT64) BETWEEN 1 AND NULL AS a, CAST('NaN' AS FLOAT64) > 1 AS b, CAST('NaN' AS FLOAT64) = CAST('NaN' AS FLOAT64) AS c",
                "SELECT id, SliceThickness > 1 AS gt, SliceThickness = SliceThickness AS eq FROM " + T,
                "SELECT SAFE_DIVIDE(1, 0) AS a, SAFE_DIVIDE(6, 3) AS b, DIV(7, 2) AS c, MOD(-7, 2) AS d",
                "SELECT 7 / 2 AS a, -7 / 2 AS b",
                "SELECT 9223372036854775807 + 1 AS x",
                "SELECT id, InstanceNumber + 1 AS x FROM " + T,
                "SELECT SAFE.SUBSTR('abc', 2) AS s, SUBSTR('apple', -2) AS t",
                "SELECT id, LOWER(PatientName.Alphabetic.FamilyName) AS l, UPPER(PatientID) AS u, LENGTH(PatientID) AS n FROM " + T,
                "SELECT id, STARTS_WITH(PatientID, '19') AS a, ENDS_WITH(PatientID, '1') AS b, PatientID LIKE '2%' AS c FROM " + T,
                "SELECT id, PatientID LIKE ANY ('19%', '3%') AS a, PatientID LIKE ALL ('%0%', '2%') AS b FROM " + T,
                "SELECT id, REGEXP_CONTAINS(PatientID, r'^[0-9]+$') AS a, REGEXP_EXTRACT(PatientID, r'(\\d\\d)$') AS b FROM " + T,
                "SELECT id, ARRAY_TO_STRING(ImageType, '\\\\') AS it, ARRAY_LENGTH(ImageType) AS n FROM " + T,
                "SELECT id, ImageType[SAFE_OFFSET(1)] AS a, ImageType[SAFE_ORDINAL(1)] AS b FROM " + T,
                "SELECT id, ImageType[OFFSET(0)] AS a FROM " + T + " WHERE ARRAY_LENGTH(ImageType) > 0",
                "SELECT id, ImageType[OFFSET(5)] AS a FROM " + T,
                "SELECT id, 'PRIMARY' IN UNNEST(ImageType) AS p FROM " + T,
                "SELECT [1, 2, 3] AS a, ARRAY<STRING>[] AS e, [1, 2][OFFSET(1)] AS b, ARRAY_CONCAT([1], [2, 3]) AS c",
                "SELECT STRUCT(1 AS a, 'x' AS b) AS s, STRUCT(1 AS a, 'x' AS b).b AS f",
                "SELECT id, EXTRACT(YEAR FROM StudyDate) AS y, EXTRACT(DAYOFWEEK FROM StudyDate) AS w FROM " + T,
                "SELECT id, DATE_TRUNC(StudyDate, MONTH) AS m, DATE_TRUNC(StudyDate, WEEK) AS w, DATE_TRUNC(StudyDate, ISOWEEK) AS iw, DATE_TRUNC(StudyDate, YEAR) AS y, DATE_TRUNC(StudyDate, QUARTER) AS q FROM " + T,
                "SELECT id, DATE_ADD(StudyDate, INTERVAL 1 MONTH) AS a, DATE_SUB(StudyDate, INTERVAL 2 DAY) AS b, DATE_DIFF(DATE '2025-01-01', StudyDate, DAY) AS c FROM " + T,
                "SELECT id, FORMAT_DATE('%Y%m%d', StudyDate) AS f FROM " + T,
                "SELECT PARSE_DATE('%Y%m%d', '20210304') AS d",
                "SELECT DATE '2021-03-04' AS d, TIME '10:00:00' AS t, DATETIME '2021-03-04 10:00:00' AS dt, TIMESTAMP '2021-03-04 10:00:00+00' AS ts",
                "SELECT b'abc' AS b, '''triple''' AS t, r'\\d' AS r, NUMERIC '1.25' AS n, 0x1F AS h, 1.5e3 AS f",
                "SELECT CAST('12' AS INT64) AS a, SAFE_CAST('x' AS INT64) AS b, CAST(2.5 AS INT64) AS c, CAST(-2.5 AS INT64) AS d, CAST(1.5 AS STRING) AS e",
                "SELECT id, CAST(InstanceNumber AS FLOAT64) AS f, CAST(PixelSpacing AS STRING) AS s FROM " + T,
                "SELECT id, PixelSpacing + PixelSpacing AS a, PixelSpacing * 2 AS b FROM " + T,
                "SELECT DISTINCT PatientID FROM " + T,
                "SELECT COUNT(*) FROM " + T,
                "SELECT id FROM " + T + " WHERE StudyDate BETWEEN '2021-01-01' AND '2021-12-31'",
                "SELECT id FROM " + T + " WHERE id IN (1, 3, NULL)",
                "SELECT id FROM " + T + " WHERE id NOT IN (1, 3)",
                "SELECT id FROM " + T + " WHERE NOT IsPrimary OR IsPrimary IS NULL",
                "SELECT TO_JSON_STRING(PatientID) AS j FROM " + T,
                "SELECT id, JSON_VALUE(Metadata, '$.a') AS a, JSON_QUERY(Metadata, '$.b') AS b FROM " + T,
                "SELECT ANY_VALUE(PatientID) IS NOT NULL AS x FROM " + T + " WHERE id = 1",
                "SELECT PERCENTILE_CONT(SliceThickness, 0.5) OVER () AS p FROM " + T,
                // issue 13, second round: FULL JOIN, INTERSECT/EXCEPT ALL, built arrays, math, strings, *_TRUNC
                "SELECT a.id, b.id AS other FROM " + T + " a FULL OUTER JOIN (SELECT id FROM " + T + " WHERE id > 5) b ON a.id = b.id - 2",
                "SELECT a, b, x, y FROM UNNEST([1, 2, 2, NULL]) a WITH OFFSET AS x FULL JOIN UNNEST([2, 3]) AS b WITH OFFSET AS y ON a = b",
                "SELECT PatientID FROM " + T + " INTERSECT ALL SELECT PatientID FROM " + T + " WHERE id <> 1",
                "SELECT PatientID FROM " + T + " EXCEPT ALL SELECT PatientID FROM " + T + " WHERE id IN (1, 5)",
                "SELECT x FROM UNNEST([1, 1, 1, 2, NULL, NULL]) x EXCEPT ALL SELECT y FROM UNNEST([1, NULL, 3]) y",
                "SELECT x FROM UNNEST([1, 1, 2, NULL, NULL]) x INTERSECT ALL SELECT y FROM UNNEST([1, 1, 1, NULL]) y INTERSECT ALL SELECT 1",
                "SELECT GENERATE_ARRAY(1, 5) AS a, GENERATE_ARRAY(10, 1, -3) AS b, GENERATE_ARRAY(1, 0) AS c, GENERATE_ARRAY(0.5, 2.0, 0.5) AS d",
                "SELECT GENERATE_ARRAY(1, 3, 0) AS a",
                "SELECT GENERATE_ARRAY(1, NULL) AS a, GENERATE_ARRAY(NUMERIC '1.5', NUMERIC '3', NUMERIC '0.5') AS n",
                "SELECT id, x FROM " + T + " t, UNNEST(GENERATE_ARRAY(1, t.id)) AS x WHERE id < 4",
                "SELECT GENERATE_DATE_ARRAY('2016-01-31', '2016-05-31', INTERVAL 1 MONTH) AS a, GENERATE_DATE_ARRAY('2021-01-01', '2021-01-05') AS b",
                "SELECT GENERATE_DATE_ARRAY('2021-03-01', '2021-01-01', INTERVAL -3 WEEK) AS a, GENERATE_DATE_ARRAY('2020-02-29', '2024-03-01', INTERVAL 1 YEAR) AS b",
                "SELECT id, d FROM " + T + ", UNNEST(GENERATE_DATE_ARRAY(StudyDate, DATE_ADD(StudyDate, INTERVAL 2 DAY))) AS d",
                "SELECT ROUND(2.5) AS a, ROUND(-2.5) AS b, ROUND(3.14159, 2) AS c, ROUND(1234.5, -2) AS d, ROUND(-0.4) AS e, ROUND(NUMERIC '2.345', 2) AS f, ROUND(0.285, 2) AS g",
                "SELECT id, ROUND(SliceThickness) AS r, ROUND(SliceThickness, 1) AS r1, TRUNC(SliceThickness) AS t, CEIL(SliceThickness) AS c, FLOOR(SliceThickness) AS f FROM " + T,
                "SELECT TRUNC(-2.7) AS a, TRUNC(2.789, 1) AS b, TRUNC(NUMERIC '-2.789', 2) AS c, CEIL(-0.5) AS d, FLOOR(NUMERIC '-1.5') AS e, CEILING(NUMERIC '1.2') AS f",
                "SELECT id, ROUND(PixelSpacing, 3) AS r, TRUNC(PixelSpacing) AS t, SIGN(PixelSpacing) AS s, ABS(PixelSpacing) AS a FROM " + T,
                "SELECT MOD(7, -2) AS a, MOD(-7, -2) AS b, MOD(NUMERIC '7.5', NUMERIC '2') AS c, DIV(NUMERIC '7.5', NUMERIC '2') AS d, DIV(-7, 2) AS e",
                "SELECT MOD(5, 0) AS a",
                "SELECT DIV(NUMERIC '1', NUMERIC '0') AS a",
                "SELECT POW(2, 10) AS a, POWER(2.0, -1) AS b, POW(-8, 3) AS c, SQRT(16) AS d, LN(1) AS e, LOG(8, 2) AS f, LOG10(1000) AS g, EXP(0) AS h, LOG(100) AS i",
                "SELECT POW(-8, 1.0 / 3) AS a",
                "SELECT POW(10, 400) AS a",
                "SELECT POW(0, -1) AS a",
                "SELECT SQRT(-1) AS a",
                "SELECT LN(0) AS a",
                "SELECT LOG(10, 1) AS a",
                "SELECT EXP(1000) AS a",
                "SELECT SAFE.SQRT(-1) AS a, SAFE.LN(0) AS b, SAFE.POW(10, 400) AS c, SAFE.EXP(1000) AS d, SAFE.LOG(-1, 2) AS e, SAFE.ROUND(2.5) AS f",
                "SELECT id, SQRT(ABS(SliceThickness)) AS s, EXP(SliceThickness) AS e, SIGN(SliceThickness) AS g FROM " + T + " WHERE id IN (1, 3, 4, 6, 7)",
                "SELECT IEEE_DIVIDE(1, 0) AS a, IEEE_DIVIDE(-1, 0) AS b, IEEE_DIVIDE(0, 0) AS c, IEEE_DIVIDE(6, 4) AS d",
                "SELECT SIGN(-5) AS a, SIGN(0) AS b, SIGN(3) AS c, SIGN(-0.0) AS d, SIGN(CAST('NaN' AS FLOAT64)) AS e, ABS(-5) AS f, ABS(-2.5) AS g",
                "SELECT ABS(-9223372036854775807 - 1) AS a",
                "SELECT SAFE_ADD(9223372036854775807, 1) AS a, SAFE_SUBTRACT(5, 7) AS b, SAFE_MULTIPLY(4611686018427387904, 2) AS c, SAFE_NEGATE(-9223372036854775807 - 1) AS d, SAFE_ADD(1e308, 1e308) AS e, SAFE_MULTIPLY(2.5, 2) AS f",
                "SELECT id, REPLACE(PatientID, '0', 'o') AS r, REPLACE(PatientID, '', 'x') AS e, REPLACE(PatientName.Alphabetic.FamilyName, 'e', NULL) AS n FROM " + T,
                "SELECT SPLIT('a,b,,c') AS a, SPLIT('a b', ' ') AS b, SPLIT('', ',') AS c, SPLIT('abc', '') AS d, SPLIT(NULL, ',') AS e, SPLIT('a--b--', '--') AS f",
                "SELECT id, s FROM " + T + " t, UNNEST(SPLIT(ARRAY_TO_STRING(t.ImageType, '/'), '/')) AS s WITH OFFSET o WHERE o < 2",
                "SELECT id, REGEXP_REPLACE(PatientID, r'0+', '_') AS a, REGEXP_REPLACE(PatientName.Alphabetic.FamilyName, r'(.)(.)', r'\\2\\1') AS b FROM " + T,
                "SELECT REGEXP_REPLACE('baaac', 'a*', '-') AS a, REGEXP_REPLACE('abc', 'x*', '-') AS b, REGEXP_REPLACE('abc', '', '-') AS c, REGEXP_REPLACE('a.b', r'\\.', r'\\\\') AS d, REGEXP_REPLACE('abc', 'b', r'[\\0]') AS e",
                "SELECT REGEXP_REPLACE('abc', '(b)', r'\\2') AS a",
                "SELECT id, DATE_TRUNC(StudyDate, WEEK(MONDAY)) AS w, DATE_TRUNC(StudyDate, ISOYEAR) AS iy, LAST_DAY(StudyDate) AS l, LAST_DAY(StudyDate, YEAR) AS ly, LAST_DAY(StudyDate, WEEK) AS lw, LAST_DAY(StudyDate, ISOWEEK) AS liw, LAST_DAY(StudyDate, QUARTER) AS lq, LAST_DAY(StudyDate, ISOYEAR) AS liy FROM " + T,
                "SELECT id, DATETIME_TRUNC(AcquisitionDateTime, HOUR) AS h, DATETIME_TRUNC(AcquisitionDateTime, MONTH) AS m, DATETIME_TRUNC(AcquisitionDateTime, WEEK(SATURDAY)) AS w, DATE_TRUNC(AcquisitionDateTime, DAY) AS d, LAST_DAY(AcquisitionDateTime) AS l FROM " + T,
                "SELECT id, TIMESTAMP_TRUNC(LastUpdated, SECOND) AS s, TIMESTAMP_TRUNC(LastUpdated, MILLISECOND) AS ms, TIMESTAMP_TRUNC(LastUpdated, YEAR) AS y, TIMESTAMP_TRUNC(LastUpdated, DAY, 'America/New_York') AS z, TIMESTAMP_TRUNC(LastUpdated, ISOWEEK, '+05:30') AS w FROM " + T,
                "SELECT id, TIME_TRUNC(StudyTime, MINUTE) AS m, TIME_TRUNC(StudyTime, HOUR) AS h, TIME_TRUNC(StudyTime, SECOND) AS s FROM " + T,
                "SELECT DATE_TRUNC(DATE '0001-01-01', WEEK) AS w",
                // correlated subqueries (one SELECT over a table or UNNEST)
                "SELECT id, (SELECT STRING_AGG(x, '/' ORDER BY o DESC) FROM UNNEST(t.ImageType) x WITH OFFSET o) AS r FROM " + T + " t",
                "SELECT id, ARRAY(SELECT c.CodeValue FROM UNNEST(t.ProcedureCodeSequence) c WHERE c.CodeValue IS NOT NULL ORDER BY c.CodeValue DESC) AS codes FROM " + T + " t",
                "SELECT id FROM " + T + " t WHERE 'A1' IN (SELECT c.CodeValue FROM UNNEST(t.ProcedureCodeSequence) c)",
                "SELECT id, (SELECT MAX(u.id) FROM " + T + " u WHERE u.id < t.id) AS prev, (SELECT COUNT(*) + 1 FROM " + T + " u WHERE u.StudyDate > t.StudyDate) AS rank FROM " + T + " t",
                "SELECT id, PatientID FROM " + T + " t WHERE NOT EXISTS (SELECT 1 FROM " + T + " u WHERE u.PatientID = t.PatientID AND u.id > t.id)",
                "SELECT id, (SELECT x FROM UNNEST(t.ImageType) x WITH OFFSET o ORDER BY o DESC LIMIT 1) AS last FROM " + T + " t",
                "SELECT id, (SELECT x FROM UNNEST(t.ImageType) x) AS one FROM " + T + " t",
                "SELECT id FROM " + T + " t WHERE id IN (SELECT u.id FROM " + T + " u WHERE u.PatientID = t.PatientID AND u.IsPrimary)",
                "SELECT id, (SELECT COUNT(*) FROM (SELECT DISTINCT x FROM UNNEST(t.ImageType) x)) AS n FROM " + T + " t",
                "SELECT id, EXISTS(SELECT 1 FROM UNNEST(t.ProcedureCodeSequence) c WHERE c.CodeValue = 'A1') AS a1, (SELECT COUNT(*) FROM UNNEST(t.ProcedureCodeSequence) c GROUP BY c.CodeValue HAVING COUNT(*) > 5) AS h FROM " + T + " t",
                "SELECT PatientID, (SELECT ARRAY_AGG(u.id ORDER BY u.id) FROM " + T + " u WHERE u.PatientID = t.PatientID) AS ids FROM " + T + " t GROUP BY PatientID",
                // GREATEST/LEAST, SAFE.PARSE_DATE
                "SELECT GREATEST(1, 2, 3) AS a, LEAST(1.5, 2) AS b, GREATEST(1, NULL) AS c, LEAST(CAST('NaN' AS FLOAT64), 1) AS d, GREATEST('a', 'b') AS e, LEAST(DATE '2020-01-01', DATE '2019-01-01') AS f",
                "SELECT id, GREATEST(id, InstanceNumber) AS g, LEAST(SliceThickness, 2) AS l, GREATEST(SliceThickness, -1) AS h FROM " + T,
                "SELECT SAFE.PARSE_DATE('%Y%m%d', '2021xx') AS a, SAFE.PARSE_DATE('%Y%m%d', '20210304') AS b",
                "SELECT id, SAFE.PARSE_DATE('%Y%m%d', PatientID) AS d FROM " + T,
                // SAFE. on every fallible function: NULL where the function fails, an argument's error still fails
                "SELECT SAFE.SUBSTR('apple', 2, -1) AS a, SAFE.SUBSTR('apple', 2, 2) AS b, SAFE.SUBSTRING('apple', -2) AS c",
                "SELECT id, SAFE.SUBSTR(PatientID, 1, InstanceNumber) AS s FROM " + T,
                "SELECT SAFE.SUBSTR(SUBSTR('abc', 1, -1), 1) AS a",
                "SELECT SAFE.SUBSTR('abc', DIV(1, 0)) AS a",
                "SELECT SAFE.REGEXP_REPLACE('abc', r'(b)', r'\\2') AS a, SAFE.REGEXP_REPLACE('abc', r'(b)', r'<\\1>') AS b, SAFE.REGEXP_EXTRACT('abc', r'(b)') AS c",
                "SELECT SAFE.JSON_VALUE('{bad', '$.a') AS a, SAFE.JSON_QUERY('[1,', '$') AS b, SAFE.JSON_VALUE('{\"a\":\"x\"}', '$.a') AS c, SAFE.JSON_QUERY('{\"a\":[1,2]}', '$.a') AS d",
                "SELECT id, SAFE.JSON_VALUE(PatientID, '$') AS a, SAFE.JSON_QUERY(PatientID, '$') AS q FROM " + T,
                "SELECT id, SAFE.JSON_VALUE(Metadata, '$.a') AS a, SAFE.JSON_QUERY(Metadata, '$.b') AS b FROM " + T,
                "SELECT SAFE.JSON_VALUE('{\"a\":1}', 'a') AS a",
                "SELECT SAFE.DATE_ADD(DATE '9999-12-31', INTERVAL 1 DAY) AS a, SAFE.DATE_SUB(DATE '0001-01-01', INTERVAL 1 MONTH) AS b, SAFE.DATE_ADD(DATE '2020-01-31', INTERVAL 1 MONTH) AS c",
                "SELECT id, SAFE.DATE_ADD(StudyDate, INTERVAL InstanceNumber YEAR) AS d FROM " + T,
                "SELECT SAFE.DATE_TRUNC(DATE '0001-01-01', WEEK) AS a, SAFE.DATE_TRUNC(DATE '2021-03-04', ISOWEEK) AS b, SAFE.DATE_TRUNC(DATE '2021-03-04', MONTH) AS c, SAFE.DATE_TRUNC(DATE '0001-01-02', ISOYEAR) AS d",
                "SELECT SAFE.DATETIME_TRUNC(DATETIME '0001-01-01 10:00:00', WEEK) AS a, SAFE.TIME_TRUNC(TIME '10:11:12', HOUR) AS b, SAFE.TIMESTAMP_TRUNC(TIMESTAMP '2021-03-04 10:00:00+00', DAY, 'America/New_York') AS c",
                "SELECT SAFE.TIMESTAMP_TRUNC(TIMESTAMP '2021-03-04 10:00:00+00', DAY, 'No/Such_Zone') AS a",
                "SELECT SAFE.LAST_DAY(DATE '2021-02-03') AS a, SAFE.LAST_DAY(DATE '2021-02-03', YEAR) AS b, SAFE.FORMAT_DATE('%Y/%m', DATE '2021-02-03') AS c, SAFE.DATE_DIFF(DATE '2021-02-03', DATE '2020-01-01', DAY) AS d",
                "SELECT SAFE.GENERATE_ARRAY(1, 3, 0) AS a, SAFE.GENERATE_DATE_ARRAY(DATE '2021-01-01', DATE '2021-01-03', INTERVAL 0 DAY) AS b, SAFE.GENERATE_ARRAY(1, 3) AS c, SAFE.GENERATE_ARRAY(0.5, 1.5, 0) AS d",
                "SELECT SAFE.DIV(1, 0) AS a, SAFE.DIV(-9223372036854775807 - 1, -1) AS b, SAFE.DIV(NUMERIC '1', NUMERIC '0') AS c, SAFE.MOD(5, 0) AS d, SAFE.MOD(NUMERIC '5', NUMERIC '0') AS e, SAFE.ABS(-9223372036854775807 - 1) AS f, SAFE.MOD(7, 2) AS g, SAFE.ABS(-2.5) AS h",
                "SELECT id, SAFE.DIV(id, InstanceNumber) AS d, SAFE.MOD(id, InstanceNumber) AS m, SAFE.ABS(InstanceNumber) AS a FROM " + T,
                "SELECT SAFE.FARM_FINGERPRINT('a') AS a",
                // DATE_BUCKET, DATETIME_BUCKET, TIMESTAMP_BUCKET (ZetaSQL 2024.11.1 resolves all three with BigQuery's options)
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL 2 MONTH) AS b, DATE_BUCKET(DATE '2021-03-04', INTERVAL 1 YEAR, DATE '2020-02-29') AS c, DATE_BUCKET(DATE '2021-03-04', INTERVAL 1 QUARTER) AS d, DATE_BUCKET(DATE '2021-03-04', INTERVAL '1-2' YEAR TO MONTH) AS e",
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL 2 WEEK) AS b, DATE_BUCKET(DATE '2021-03-04', INTERVAL 7 DAY) AS c, DATE_BUCKET(DATE '2021-03-04', INTERVAL 7 DAY, DATE '2021-01-01') AS d, DATE_BUCKET(DATE '1900-03-04', INTERVAL 7 DAY) AS e",
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL 1 MONTH, DATE '2021-01-31') AS b, DATE_BUCKET(DATE '2021-03-30', INTERVAL 1 MONTH, DATE '2021-01-31') AS c, DATE_BUCKET(DATE '2021-02-28', INTERVAL 1 MONTH, DATE '2021-01-31') AS d, DATE_BUCKET(DATE '2021-03-31', INTERVAL 1 MONTH, DATE '2021-01-31') AS e, DATE_BUCKET(DATE '2020-12-30', INTERVAL 1 MONTH, DATE '2021-01-31') AS f",
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL 0 DAY) AS b",
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL -2 DAY) AS b",
                "SELECT DATE_BUCKET(DATE '2021-03-04', INTERVAL 2 HOUR) AS b",
                "SELECT DATE_BUCKET(DATE '0001-01-01', INTERVAL 7 DAY) AS c",
                "SELECT id, DATE_BUCKET(StudyDate, INTERVAL ABS(InstanceNumber) + 1 DAY) AS b, DATE_BUCKET(StudyDate, INTERVAL 3 MONTH, DATE '2019-11-30') AS m FROM " + T + " WHERE id < 6",
                "SELECT id, DATETIME_BUCKET(AcquisitionDateTime, INTERVAL 90 MINUTE) AS b, TIMESTAMP_BUCKET(LastUpdated, INTERVAL 1 DAY, TIMESTAMP '2020-01-01 06:00:00+00') AS t, DATETIME_BUCKET(AcquisitionDateTime, INTERVAL 2 MONTH, DATETIME '2000-01-31 12:00:00') AS m FROM " + T,
                "SELECT DATETIME_BUCKET(DATETIME '2021-03-04 10:11:12', INTERVAL 2 DAY) AS b, DATETIME_BUCKET(DATETIME '2021-03-04 10:11:12', INTERVAL 1 MONTH) AS c, DATETIME_BUCKET(DATETIME '2021-03-04 10:11:12', INTERVAL 1 WEEK) AS d",
                "SELECT DATETIME_BUCKET(DATETIME '2021-03-04 10:11:12.345678', INTERVAL 250 MILLISECOND) AS b, DATETIME_BUCKET(DATETIME '1949-03-04 10:11:12', INTERVAL 7 MINUTE, DATETIME '2000-01-01 00:00:01') AS c",
                "SELECT TIMESTAMP_BUCKET(TIMESTAMP '2021-03-04 10:11:12+00', INTERVAL 1 DAY) AS b, TIMESTAMP_BUCKET(TIMESTAMP '2021-03-04 10:11:12+00', INTERVAL 1 WEEK) AS c, TIMESTAMP_BUCKET(TIMESTAMP '2021-03-04 10:11:12+00', INTERVAL 90 MINUTE, TIMESTAMP '2021-01-01 00:10:00+03') AS d",
                "SELECT TIMESTAMP_BUCKET(TIMESTAMP '2021-03-04 10:11:12+00', INTERVAL 1 MONTH) AS b",
                "SELECT SAFE.DATE_BUCKET(DATE '2021-03-04', INTERVAL 0 DAY) AS a, SAFE.DATE_BUCKET(DATE '0001-01-01', INTERVAL 7 DAY) AS b, DATE_BUCKET(NULL, INTERVAL 1 DAY) AS c, DATE_BUCKET(DATE '2021-03-04', NULL) AS d",
                // correlated subqueries over joins, with DISTINCT, GROUP BY … HAVING
                "SELECT id, ARRAY(SELECT DISTINCT x FROM UNNEST(t.ImageType) x ORDER BY x) AS d FROM " + T + " t",
                "SELECT id, (SELECT COUNT(DISTINCT u.PatientID) FROM " + T + " u WHERE u.StudyDate = t.StudyDate) AS n FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u JOIN " + T + " v ON u.PatientID = v.PatientID WHERE u.id = t.id) AS n FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u, " + T + " v WHERE u.id = v.id + 1 AND v.PatientID = t.PatientID) AS n FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u LEFT JOIN " + T + " v ON v.id = u.id + 1 AND v.PatientID = t.PatientID WHERE u.id < 4) AS n, (SELECT COUNT(v.id) FROM " + T + " u LEFT JOIN " + T + " v ON v.id = u.id + 1 AND v.PatientID = t.PatientID) AS m FROM " + T + " t",
                "SELECT id, (SELECT MAX(v.id) FROM " + T + " u JOIN " + T + " v USING (PatientID) WHERE u.id = t.id AND v.id <> u.id) AS n FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u, UNNEST(u.ImageType) x WHERE x = 'ORIGINAL' AND u.PatientID = t.PatientID) AS n FROM " + T + " t",
                "SELECT id, (SELECT STRING_AGG(c.CodeValue, ',' ORDER BY c.CodeValue) FROM " + T + " u, UNNEST(u.ProcedureCodeSequence) c WHERE u.PatientID = t.PatientID) AS codes FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u LEFT JOIN UNNEST(u.ImageType) x WHERE u.PatientID = t.PatientID) AS n, (SELECT COUNT(x) FROM " + T + " u LEFT JOIN UNNEST(u.ImageType) x ON x <> 'ORIGINAL' WHERE u.PatientID = t.PatientID) AS m FROM " + T + " t",
                "SELECT id, 'A1' IN (SELECT DISTINCT c.CodeValue FROM " + T + " u, UNNEST(u.ProcedureCodeSequence) c WHERE u.id = t.id) AS a FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM UNNEST(t.ImageType) x GROUP BY x HAVING COUNT(*) >= 1 ORDER BY 1 LIMIT 1) AS h FROM " + T + " t",
                "SELECT id, ARRAY(SELECT x FROM UNNEST(t.ImageType) x GROUP BY x HAVING MIN(LENGTH(x)) > 7 ORDER BY x) AS h FROM " + T + " t",
                "SELECT id FROM " + T + " t WHERE EXISTS (SELECT u.PatientID FROM " + T + " u WHERE u.id <> t.id GROUP BY u.PatientID HAVING COUNT(*) >= 1 AND u.PatientID = t.PatientID)",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u JOIN " + T + " v ON u.id = v.id WHERE u.PatientID = t.PatientID GROUP BY u.PatientID HAVING COUNT(*) > 1) AS n FROM " + T + " t",
                "SELECT id, (SELECT COUNT(*) FROM " + T + " u RIGHT JOIN " + T + " v ON u.id = v.id WHERE v.PatientID = t.PatientID) AS n FROM " + T + " t",
                // FLOAT64 ROUND/TRUNC (BigDecimal, half away from zero): halves, doubles just below .5, huge, tiny, NaN/Inf, digits out of range
                "SELECT ROUND(0.5) AS a, ROUND(1.5) AS b, ROUND(-0.5) AS c, ROUND(-1.5) AS d, ROUND(0.49999999999999994) AS e, ROUND(2.675, 2) AS f, ROUND(1.005, 2) AS g, ROUND(-2.675, 2) AS h",
                "SELECT ROUND(1e300, 2) AS a, ROUND(123.456, -1) AS d, ROUND(5.5, -1) AS e, ROUND(15.0, -1) AS f, ROUND(-15.0, -1) AS g, ROUND(4503599627370497.0) AS h, ROUND(9007199254740993.0) AS i, ROUND(9.5e307, -308) AS j",
                "SELECT ROUND(1.7976931348623157e308, -308) AS a",
                "SELECT ROUND(-1.5e308, -308) AS a",
                "SELECT ROUND(CAST('NaN' AS FLOAT64)) AS a, ROUND(CAST('inf' AS FLOAT64)) AS b, ROUND(CAST('-inf' AS FLOAT64), 2) AS c, ROUND(CAST('NaN' AS FLOAT64), -2) AS d",
                "SELECT ROUND(1e-320, 320) AS a, ROUND(0.1, 400) AS b, ROUND(123.0, -400) AS c, ROUND(-0.4) AS d, ROUND(-0.0) AS e, ROUND(1.45, 1) AS g, ROUND(1e-5, 4) AS h, ROUND(5e-5, 4) AS i, ROUND(2.2250738585072014e-308, 310) AS j",
                "SELECT ROUND(123.456, 9223372036854775807) AS a, ROUND(123.456, -9223372036854775807 - 1) AS b, TRUNC(-0.5) AS c, TRUNC(1.7976931348623157e308, -308) AS d, TRUNC(CAST('NaN' AS FLOAT64), 1) AS e, TRUNC(-123.456, -1) AS f, TRUNC(2.675, 2) AS g",
                "SELECT id, ROUND(SliceThickness, -1) AS a, ROUND(SliceThickness, 300) AS b, TRUNC(SliceThickness, 1) AS c FROM " + T,
                // set operations, DISTINCT and GROUP BY over -0.0, 0.0 and NaN (NaN equals NaN there; -0.0 equals 0.0)
                "SELECT x FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), 1.0]) x INTERSECT DISTINCT SELECT y FROM UNNEST([-0.0, CAST('NaN' AS FLOAT64)]) y",
                "SELECT x FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), 1.0]) x EXCEPT DISTINCT SELECT y FROM UNNEST([-0.0, CAST('NaN' AS FLOAT64)]) y",
                "SELECT x FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), CAST('NaN' AS FLOAT64), 1.0]) x INTERSECT ALL SELECT y FROM UNNEST([-0.0, 0.0, 0.0, CAST('NaN' AS FLOAT64)]) y",
                "SELECT x FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), CAST('NaN' AS FLOAT64), 1.0]) x EXCEPT ALL SELECT y FROM UNNEST([-0.0, CAST('NaN' AS FLOAT64)]) y",
                "SELECT x FROM UNNEST([0.0, CAST('NaN' AS FLOAT64)]) x UNION DISTINCT SELECT y FROM UNNEST([-0.0, CAST('NaN' AS FLOAT64), CAST('-inf' AS FLOAT64)]) y",
                "SELECT DISTINCT x FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), CAST('NaN' AS FLOAT64)]) x",
                "SELECT x, COUNT(*) AS n FROM UNNEST([0.0, -0.0, CAST('NaN' AS FLOAT64), CAST('NaN' AS FLOAT64)]) x GROUP BY x",
                "SELECT SliceThickness FROM " + T + " INTERSECT DISTINCT SELECT y FROM UNNEST([0.0, CAST('NaN' AS FLOAT64), CAST('inf' AS FLOAT64)]) y",
                "SELECT SliceThickness FROM " + T + " EXCEPT ALL SELECT y FROM UNNEST([0.0, CAST('NaN' AS FLOAT64), 2.5]) y",
                "SELECT [0.0, CAST('NaN' AS FLOAT64), CAST('-inf' AS FLOAT64)] AS a, ARRAY<FLOAT64>[1.0, CAST('inf' AS FLOAT64)] AS b",
                // the sign of zero is not kept by H2: IEEE_DIVIDE of a non-zero by zero is refused rather than guessed
                "SELECT IEEE_DIVIDE(1, x) AS y FROM (SELECT DISTINCT x FROM UNNEST([-0.0, 0.0]) x)",
                "SELECT id, IEEE_DIVIDE(1, SliceThickness) AS d FROM " + T + " WHERE id = 6",
                "SELECT IEEE_DIVIDE(0, 0) AS a, IEEE_DIVIDE(CAST('NaN' AS FLOAT64), 0) AS b, IEEE_DIVIDE(-1, 4) AS c",
                // Found by running ZetaSQL's own compliance queries locally against the reference (not kept here):
                // a constant subscript out of range under SAFE_, a DATETIME given to DATE_BUCKET with an origin,
                // STRUCTs whose fields H2 cannot name apart, a RANGE offset over a FLOAT64 key.
                "SELECT [1, 2, 3][SAFE_OFFSET(-1)] AS a, [1, 2, 3][SAFE_ORDINAL(0)] AS b, [1, 2, 3][SAFE_OFFSET(2)] AS c,"
                        + " [1, 2, 3][SAFE_ORDINAL(3)] AS d, ARRAY<INT64>[][SAFE_OFFSET(0)] AS e",
                "SELECT DATE_BUCKET(DATETIME '2020-02-15 14:57:39.646565', INTERVAL 7 DAY) AS a,"
                        + " DATE_BUCKET(DATETIME '2020-02-15 14:57:39.646565', INTERVAL 7 DAY, DATETIME '2150-12-11 07:00:00') AS b",
                "SELECT ARRAY<STRUCT<INT64, INT64>>[(11, 12), (21, 22)] AS a",
                "SELECT STRUCT(1 AS x, 2 AS x) AS s",
                "SELECT SUM(x) AS s FROM UNNEST([1.1e308, 1.2e308]) x",
                "SELECT 'a' AS x FROM (SELECT 1 AS id UNION ALL SELECT 2 AS id) GROUP BY ALL",
                "SELECT 'a' AS x FROM " + T + " GROUP BY ALL HAVING TRUE",
                "SELECT 'a' AS x, 1 AS y FROM " + T + " WHERE id < 0 GROUP BY ALL",
                "SELECT STRUCT() AS s",
                "SELECT [1, 2] IS DISTINCT FROM [1, 2] AS d, [1, 2] IS NOT DISTINCT FROM [2, 1] AS n",
                "SELECT [1, NULL] IS NOT DISTINCT FROM [1, NULL] AS a, [1] IS DISTINCT FROM [1, NULL] AS b,"
                        + " CAST(NULL AS ARRAY<INT64>) IS DISTINCT FROM [] AS c, ARRAY<INT64>[] IS NOT DISTINCT FROM [] AS e,"
                        + " ['a', NULL] IS DISTINCT FROM [NULL, 'a'] AS f",
                "SELECT id, ImageType IS NOT DISTINCT FROM ['ORIGINAL', 'PRIMARY'] AS same FROM " + T,
                "SELECT [1.0, -0.0] IS DISTINCT FROM [1.0, 0.0] AS d",
                "SELECT id, SliceThickness IS DISTINCT FROM 2.5 AS a, SliceThickness IS NOT DISTINCT FROM NULL AS b,"
                        + " CAST('NaN' AS FLOAT64) IS NOT DISTINCT FROM CAST('NaN' AS FLOAT64) AS c,"
                        + " -0.0 IS DISTINCT FROM 0.0 AS e, StudyDate IS DISTINCT FROM DATE '2020-01-01' AS f FROM " + T,
                "SELECT id FROM " + T + " WHERE PatientID IS DISTINCT FROM 'x' AND [id] IS NOT DISTINCT FROM [id]",
                "SELECT TYPEOF(CAST(NULL AS GEOGRAPHY)) AS t",
                "SELECT SUM(DISTINCT x) AS s FROM (SELECT 1.1e308 x UNION ALL SELECT 1.2e308)",
                "SELECT SUM(x) AS s, SUM(-x) AS n FROM UNNEST([CAST('inf' AS FLOAT64), 1e308, 1e308]) x",
                "SELECT id, SUM(SliceThickness) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM " + T,
                "SELECT id, AVG(id) OVER (ORDER BY CAST(id AS FLOAT64) RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a FROM " + T,
                // STRUCTs whose fields differ in type, constant or not, anonymous fields (BigQuery's _field_N)
                "SELECT STRUCT(1 AS a, 2.5 AS b) AS s, STRUCT(1 AS a, TRUE AS b, 'x' AS c) AS t",
                "SELECT s.b, s.c FROM (SELECT STRUCT(1 AS a, 'x' AS b, DATE '2020-01-02' AS c) AS s)",
                "SELECT x.a, x.b FROM UNNEST([STRUCT(1 AS a, 'one' AS b), (2, 'two'), (3, NULL)]) AS x",
                "SELECT * FROM UNNEST(ARRAY<STRUCT<n INT64, s STRING, f FLOAT64>>[(1, 'a', 0.5), (2, 'b', NULL)])",
                "SELECT STRUCT(1, 'a') AS s, (2, 2.5) AS t",
                "SELECT s._field_2 FROM (SELECT STRUCT(1, 'a') AS s)",
                "SELECT [STRUCT(1, 'a'), (2, 'b')] AS arr",
                "SELECT id, STRUCT(id + 1 AS a, PatientID AS b, SliceThickness * 2 AS c) AS s FROM " + T,
                "SELECT id, STRUCT(InstanceNumber AS n, StudyDate AS d, PixelSpacing AS p, IsPrimary AS b) AS s FROM " + T + " WHERE id < 4",
                "SELECT STRUCT(NUMERIC '1.5' AS n, 'q' AS s, TIMESTAMP '2020-01-01 10:00:00.123456+00' AS t, b'\\x01' AS y) AS s",
                "SELECT t.s.a, t.s.b FROM (SELECT STRUCT(1 AS a, 'x' AS b) AS s UNION ALL SELECT STRUCT(2 AS a, 'y' AS b)) t",
                "SELECT STRUCT(STRUCT(1 AS x, 'y' AS y) AS inner, [1, 2] AS arr, 'z' AS z) AS s",
                // LIKE ANY | ALL UNNEST(array): three-valued, empty and NULL arrays
                "SELECT id, PatientID LIKE ANY UNNEST(['19%', '%1']) AS a, PatientID LIKE ALL UNNEST(['%0%', '2%']) AS b,"
                        + " PatientID NOT LIKE ANY UNNEST(['19%', NULL]) AS c, PatientID LIKE ALL UNNEST(ARRAY<STRING>[]) AS d,"
                        + " PatientID LIKE ANY UNNEST(ARRAY<STRING>[]) AS e FROM " + T,
                "SELECT 'abc' LIKE ANY UNNEST(CAST(NULL AS ARRAY<STRING>)) AS a, 'abc' LIKE ALL UNNEST(CAST(NULL AS ARRAY<STRING>)) AS b,"
                        + " CAST(NULL AS STRING) LIKE ANY UNNEST(['a']) AS c, 'a' LIKE ALL UNNEST(['a', NULL]) AS d,"
                        + " 'a' LIKE ANY UNNEST(['b', NULL]) AS e, 'a' LIKE ANY UNNEST(['a', NULL]) AS f, 'a' LIKE ALL UNNEST(['b', NULL]) AS g",
                "SELECT id FROM " + T + " WHERE PatientName.Alphabetic.FamilyName LIKE ANY UNNEST(ImageType) OR PatientID LIKE ANY UNNEST(ARRAY(SELECT x FROM UNNEST(['2%', '3%']) x))",
                "SELECT id, 'ORIGINAL' LIKE ALL UNNEST(ImageType) AS o FROM " + T + "",
                // IGNORE NULLS and IS NULL on a STRUCT ask whether the STRUCT is NULL, not its fields
                "SELECT ARRAY_AGG(s IGNORE NULLS) AS a FROM (SELECT STRUCT<a INT64, b STRING>(1, NULL) AS s UNION ALL"
                        + " SELECT CAST(NULL AS STRUCT<a INT64, b STRING>) UNION ALL SELECT STRUCT<a INT64, b STRING>(NULL, NULL))",
                "SELECT id, PatientName IS NULL AS n, PatientName.Alphabetic IS NOT NULL AS a FROM " + T,
                "SELECT ARRAY_AGG(PatientName.Alphabetic IGNORE NULLS ORDER BY id) AS names FROM " + T,
                "SELECT TO_JSON_STRING(STRUCT('a\\u0001' AS s)) AS j",
                // one query, one instant: every CURRENT_* call agrees
                "SELECT CURRENT_DATETIME() = CURRENT_DATETIME AS a, CURRENT_DATETIME = DATETIME(CURRENT_DATE, CURRENT_TIME) AS b,"
                        + " CURRENT_TIME() = TIME(CURRENT_TIMESTAMP) AS c, CURRENT_DATETIME('UTC') = DATETIME(CURRENT_TIMESTAMP, 'UTC') AS d",
                "SELECT FORMAT_DATETIME('%D %T', t, 'America/New_York') AS f FROM (SELECT TIMESTAMP '2001-02-03 04:05:06.789' AS t)",
                // ERROR fails where it is evaluated; SAFE.ERROR is NULL
                "SELECT id, IF(id > 0, id, ERROR(CONCAT('bad id ', CAST(id AS STRING)))) AS x FROM " + T,
                "SELECT id, IF(id > 3, ERROR('too big'), 'ok') AS x FROM " + T,
                "SELECT SAFE.ERROR('x') AS a, CASE WHEN FALSE THEN ERROR('never') ELSE 1 END AS b",
                "SELECT ERROR('boom') AS a");
    }

    @Test
    void theEngineGivesTheReferenceRowsOrRefusesByName() {
        List<String> queries = new ArrayList<>(queries());
        queries.addAll(RandomExpressions.queries(new Random(13), 150, T));
        queries.addAll(DifferentialStatisticsQueries.queries(T));
        queries.addAll(DifferentialMathArrayQueries.queries(T));
        queries.addAll(DifferentialBigNumericQueries.queries(T));
        queries.addAll(DifferentialIntervalQueries.queries(T));
        queries.addAll(DifferentialJsonQueries.queries(T));
        queries.addAll(DifferentialTextQueries.queries(T));
        queries.addAll(DifferentialTimeQueries.queries(T));
        queries.addAll(DifferentialLambdaQueries.queries(T));
        queries.addAll(DifferentialRangeQueries.queries(T));
        queries.addAll(DifferentialCollationQueries.queries(T));
        queries.addAll(DifferentialWindowQueries.queries(T));
        queries.addAll(DifferentialDocsProbeQueries.queries(T));
        queries.addAll(DifferentialPeerQueries.queries(T));
        queries.addAll(DifferentialErrorCatchingQueries.queries(T));
        queries.addAll(DifferentialRecursiveQueries.queries(T));
        queries.addAll(DifferentialNumberFormatQueries.queries(T));
        queries.addAll(DifferentialDateTimeParseQueries.queries(T));
        Outcomes outcomes = new Outcomes();
        for (String sql : queries) {
            outcomes.check(sql);
        }
        System.out.println("differential suite: " + outcomes.summary());
        assertThat(outcomes.different).as(outcomes.summary()).isEmpty();
        assertThat(outcomes.same).as("most queries must run").isGreaterThan(queries.size() / 2);
    }

    /**
     * Functions the reference takes from the C library, which rounds the last bit its own way (its CBRT(27) is
     * 3.0000000000000004); their answers are compared to 12 significant digits, every other FLOAT64 to the last bit.
     */
    private static final java.util.regex.Pattern LIBM = java.util.regex.Pattern.compile(
            "\\b(SIN|COS|TAN|ASIN|ACOS|ATAN|ATAN2|SINH|COSH|TANH|ASINH|ACOSH|ATANH|COT|CSC|SEC|COTH|CSCH|SECH|CBRT)\\(");

    /** The tally of the suite: the same rows, refused by name, both failing, and every different answer. */
    static final class Outcomes {
        int same;
        int refused;
        int bothFail;
        final List<String> refusals = new ArrayList<>();
        final List<String> different = new ArrayList<>();

        void check(String sql) {
            List<List<String>> expected = null;
            String expectedError = null;
            try {
                expected = oracle.run(sql);
            } catch (RuntimeException e) {
                expectedError = String.valueOf(e.getMessage());
            }
            QueryResult actual;
            try {
                actual = engine.query(QueryRequest.of(sql, "my-project"));
            } catch (DicombqException e) {
                if (e.error().code() == Code.INVALID_ARGUMENT && e.getMessage().contains(REFUSED)) {
                    refused++;
                    refusals.add(e.getMessage());
                    return;
                }
                if (expectedError != null && e.error().code() == Code.INVALID_ARGUMENT) {
                    bothFail++;
                    return;
                }
                // The reference keeps NULL array elements in a result; BigQuery refuses to write them.
                if (e.getMessage().startsWith("Array cannot have a null element") && expected != null
                        && expected.stream().flatMap(List::stream).anyMatch(v -> v.startsWith("[") && v.matches(".*[\\[,]NULL[,\\]].*"))) {
                    bothFail++;
                    return;
                }
                different.add(sql + "\n  engine failed: " + e.error().code() + " " + e.getMessage()
                        + "\n  reference: " + (expectedError != null ? "failed: " + expectedError : expected));
                return;
            }
            if (expectedError != null) {
                different.add(sql + "\n  engine answered: " + canonical(actual) + "\n  reference failed: " + expectedError);
                return;
            }
            List<String> got = sorted(canonical(actual));
            List<String> want = sorted(expected);
            if (got.equals(want) || LIBM.matcher(sql).find()
                    && got.stream().map(Canonical::approximately).toList().equals(want.stream().map(Canonical::approximately).toList())) {
                same++;
            } else {
                different.add(sql + "\n  engine:    " + got + "\n  reference: " + want);
            }
        }

        String summary() {
            return same + " same, " + refused + " refused by name, " + bothFail + " failing on both, " + different.size()
                    + " different" + (different.isEmpty() ? "" : ":\n" + String.join("\n", different));
        }
    }

    private static List<List<String>> canonical(QueryResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result.rows()) {
            List<String> values = new ArrayList<>();
            for (Column column : result.schema().columns()) {
                values.add(Canonical.of(column, row.get(column.name())));
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<String> sorted(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            lines.add(String.join(" | ", row));
        }
        String[] array = lines.toArray(new String[0]);
        Arrays.sort(array);
        return List.of(array);
    }
}
