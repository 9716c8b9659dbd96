package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for RANGE values inside a query ({@link RangeFunctions}): RANGE(…), literals with bounded and
 * unbounded ends, RANGE_START, RANGE_END, RANGE_CONTAINS of a value and of a range, RANGE_OVERLAPS, RANGE_INTERSECT,
 * equality and IS NULL, over DATE, DATETIME and TIMESTAMP, with NULLs, invalid ranges and the table's columns; RANGE
 * result columns in their canonical text (each beside its {@code CAST(… AS STRING)}, which the reference writes
 * itself), also in arrays, structs, subqueries and UNION ALL; and the refusals of what stays out (a RANGE function of a
 * subquery's RANGE column, ordering, grouping and aggregating ranges, GENERATE_RANGE_ARRAY, CAST of a non-literal).
 */
final class DifferentialRangeQueries {
    private DifferentialRangeQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT RANGE_START(RANGE<DATE> '[2022-12-01, 2022-12-31)') AS s, RANGE_END(RANGE<DATE> '[2022-12-01, 2022-12-31)') AS e",
                "SELECT RANGE_START(RANGE(DATE '2020-01-01', NULL)) AS s, RANGE_END(RANGE(DATE '2020-01-01', NULL)) AS e, "
                        + "RANGE_START(RANGE<DATE> '[UNBOUNDED, 2020-01-01)') AS u",
                "SELECT RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', DATE '2020-01-15') AS a, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', DATE '2020-02-01') AS b, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', DATE '2020-01-01') AS c, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[UNBOUNDED, UNBOUNDED)', DATE '2020-02-01') AS d, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', CAST(NULL AS DATE)) AS e, "
                        + "RANGE_CONTAINS(CAST(NULL AS RANGE<DATE>), DATE '2020-01-01') AS f",
                "SELECT RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-05, UNBOUNDED)') AS a, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[UNBOUNDED, 2020-02-01)', RANGE<DATE> '[2020-01-05, 2020-01-06)') AS b, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-01, 2020-02-01)') AS c, "
                        + "RANGE_CONTAINS(RANGE<DATE> '[2020-01-02, UNBOUNDED)', RANGE<DATE> '[UNBOUNDED, 2020-01-03)') AS d",
                "SELECT RANGE_OVERLAPS(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-05, UNBOUNDED)') AS a, "
                        + "RANGE_OVERLAPS(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-02-01, UNBOUNDED)') AS b, "
                        + "RANGE_OVERLAPS(RANGE<DATE> '[UNBOUNDED, UNBOUNDED)', RANGE<DATE> '[2020-02-01, 2020-02-02)') AS c, "
                        + "RANGE_OVERLAPS(RANGE<DATE> '[2020-01-01, 2020-02-01)', CAST(NULL AS RANGE<DATE>)) AS d",
                "SELECT RANGE_START(RANGE_INTERSECT(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-05, UNBOUNDED)')) AS s, "
                        + "RANGE_END(RANGE_INTERSECT(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-05, UNBOUNDED)')) AS e, "
                        + "RANGE_END(RANGE_INTERSECT(RANGE<DATE> '[UNBOUNDED, UNBOUNDED)', RANGE<DATE> '[UNBOUNDED, 2020-01-05)')) AS u, "
                        + "RANGE_INTERSECT(RANGE<DATE> '[2020-01-01, 2020-02-01)', CAST(NULL AS RANGE<DATE>)) IS NULL AS n",
                "SELECT RANGE_START(RANGE_INTERSECT(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-03-05, UNBOUNDED)')) AS r",
                "SELECT RANGE(DATE '2020-02-01', DATE '2020-01-01') IS NULL AS r",
                "SELECT RANGE_END(RANGE(DATE '2020-01-01', DATE '2020-01-01')) AS r",
                "SELECT RANGE(DATE '2020-01-01', DATE '2020-02-01') = RANGE(DATE '2020-01-01', DATE '2020-02-01') AS a, "
                        + "RANGE<DATE> '[UNBOUNDED, UNBOUNDED)' = RANGE(CAST(NULL AS DATE), NULL) AS b, "
                        + "RANGE<DATE> '[2020-01-01, UNBOUNDED)' != RANGE(DATE '2020-01-01', DATE '2021-01-01') AS c, "
                        + "CAST(NULL AS RANGE<DATE>) IS NULL AS d, RANGE(CAST(NULL AS DATE), NULL) IS NULL AS e, "
                        + "CAST(NULL AS RANGE<DATE>) = RANGE<DATE> '[2020-01-01, UNBOUNDED)' AS f",
                "SELECT RANGE_START(RANGE(TIMESTAMP '2020-01-01 10:00:00+00', NULL)) AS s, "
                        + "RANGE_END(RANGE<DATETIME> '[2020-01-01 10:00:00, 2020-01-01 12:00:00)') AS e, "
                        + "RANGE_CONTAINS(RANGE<DATETIME> '[2020-01-01 10:00:00, 2020-01-01 12:00:00)', DATETIME '2020-01-01 11:59:59.999999') AS c",
                "SELECT id, RANGE_CONTAINS(RANGE(DATE '2021-01-01', DATE '2022-01-01'), StudyDate) AS c, "
                        + "RANGE_START(RANGE(StudyDate, NULL)) AS s, RANGE_END(RANGE(NULL, StudyDate)) AS e FROM " + t,
                "SELECT id, RANGE_START(RANGE(StudyDate, DATE '2022-01-01')) AS s FROM " + t,
                "SELECT id, RANGE_OVERLAPS(RANGE(StudyDate, DATE '2021-06-01'), RANGE(DATE '2021-01-01', NULL)) AS o FROM " + t + " WHERE id < 5",
                "SELECT id FROM " + t + " WHERE RANGE_CONTAINS(RANGE<TIMESTAMP> '[2020-01-01 00:00:00+00, 2021-03-05 00:00:00+00)', LastUpdated)",
                "SELECT id, RANGE_CONTAINS(RANGE(LastUpdated, NULL), TIMESTAMP '2021-06-01 00:00:00+00') AS c, "
                        + "RANGE_CONTAINS(RANGE(AcquisitionDateTime, DATETIME '2030-01-01 00:00:00'), RANGE(DATETIME '2021-01-01 00:00:00', NULL)) AS d FROM " + t,
                "SELECT RANGE(DATE '2020-01-01', DATE '2020-02-01') AS r",
                "SELECT RANGE_START(r) AS s FROM (SELECT RANGE(DATE '2020-01-01', DATE '2020-02-01') AS r)",
                "SELECT ARRAY_LENGTH(GENERATE_RANGE_ARRAY(RANGE<DATE> '[2020-01-01, 2020-01-05)', INTERVAL 1 DAY)) AS n",
                // RANGE result columns: BigQuery's canonical text, checked against the reference's own CAST(… AS STRING)
                "SELECT RANGE<DATE> '[2021-03-01, 2021-04-01)' AS a, CAST(RANGE<DATE> '[2021-03-01, 2021-04-01)' AS STRING) AS a_text, "
                        + "RANGE<DATE> '[UNBOUNDED, 0009-01-02)' AS b, CAST(RANGE<DATE> '[UNBOUNDED, 0009-01-02)' AS STRING) AS b_text, "
                        + "RANGE<DATE> '[UNBOUNDED, UNBOUNDED)' AS c, CAST(NULL AS RANGE<DATE>) AS d, CAST(CAST(NULL AS RANGE<DATE>) AS STRING) AS d_text",
                "SELECT RANGE<DATETIME> '[2021-03-01 08:00:00, 2021-03-01 08:00:00.25)' AS a, "
                        + "CAST(RANGE<DATETIME> '[2021-03-01 08:00:00, 2021-03-01 08:00:00.25)' AS STRING) AS a_text, "
                        + "RANGE<TIMESTAMP> '[2021-03-01 08:00:00.000001-05, UNBOUNDED)' AS b, "
                        + "CAST(RANGE<TIMESTAMP> '[2021-03-01 08:00:00.000001-05, UNBOUNDED)' AS STRING) AS b_text",
                "SELECT CAST('[2021-03-01, NULL)' AS RANGE<DATE>) AS a, CAST('[UNBOUNDED, 2021-03-01 10:11:12.5+01)' AS RANGE<TIMESTAMP>) AS b",
                "SELECT id, RANGE(StudyDate, DATE '2030-01-01') AS a, CAST(RANGE(NULL, StudyDate) AS STRING) AS a_text, "
                        + "RANGE(LastUpdated, NULL) AS b, CAST(RANGE(LastUpdated, NULL) AS STRING) AS b_text, "
                        + "RANGE(AcquisitionDateTime, NULL) AS c, CAST(RANGE(NULL, AcquisitionDateTime) AS STRING) AS c_text FROM " + t,
                "SELECT id, RANGE_INTERSECT(RANGE(StudyDate, NULL), RANGE<DATE> '[UNBOUNDED, 2030-01-01)') AS r, "
                        + "CAST(RANGE_INTERSECT(RANGE<DATE> '[2000-01-01, UNBOUNDED)', RANGE(NULL, StudyDate)) AS STRING) AS r_text FROM " + t,
                "SELECT id, RANGE(StudyDate, DATE '2021-06-01') AS r FROM " + t,
                "SELECT RANGE_INTERSECT(RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-03-01, UNBOUNDED)') AS r",
                "SELECT r, CAST(r AS STRING) AS r_text FROM (SELECT RANGE(DATE '2020-01-01', DATE '2020-02-01') AS r "
                        + "UNION ALL SELECT RANGE<DATE> '[UNBOUNDED, 2020-01-01)' UNION ALL SELECT NULL)",
                "SELECT r FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[UNBOUNDED, 2020-01-01)']) AS r WITH OFFSET o WHERE o > 0",
                "SELECT [RANGE<DATETIME> '[2020-01-01 00:00:00, UNBOUNDED)'] AS a, STRUCT(RANGE<DATE> '[2020-01-01, 2020-01-02)' AS r, 'x' AS s) AS st",
                "SELECT COUNT(r) AS n, COUNT(*) AS m FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', NULL]) AS r",
                "SELECT r FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[UNBOUNDED, 2020-01-01)']) AS r ORDER BY r",
                "SELECT r, COUNT(*) AS n FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[2020-01-01, 2020-02-01)']) AS r GROUP BY r",
                "SELECT MIN(r) AS m FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[UNBOUNDED, 2020-01-01)']) AS r",
                "SELECT ARRAY_AGG(r) AS a FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)']) AS r",
                "SELECT r = RANGE<DATE> '[2020-01-01, 2020-02-01)' AS e FROM UNNEST([RANGE<DATE> '[2020-01-01, 2020-02-01)']) AS r",
                "SELECT CAST(s AS RANGE<DATE>) AS r FROM UNNEST(['[2020-01-01, 2020-02-01)']) AS s",
                "SELECT IF(id > 2, RANGE(StudyDate, NULL), NULL) AS r FROM " + t,
                "SELECT SAFE.RANGE(DATE '2020-02-01', DATE '2020-01-01') AS r",
                "SELECT ARRAY_LENGTH([RANGE<DATE> '[2020-01-01, 2020-02-01)', NULL]) AS n, "
                        + "ARRAY_REVERSE([RANGE<DATE> '[2020-01-01, 2020-02-01)', RANGE<DATE> '[UNBOUNDED, 2020-01-01)']) AS rev",
                "SELECT TO_JSON_STRING([RANGE<DATE> '[2020-01-01, 2020-02-01)']) AS j",
                "SELECT FORMAT('%t', STRUCT(RANGE<DATE> '[2020-01-01, 2020-02-01)' AS r)) AS f",
                "SELECT r, LAG(r) OVER (ORDER BY n) AS prev FROM UNNEST([STRUCT(1 AS n, RANGE<DATE> '[2020-01-01, 2020-02-01)' AS r), "
                        + "(2, RANGE<DATE> '[UNBOUNDED, 2020-01-01)')])");
    }
}
