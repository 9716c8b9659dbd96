package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for what running the examples of BigQuery's function reference found (a local probe, kept out of
 * this repository): JSONPath steps that read a position as a member name and a member name as a position, the legacy
 * {@code $[name]} form, STRING input read only up to the value found, ARRAY_AGG and STRING_AGG DISTINCT keeping
 * first appearances, ANY_VALUE's first non-NULL value, JSON_STRIP_NULLS keeping empty arrays without include_arrays,
 * NULL arrays nested in a result, aggregates over UNNEST of concatenated arrays; and functions the probe found refused
 * that now run: PI, PI_NUMERIC, ZEROIFNULL, NULLIFZERO, DATE ± INT64, the [LAX_]*_ARRAY conversions of JSON and
 * GROUP BY ROLLUP, CUBE and GROUPING SETS, COSINE_DISTANCE and EUCLIDEAN_DISTANCE, PARSE_NUMERIC and
 * JSON_OBJECT(keys, values), CAST(date | datetime | time | timestamp AS STRING FORMAT …) and pipe query syntax.
 */
final class DifferentialDocsProbeQueries {
    private DifferentialDocsProbeQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                // a position names a member of an object, digits name a position of an array (ZetaSQL's JSONPath)
                "SELECT JSON_EXTRACT('{\"7\": \"seven\", \"b\": [10, 20]}', '$[7]') AS a, JSON_EXTRACT_SCALAR('[\"x\", \"y\", \"z\"]', '$.2') AS b,"
                        + " JSON_QUERY('{\"b\": [10, 20]}', '$.b.1') AS c, JSON_VALUE('{\"1\": {\"2\": true}}', '$[1][2]') AS d",
                "SELECT JSON_QUERY(JSON '{\"k\": [[1], [2, 3]]}', '$.k.1.0') AS a, JSON_VALUE(JSON '{\"0\": 4.5}', '$[0]') AS b,"
                        + " JSON_VALUE('[\"p\", \"q\"]', '$.001') AS c, JSON_VALUE('{\"01\": \"w\"}', '$.01') AS e, JSON_VALUE('[1]', '$.1234567890') AS f",
                "SELECT JSON_QUERY_ARRAY('{\"3\": [\"a\", 1]}', '$[3]') AS a, JSON_VALUE_ARRAY('[[\"m\"], [\"n\", \"o\"]]', '$.1') AS b,"
                        + " JSON_EXTRACT_ARRAY('[{\"q\": [7]}]', '$.0.q') AS c",
                "SELECT id, JSON_VALUE(Metadata, '$.arr.2') AS a, JSON_QUERY(Metadata, '$.b[0]') AS b FROM " + t,
                // the legacy syntax takes $[name] as $.name
                "SELECT JSON_EXTRACT('{\"cats\": {\"n\": [3, 4]}}', '$[cats][n][1]') AS a, JSON_EXTRACT_SCALAR('{\"dog_1\": \"rex\"}', '$[dog_1]') AS b,"
                        + " JSON_EXTRACT_STRING_ARRAY('{\"tags\": [\"x\", \"y\"]}', '$[tags]') AS c, JSON_EXTRACT_ARRAY('{\"tags\": [1, 2]}', '$[tags]') AS d",
                "SELECT JSON_EXTRACT(JSON '{\"cats\": {\"n\": [3, 4]}}', '$[cats].n') AS a",
                "SELECT JSON_EXTRACT_SCALAR('{\"a b\": 1}', '$[a b]') AS a",
                // a STRING is read up to the value found; invalid text before it, or no value, is not BigQuery's to guess
                "SELECT JSON_VALUE('{\"title\": \"scan\", \"broken', '$.title') AS a, JSON_QUERY('{\"s\": [1, {\"t\": 2}], ', '$.s') AS b,"
                        + " JSON_EXTRACT_SCALAR('{\"k\": 5 oops', '$.k') AS c, JSON_EXTRACT('[{\"z\": null}, ', '$[0]') AS d",
                "SELECT JSON_VALUE('{\"a\": 1, \"b\": ', '$.b') AS a",
                "SELECT JSON_VALUE('{\"x\": 2, \"x\": 3}', '$.x') AS a",
                "SELECT JSON_VALUE(JSON '{\"s\": \"t\"}', '$.s') AS a, JSON_QUERY(JSON '[1, [2]]', '$[1]') AS b",
                // ARRAY_AGG and STRING_AGG DISTINCT without ORDER BY keep each value's first place
                "SELECT ARRAY_AGG(DISTINCT n) AS a, STRING_AGG(DISTINCT CAST(n AS STRING), '/') AS s FROM UNNEST([5, 3, 5, -1, 3, 8]) n",
                "SELECT ARRAY_AGG(DISTINCT f) AS a FROM UNNEST([2.5, CAST('NaN' AS FLOAT64), 0.0, -0.0, 2.5, CAST('NaN' AS FLOAT64), -1.0]) f",
                "SELECT ARRAY_AGG(DISTINCT w LIMIT 2) AS a, STRING_AGG(DISTINCT w, '' LIMIT 3) AS s FROM UNNEST(['m', 'k', 'm', 'z', 'a']) w",
                "SELECT ARRAY_AGG(DISTINCT v IGNORE NULLS) AS a, STRING_AGG(DISTINCT v) AS s FROM UNNEST([NULL, 'q', NULL, 'b', 'q']) v",
                "SELECT PatientID, ARRAY_AGG(DISTINCT StudyDate IGNORE NULLS) AS d, STRING_AGG(DISTINCT PatientName.Alphabetic.FamilyName) AS f FROM "
                        + t + " GROUP BY PatientID",
                "SELECT ARRAY_AGG(DISTINCT s) AS a FROM UNNEST([STRUCT(1 AS k, 'b' AS v), (0, 'c'), (1, 'b')]) s",
                "SELECT ARRAY_AGG(DISTINCT n ORDER BY n DESC) AS a, STRING_AGG(DISTINCT w, ',' ORDER BY w) AS s"
                        + " FROM UNNEST([STRUCT(3 AS n, 'y' AS w), (1, 'x'), (3, 'z')])",
                // ANY_VALUE: the first non-NULL value (the reference agrees while the first value is not NULL)
                "SELECT ANY_VALUE(w) AS a, ANY_VALUE(n) AS b FROM UNNEST([STRUCT('first' AS w, 4 AS n), ('second', NULL), (NULL, 6)])",
                "SELECT g, ANY_VALUE(s) AS a FROM UNNEST([STRUCT(1 AS g, STRUCT(9 AS x) AS s), (1, NULL), (2, STRUCT(NULL))]) GROUP BY g",
                "SELECT ANY_VALUE(x) AS a FROM UNNEST(ARRAY<STRING>[]) x",
                // JSON_STRIP_NULLS removes empty arrays only with include_arrays
                "SELECT JSON_STRIP_NULLS(JSON '{\"p\": {\"q\": null}, \"r\": [], \"s\": [null], \"u\": 2}', include_arrays => FALSE, remove_empty => TRUE) AS a,"
                        + " JSON_STRIP_NULLS(JSON '{\"p\": {\"q\": null}, \"r\": [], \"s\": [null], \"u\": 2}', remove_empty => TRUE) AS b,"
                        + " JSON_STRIP_NULLS(JSON '{\"v\": {\"w\": []}}', include_arrays => FALSE, remove_empty => TRUE) AS c",
                // a NULL array nested in a result is an empty one (BigQuery docs: array type)
                "SELECT [STRUCT('a' AS k, [1, 2] AS xs), ('b', NULL)] AS arr, STRUCT(CAST(NULL AS ARRAY<STRING>) AS e) AS s",
                "SELECT SAFE.STRING(JSON '5') AS a",
                // aggregates over UNNEST of a concatenated array (H2 does not type an array ||)
                "SELECT ARRAY_AGG(v IGNORE NULLS) AS a, SUM(v) AS s, MAX(v) AS m, COUNT(v) AS n"
                        + " FROM UNNEST(ARRAY_CONCAT([7, CAST(NULL AS INT64)], GENERATE_ARRAY(2, 4))) v",
                "SELECT STRING_AGG(w, '+') AS s, MIN(w) AS m FROM UNNEST(['k'] || ['j', 'l'] || ARRAY<STRING>[]) w",
                "SELECT ARRAY_AGG(p.n ORDER BY p.n DESC) AS a FROM UNNEST(ARRAY_CONCAT([STRUCT(1 AS n)], [STRUCT(5 AS n), STRUCT(3 AS n)])) p",
                "SELECT id, ARRAY_LENGTH(ImageType || ['EXTRA']) AS n, (SELECT STRING_AGG(x, '') FROM UNNEST(ImageType || ['Z']) x) AS s FROM " + t,
                // PI, PI_NUMERIC, ZEROIFNULL, NULLIFZERO (-0.0 is zero, NaN is not), DATE ± INT64
                "SELECT PI() AS a, PI_NUMERIC() AS b, ZEROIFNULL(CAST(NULL AS INT64)) AS c, ZEROIFNULL(-1.25) AS d, ZEROIFNULL(CAST(NULL AS NUMERIC)) AS e",
                "SELECT NULLIFZERO(0) AS a, NULLIFZERO(-0.0) AS b, NULLIFZERO(CAST('NaN' AS FLOAT64)) AS c, NULLIFZERO(NUMERIC '0.00') AS d,"
                        + " NULLIFZERO(-9223372036854775808) AS e, NULLIFZERO(0.5) AS f",
                "SELECT id, ZEROIFNULL(InstanceNumber) AS a, NULLIFZERO(SliceThickness) AS b, ZEROIFNULL(PixelSpacing) AS c FROM " + t,
                "SELECT DATE '2024-02-28' + 1 AS a, 3 + DATE '2023-12-30' AS b, DATE '2021-03-01' - 1 AS c, DATE '2021-01-31' - -3 AS d",
                "SELECT id, StudyDate + 30 AS a, StudyDate - id AS b FROM " + t,
                "SELECT DATE '9999-12-31' + 1 AS a",
                // [LAX_]INT64_ARRAY, FLOAT64_ARRAY, BOOL_ARRAY, STRING_ARRAY of JSON
                "SELECT INT64_ARRAY(JSON '[4, -8, 2.0]') AS a, BOOL_ARRAY(JSON '[false, true]') AS b, STRING_ARRAY(JSON '[\"u\", \"\"]') AS c,"
                        + " FLOAT64_ARRAY(JSON '[3, 0.25, 1e-300]') AS d, STRING_ARRAY(JSON '[]') AS e, INT64_ARRAY(CAST(NULL AS JSON)) AS f",
                "SELECT INT64_ARRAY(JSON '[2.5]') AS a",
                "SELECT BOOL_ARRAY(JSON '{\"a\": true}') AS a",
                "SELECT STRING_ARRAY(JSON '[7]') AS a",
                "SELECT FLOAT64_ARRAY(JSON '[9007199254740993, 1]', wide_number_mode => 'round') AS a",
                "SELECT LAX_INT64_ARRAY(JSON '[7, 7.0, 2.5, -2.5, false, \"12\", \"0.5\"]') AS a, LAX_BOOL_ARRAY(JSON '[\"False\", 3, 0.0]') AS b,"
                        + " LAX_STRING_ARRAY(JSON '[2, false, \"t\", 0.75]') AS c, LAX_FLOAT64_ARRAY(JSON '[5, \"-0.5\", \"-inf\"]') AS d",
                "SELECT LAX_INT64_ARRAY(JSON '12') AS a, LAX_STRING_ARRAY(JSON 'null') AS b, LAX_BOOL_ARRAY(NULL) AS c, LAX_FLOAT64_ARRAY(JSON '{}') AS d",
                "SELECT id, INT64_ARRAY(Metadata.arr) AS a, LAX_STRING_ARRAY(Metadata.arr) AS b FROM " + t,
                // GROUP BY ROLLUP, CUBE, GROUPING SETS and GROUPING(): one aggregation per set, united
                "SELECT PatientID, IsPrimary, COUNT(*) AS n, SUM(InstanceNumber) AS s FROM " + t + " WHERE id < 7 GROUP BY ROLLUP(PatientID, IsPrimary)",
                "SELECT PatientName.Alphabetic.FamilyName AS f, EXTRACT(YEAR FROM StudyDate) AS y, COUNT(*) AS n, GROUPING(PatientName.Alphabetic.FamilyName) AS gf,"
                        + " GROUPING(EXTRACT(YEAR FROM StudyDate)) AS gy FROM " + t + " GROUP BY CUBE(1, 2)",
                "SELECT PatientID, StudyDate, MAX(SliceThickness) AS m FROM " + t + " GROUP BY GROUPING SETS ((PatientID, StudyDate), PatientID, (), PatientID)",
                "SELECT PatientID, IsPrimary, COUNT(*) AS n FROM " + t + " GROUP BY GROUPING SETS (ROLLUP(PatientID), CUBE(IsPrimary)) HAVING COUNT(*) > 1",
                "SELECT PatientID, IsPrimary, ARRAY_AGG(id ORDER BY id) AS ids FROM " + t + " GROUP BY ROLLUP((PatientID, IsPrimary))",
                "SELECT PatientID, SUM(id) AS s FROM " + t + " WHERE id > 100 GROUP BY ROLLUP(PatientID)",
                "SELECT PatientID, IsPrimary FROM " + t + " WHERE id > 100 GROUP BY CUBE(PatientID, IsPrimary)",
                "SELECT IF(GROUPING(PatientID) = 1, '(all)', PatientID) AS p, COUNT(DISTINCT StudyDate) AS d,"
                        + " RANK() OVER (ORDER BY COUNT(*) DESC) AS r FROM " + t + " GROUP BY ROLLUP(PatientID)",
                // COSINE_DISTANCE and EUCLIDEAN_DISTANCE, dense and sparse, in ZetaSQL's order of operations and errors
                "SELECT COSINE_DISTANCE([0.3, -1.5, 2.0], [1.25, 0.5, -0.75]) AS a, EUCLIDEAN_DISTANCE([0.3, -1.5, 2.0], [1.25, 0.5, -0.75]) AS b,"
                        + " EUCLIDEAN_DISTANCE(ARRAY<FLOAT64>[], []) AS c, COSINE_DISTANCE(CAST(NULL AS ARRAY<FLOAT64>), [1.0]) AS d",
                "SELECT COSINE_DISTANCE([(7, 0.5), (3, 2.0)], [(3, 1.0), (9, 4.0)]) AS a, EUCLIDEAN_DISTANCE([('y', 1.0), ('x', -2.0)], [('z', 0.5), ('x', 3.0)]) AS b",
                "SELECT COSINE_DISTANCE([0.0], [2.0]) AS a",
                "SELECT EUCLIDEAN_DISTANCE([1.0, 2.0], [1.0]) AS a",
                "SELECT COSINE_DISTANCE([(4, 1.0), (4, 2.0)], [(4, 1.0)]) AS a",
                "SELECT EUCLIDEAN_DISTANCE([2.0, CAST(NULL AS FLOAT64)], [1.0, 1.0]) AS a",
                "SELECT EUCLIDEAN_DISTANCE([1e300], [-1e300]) AS a",
                "SELECT id, EUCLIDEAN_DISTANCE([SliceThickness, 1.0], [0.5, 2.0]) AS e FROM " + t + " WHERE SliceThickness IS NOT NULL",
                // PARSE_NUMERIC: commas before the point, spaces after a sign, a trailing sign (ZetaSQL's rules)
                "SELECT PARSE_NUMERIC(' + 7,0,0.125 ') AS a, PARSE_NUMERIC('3.5e2 -') AS b, PARSE_NUMERIC('0.12345678951') AS c,"
                        + " PARSE_NUMERIC(',9') AS d, PARSE_NUMERIC('.5') AS e, PARSE_NUMERIC(CAST(NULL AS STRING)) AS f",
                "SELECT PARSE_NUMERIC('4 4') AS a",
                "SELECT PARSE_NUMERIC('+2-') AS a",
                "SELECT PARSE_NUMERIC(',') AS a",
                "SELECT PARSE_NUMERIC('1e29') AS a",
                "SELECT id, PARSE_NUMERIC(CONCAT(CAST(id AS STRING), ',5')) AS p FROM " + t,
                // JSON_OBJECT(keys, values)
                "SELECT JSON_OBJECT(['p', 'q', 'p'], [3, NULL, 4]) AS a, JSON_OBJECT(ARRAY<STRING>[], ARRAY<BOOL>[]) AS b,"
                        + " JSON_OBJECT(['j'], [JSON '[1, {\"z\": 2}]']) AS c, JSON_OBJECT(['f'], [0.125]) AS d",
                "SELECT JSON_OBJECT(['a'], [1, 2]) AS a",
                "SELECT JSON_OBJECT(CAST(NULL AS ARRAY<STRING>), ['x']) AS a",
                "SELECT JSON_OBJECT(['k'], CAST(NULL AS ARRAY<STRING>)) AS a",
                "SELECT PatientID, JSON_OBJECT(ARRAY_AGG(CAST(id AS STRING) ORDER BY id), ARRAY_AGG(InstanceNumber ORDER BY id)) AS j FROM "
                        + t + " WHERE PatientID IS NOT NULL GROUP BY PatientID",
                // CAST(date | datetime | time AS STRING FORMAT …): format elements with case matching, literals, quoted text
                "SELECT CAST(DATE '2019-07-04' AS STRING FORMAT 'YYYY/MM/DD \"(day\" DDD\")\" D') AS a, CAST(DATE '0005-11-09' AS STRING FORMAT 'YYYY YYY YY Y RRRR RR') AS b,"
                        + " CAST(DATE '2019-07-04' AS STRING FORMAT 'MON Mon mon MONTH Month month DY Dy dy') AS c, CAST(DATE '2019-07-04' AS STRING FORMAT '') AS d",
                "SELECT CAST(TIME '00:30:05.040506' AS STRING FORMAT 'HH HH12 HH24:MI:SS SSSSS FF1 FF4 FF6 FF8 AM pm A.M. p.m.') AS a,"
                        + " CAST(TIME '12:00:00' AS STRING FORMAT 'HH12 PM Am') AS b, CAST(TIME '23:59:59.999999' AS STRING FORMAT 'hh24-mi-ss.ff9') AS c",
                "SELECT id, CAST(AcquisitionDateTime AS STRING FORMAT 'DD.MM.YYYY HH24:MI:SS.FF3') AS a, CAST(StudyDate AS STRING FORMAT 'YYYYMMDD') AS b,"
                        + " CAST(StudyTime AS STRING FORMAT 'HH12:MI A.M.') AS c FROM " + t,
                "SELECT CAST(DATE '2025-01-01' AS STRING FORMAT 'DAY') AS a",
                "SELECT CAST(DATE '2025-01-01' AS STRING FORMAT 'HH24') AS a",
                "SELECT CAST(TIME '10:00:00' AS STRING FORMAT 'MM') AS a",
                "SELECT CAST(DATE '2025-01-01' AS STRING FORMAT 'YYYY Q') AS a",
                "SELECT CAST(DATE '2025-01-01' AS STRING FORMAT 'Y,YYY') AS a",
                "SELECT CAST(DATE '2025-01-01' AS STRING FORMAT '\"open') AS a",
                "SELECT CAST(TIMESTAMP '2011-03-13 09:45:00.25+00' AS STRING FORMAT 'YYYY-MM-DD HH24:MI:SS.FF2 TZH:TZM') AS a,"
                        + " CAST(TIMESTAMP '2011-03-13 09:45:00+00' AS STRING FORMAT 'DD Mon HH12 AM TZH TZM' AT TIME ZONE 'America/Los_Angeles') AS b,"
                        + " CAST(TIMESTAMP '2011-03-13 09:45:00+00' AS STRING FORMAT 'tzh:tzm' AT TIME ZONE '+05:45') AS c",
                "SELECT id, CAST(LastUpdated AS STRING FORMAT 'YYYY-MM-DD\"T\"HH24:MI:SS.FF6 TZH' AT TIME ZONE 'Asia/Kolkata') AS t FROM " + t,
                "SELECT CAST(TIMESTAMP '2011-03-13 09:45:00+00' AS STRING FORMAT 'HH' AT TIME ZONE 'Not/AZone') AS a",
                "SELECT CAST(DATETIME '2011-03-13 09:45:00' AS STRING FORMAT 'TZH') AS a",
                // pipe query syntax (BigQuery docs: pipe query syntax), resolved by the analyzer into ordinary scans
                "FROM " + t + " |> WHERE id < 7 |> AGGREGATE COUNT(*) AS n, SUM(InstanceNumber) AS s GROUP BY PatientID |> ORDER BY PatientID",
                "FROM " + t + " |> SELECT id, PatientName.Alphabetic.FamilyName AS f |> EXTEND UPPER(f) AS u |> WHERE u IS NOT NULL |> LIMIT 5",
                "SELECT * FROM UNNEST([3, 1, 2]) AS x |> EXTEND x * 10 AS y |> SET y = y + 1 |> DROP x |> RENAME y AS z",
                "FROM " + t + " AS s |> JOIN UNNEST(s.ImageType) AS it |> AGGREGATE COUNT(*) AS n GROUP BY it |> WHERE n > 1",
                "(SELECT 1 AS a UNION ALL SELECT 2) |> UNION ALL (SELECT 5) |> AS q |> SELECT q.a + 1 AS b");
    }
}
