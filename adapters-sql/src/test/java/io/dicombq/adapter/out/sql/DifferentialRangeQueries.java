package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for RANGE values inside a query ({@link RangeFunctions}): RANGE(…), literals with bounded and
 * unbounded ends, RANGE_START, RANGE_END, RANGE_CONTAINS of a value and of a range, RANGE_OVERLAPS, RANGE_INTERSECT,
 * equality and IS NULL, over DATE, DATETIME and TIMESTAMP, with NULLs, invalid ranges and the table's columns; and the
 * refusals of what stays out (a RANGE result, a RANGE passed through a subquery, GENERATE_RANGE_ARRAY).
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
                "SELECT ARRAY_LENGTH(GENERATE_RANGE_ARRAY(RANGE<DATE> '[2020-01-01, 2020-01-05)', INTERVAL 1 DAY)) AS n");
    }
}
