package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for {@code CAST(string AS DATE | DATETIME | TIME | TIMESTAMP FORMAT …)} (BigQuery docs: format
 * elements, "Format string as date and time"): text in the exact shape of its format, month names in any case, a
 * 12-hour clock with A.M./P.M., fractions of a second, offsets, a missing day or time part, over constants and the
 * table's columns; text in another shape, elements the engine does not read, and a year taken from the current date
 * are refused by name.
 */
final class DifferentialDateTimeParseQueries {
    private DifferentialDateTimeParseQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT CAST('JAN 07, 2019' AS DATE FORMAT 'MON DD, YYYY') AS a, CAST('August 30, 2001' AS DATE FORMAT 'MONTH DD, YYYY') AS b,"
                        + " CAST('sep 01, 1999' AS DATE FORMAT 'MON DD, YYYY') AS c, CAST('2024/02/29' AS DATE FORMAT 'YYYY/MM/DD') AS d",
                "SELECT CAST('07:45' AS TIME FORMAT 'HH24:MI') AS a, CAST('11:20 P.M.' AS TIME FORMAT 'HH:MI P.M.') AS b, CAST('11:20 P.M.' AS TIME FORMAT 'HH12:MI A.M.') AS c,"
                        + " CAST('12:59 A.M.' AS TIME FORMAT 'HH:MI A.M.') AS d, CAST('12:01 P.M.' AS TIME FORMAT 'HH:MI P.M.') AS e",
                "SELECT CAST('23:59:58.7' AS TIME FORMAT 'HH24:MI:SS.FF1') AS a, CAST('00:00:01.000042' AS TIME FORMAT 'HH24:MI:SS.FF6') AS b,"
                        + " CAST('2021-12-31;08' AS DATETIME FORMAT 'YYYY-MM-DD;HH24') AS c",
                "SELECT CAST('1999.12.31 23:59:59-08' AS TIMESTAMP FORMAT 'YYYY.MM.DD HH24:MI:SSTZH') AS a,"
                        + " CAST('03/15/2022 06:30:00.250 +05:45' AS TIMESTAMP FORMAT 'MM/DD/YYYY HH24:MI:SS.FF3 TZH:TZM') AS b,"
                        + " CAST('2022-03-15' AS TIMESTAMP FORMAT 'YYYY-MM-DD') AS c",
                "SELECT CAST('2020-07' AS DATE FORMAT 'YYYY-MM') AS a, CAST('2020-07-04 09' AS DATETIME FORMAT 'YYYY-MM-DD HH24') AS b,"
                        + " CAST(CAST(NULL AS STRING) AS TIME FORMAT 'HH24:MI') AS c, CAST('2020-07-04' AS DATE FORMAT CAST(NULL AS STRING)) AS d",
                "SELECT id, CAST(FORMAT_DATE('%d.%m.%Y', StudyDate) AS DATE FORMAT 'DD.MM.YYYY') AS a, CAST(FORMAT_TIME('%H:%M:%S', StudyTime) AS TIME FORMAT 'HH24:MI:SS') AS b FROM " + t,
                // refused: text in another shape, a value out of range, a year from the current date, an element not read
                "SELECT CAST('2023-2-09' AS DATE FORMAT 'YYYY-MM-DD') AS a",
                "SELECT CAST('2023-02-30' AS DATE FORMAT 'YYYY-MM-DD') AS a",
                "SELECT CAST('12-03' AS DATE FORMAT 'MM-DD') AS a",
                "SELECT CAST('01:05:07.16' AS TIME FORMAT 'HH24:MI:SS.FF1') AS a",
                "SELECT CAST('2018-12-03' AS TIMESTAMP FORMAT 'YYYY-MM-DD' AT TIME ZONE 'UTC') AS a");
    }
}
