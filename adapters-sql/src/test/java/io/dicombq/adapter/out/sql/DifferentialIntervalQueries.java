package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for INTERVAL (see {@link IntervalFunctions}): literals and {@code INTERVAL n part}, the canonical
 * text (checked through {@code CAST(… AS STRING)}, which the reference writes itself), MAKE_INTERVAL, the JUSTIFY_
 * functions, differences of dates, datetimes, times and timestamps, arithmetic between intervals, EXTRACT, the range
 * of each part, a date, datetime or timestamp moved by an interval value (months, then days, then the time part;
 * overflow at each step), and the refusals of comparing, grouping and ordering intervals.
 */
final class DifferentialIntervalQueries {
    private DifferentialIntervalQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT INTERVAL '1-2 3 4:5:6.789999' YEAR TO SECOND AS a, INTERVAL '-22-6 10 -12:30' YEAR TO MINUTE AS b, INTERVAL '10 -12:30' DAY TO MINUTE AS c, INTERVAL '0:0:0.5' HOUR TO SECOND AS d, INTERVAL '-0:0:0.000001' HOUR TO SECOND AS e",
                "SELECT CAST(INTERVAL '1-2 3 4:5:6.789999' YEAR TO SECOND AS STRING) AS a, CAST(INTERVAL '-22-6 10 -12:30' YEAR TO MINUTE AS STRING) AS b, CAST(INTERVAL '0:0:0.12' HOUR TO SECOND AS STRING) AS c, CAST(INTERVAL '0-13 370 48:61:61' YEAR TO SECOND AS STRING) AS d",
                "SELECT INTERVAL 5 DAY AS a, INTERVAL -3 YEAR AS b, INTERVAL 2 QUARTER AS c, INTERVAL 3 WEEK AS d, INTERVAL 25 HOUR AS e, INTERVAL -90 MINUTE AS f, INTERVAL 3661 SECOND AS g, INTERVAL 1500 MILLISECOND AS h, INTERVAL -7 MICROSECOND AS i",
                "SELECT CAST(INTERVAL n DAY AS STRING) AS d, CAST(INTERVAL n HOUR AS STRING) AS h, CAST(INTERVAL n MILLISECOND AS STRING) AS ms, CAST(INTERVAL n MONTH AS STRING) AS m FROM UNNEST([0, 1, -1, 29, 1001, -123456]) AS n",
                "SELECT INTERVAL 10001 YEAR",
                "SELECT INTERVAL 3660001 DAY",
                "SELECT INTERVAL 87840001 HOUR",
                "SELECT MAKE_INTERVAL(1, 6, 15) AS a, MAKE_INTERVAL(hour => 10, second => 20) AS b, MAKE_INTERVAL(1, minute => 5, day => 2) AS c, MAKE_INTERVAL() AS d, MAKE_INTERVAL(-1, 14, -3, 25, -61, 3599) AS e, MAKE_INTERVAL(NULL, 1) AS f",
                "SELECT CAST(MAKE_INTERVAL(y, m, d, h, mi, s) AS STRING) FROM UNNEST([STRUCT(0 AS y, 0 AS m, 0 AS d, 0 AS h, 0 AS mi, 0 AS s), (1, -13, 40, -50, 70, -80), (-2, 2, -2, 2, -2, 2)])",
                "SELECT MAKE_INTERVAL(9999, 13)",
                "SELECT JUSTIFY_DAYS(INTERVAL 29 DAY) AS a, JUSTIFY_DAYS(INTERVAL -30 DAY) AS b, JUSTIFY_DAYS(INTERVAL 31 DAY) AS c, JUSTIFY_DAYS(INTERVAL -65 DAY) AS d, JUSTIFY_DAYS(INTERVAL 370 DAY) AS e, JUSTIFY_DAYS(MAKE_INTERVAL(1, 0, -45)) AS f, JUSTIFY_DAYS(MAKE_INTERVAL(-1, 0, 45, 5)) AS g",
                "SELECT JUSTIFY_HOURS(INTERVAL 23 HOUR) AS a, JUSTIFY_HOURS(INTERVAL -24 HOUR) AS b, JUSTIFY_HOURS(INTERVAL 47 HOUR) AS c, JUSTIFY_HOURS(INTERVAL -12345 MINUTE) AS d, JUSTIFY_HOURS(MAKE_INTERVAL(0, 0, 2, -30)) AS e, JUSTIFY_HOURS(MAKE_INTERVAL(0, 0, -2, 30)) AS f",
                "SELECT JUSTIFY_INTERVAL(INTERVAL '29 49:00:00' DAY TO SECOND) AS a, JUSTIFY_INTERVAL(MAKE_INTERVAL(1, 0, 0, -1)) AS b, JUSTIFY_INTERVAL(MAKE_INTERVAL(-1, 0, 0, 1)) AS c, JUSTIFY_INTERVAL(MAKE_INTERVAL(0, 2, -61, 25)) AS d, JUSTIFY_INTERVAL(NULL) AS e",
                "SELECT DATE '2021-05-20' - DATE '2020-04-19' AS a, DATE '2020-01-01' - DATE '2020-03-01' AS b, TIMESTAMP '2021-06-01 12:34:56.789' - TIMESTAMP '2021-05-31 00:00:00' AS c, TIMESTAMP '2020-01-01' - TIMESTAMP '2020-01-03 00:00:00.000001' AS d",
                "SELECT DATETIME '2021-06-01 12:34:56.789' - DATETIME '2021-05-31 00:00:00' AS a, DATETIME '2020-01-01 00:00:00' - DATETIME '2020-01-03 01:00:00.5' AS b, TIME '10:00:00' - TIME '12:30:00.25' AS c",
                "SELECT id, StudyDate - DATE '2020-01-01' AS d, LastUpdated - TIMESTAMP '2020-01-01 00:00:00+00' AS ts, AcquisitionDateTime - DATETIME '2021-01-01 00:00:00' AS dt FROM " + t,
                "SELECT INTERVAL 1 YEAR + INTERVAL 14 MONTH AS a, INTERVAL 3 DAY - INTERVAL 5 DAY AS b, MAKE_INTERVAL(1, 2, 3, 4, 5, 6) - MAKE_INTERVAL(2, 1, 3, 5, 5, 6) AS c, -MAKE_INTERVAL(1, 2, -3, 4) AS d, -INTERVAL 0 DAY AS e",
                "SELECT INTERVAL '1:2:3' HOUR TO SECOND * 10 AS a, INTERVAL 35 SECOND * 4 AS b, 3 * MAKE_INTERVAL(1, 1, 1, 1, 1, 1) AS c, INTERVAL 1 DAY * -2 AS d, INTERVAL 5 DAY * NULL AS e",
                "SELECT INTERVAL 10000 YEAR + INTERVAL 1 MONTH",
                "SELECT INTERVAL 2 YEAR * 6000",
                "SELECT INTERVAL 1 MICROSECOND * 9223372036854775807",
                "SELECT EXTRACT(YEAR FROM i) AS y, EXTRACT(MONTH FROM i) AS mo, EXTRACT(DAY FROM i) AS d, EXTRACT(HOUR FROM i) AS h, EXTRACT(MINUTE FROM i) AS mi, EXTRACT(SECOND FROM i) AS s, EXTRACT(MILLISECOND FROM i) AS ms, EXTRACT(MICROSECOND FROM i) AS us FROM UNNEST([INTERVAL '1-2 3 4:5:6.789999' YEAR TO SECOND, INTERVAL '0-13 370 48:61:61' YEAR TO SECOND, INTERVAL '-22-6 -10 -12:30:01.5' YEAR TO SECOND, NULL]) AS i",
                "SELECT i, IF(i IS NULL, 'none', 'some') AS s, COALESCE(i, INTERVAL 1 DAY) AS c, [i, INTERVAL 2 DAY] AS arr, COUNT(*) OVER () AS n FROM UNNEST([INTERVAL 3 HOUR, NULL]) AS i",
                "SELECT COUNT(i) AS n, ARRAY_LENGTH([INTERVAL 1 DAY, INTERVAL 2 DAY]) AS l, [INTERVAL 1 DAY, INTERVAL 2 DAY][OFFSET(1)] AS o FROM UNNEST([INTERVAL 1 DAY, NULL, INTERVAL 2 DAY]) AS i",
                "SELECT STRUCT(INTERVAL 1 DAY AS i, 'x' AS s) AS st",
                "SELECT x FROM (SELECT DATE '2021-01-05' - DATE '2021-01-01' AS x UNION ALL SELECT INTERVAL 2 MONTH)",
                "SELECT DATE_BUCKET(DATE '2021-05-20', INTERVAL 7 DAY) AS a, DATETIME_BUCKET(DATETIME '2021-05-20 10:00:00', INTERVAL '0 12:00:00' DAY TO SECOND) AS b, TIMESTAMP_BUCKET(TIMESTAMP '2021-05-20 10:00:00+00', INTERVAL 2 HOUR) AS c",
                "SELECT INTERVAL 30 DAY = INTERVAL 1 MONTH",
                "SELECT i FROM UNNEST([INTERVAL 30 DAY, INTERVAL 1 MONTH]) AS i GROUP BY i",
                "SELECT DISTINCT i FROM UNNEST([INTERVAL 30 DAY, INTERVAL 1 MONTH]) AS i",
                "SELECT i FROM UNNEST([INTERVAL 30 DAY, INTERVAL 1 MONTH, INTERVAL 29 DAY]) AS i ORDER BY i",
                "SELECT MAX(i) FROM UNNEST([INTERVAL 30 DAY, INTERVAL 1 MONTH]) AS i",
                "SELECT INTERVAL 1 YEAR / 3, SUM(i) FROM UNNEST([INTERVAL 30 DAY]) AS i",
                "SELECT DATE '2021-01-31' + INTERVAL 1 MONTH",
                // a date, datetime or timestamp plus or minus an interval value (a date gives a datetime)
                "SELECT id, StudyDate + w AS plus, StudyDate - w AS minus, w + AcquisitionDateTime AS dt FROM " + t + ", UNNEST([MAKE_INTERVAL(0, 1),"
                        + " MAKE_INTERVAL(1, -1, 2, -3, 4, -5), INTERVAL '0-11 -40 100:0:0.000007' YEAR TO SECOND, NULL]) AS w",
                "SELECT d + MAKE_INTERVAL(0, m, 1) AS a, d - MAKE_INTERVAL(0, m, 0, 0, 0, 1) AS b FROM UNNEST([DATE '2023-01-29', DATE '2024-01-31',"
                        + " DATE '2024-05-31']) AS d, UNNEST([1, 13, -3]) AS m",
                "SELECT id, LastUpdated + MAKE_INTERVAL(day => 40, hour => -30) AS a, LastUpdated - INTERVAL '-3 0:0:0.5' DAY TO SECOND AS b FROM " + t,
                "SELECT TIMESTAMP '2021-03-13 12:00:00 America/New_York' + MAKE_INTERVAL(day => 1) AS a",
                "SELECT TIMESTAMP '2021-01-01 00:00:00+00' + MAKE_INTERVAL(0, 2) AS a",
                "SELECT DATETIME '9999-12-30 12:00:00' + MAKE_INTERVAL(day => 1, hour => 12) AS a",
                "SELECT DATETIME '0001-01-02 00:00:00' + MAKE_INTERVAL(day => -1, second => -1) AS a",
                "SELECT DATETIME '2000-01-01 00:00:00' + MAKE_INTERVAL(day => 3660000, hour => -87840000) AS a",
                "SELECT TIMESTAMP '9999-12-31 00:00:00+00' - MAKE_INTERVAL(hour => -24) AS a",
                "SELECT CAST('1-2 3 10:20:30.456' AS INTERVAL)");
    }
}
