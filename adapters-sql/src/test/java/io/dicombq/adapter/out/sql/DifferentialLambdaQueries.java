package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for the functions the analyzer resolves with generic arguments ({@link LambdaFunctions}):
 * ARRAY_FILTER, ARRAY_TRANSFORM and ARRAY_INCLUDES with a lambda (with and without the offset argument), ARRAY_ZIP in
 * its three modes, with aliases and with a lambda; NULL and empty arrays, stored arrays and sequences, nesting, and
 * errors raised inside a lambda.
 */
final class DifferentialLambdaQueries {
    private DifferentialLambdaQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT ARRAY_FILTER([1, 2, 3], e -> e > 1) AS a1, ARRAY_FILTER([0, 2, 3], (e, i) -> e > i) AS a2",
                "SELECT ARRAY_TRANSFORM([1, 4, 3], e -> e + 1) AS a1, ARRAY_TRANSFORM([1, 4, 3], (e, i) -> e + i) AS a2",
                "SELECT ARRAY_INCLUDES([1, 2, 3], e -> e > 3) AS a1, ARRAY_INCLUDES([1, 2, 3], e -> e > 0) AS a2, "
                        + "ARRAY_INCLUDES(CAST(NULL AS ARRAY<INT64>), e -> TRUE) AS a3, ARRAY_INCLUDES(ARRAY<INT64>[], e -> TRUE) AS a4",
                "SELECT ARRAY_FILTER(CAST(NULL AS ARRAY<INT64>), e -> TRUE) AS a, ARRAY_TRANSFORM(ARRAY<STRING>[], e -> e) AS b, "
                        + "ARRAY_TRANSFORM(CAST(NULL AS ARRAY<DATE>), e -> e) IS NULL AS c",
                "SELECT ARRAY_FILTER([1, NULL, 3], e -> e IS NULL) AS c",
                "SELECT ARRAY_FILTER([1, NULL, 3, 4], e -> e > 2) AS a, ARRAY_FILTER([5, 6], e -> NULL) AS b, ARRAY_INCLUDES([NULL, 2], e -> e > 1) AS c",
                "SELECT ARRAY_INCLUDES([NULL, 1], e -> e > 1) AS c, ARRAY_INCLUDES([1, 2], e -> IF(e = 2, NULL, FALSE)) AS d",
                "SELECT id, ARRAY_TRANSFORM(ImageType, (e, i) -> CONCAT(e, CAST(i AS STRING))) AS a, "
                        + "ARRAY_FILTER(ImageType, e -> e LIKE '%AR%') AS f, ARRAY_INCLUDES(ImageType, e -> e = 'PRIMARY') AS inc FROM " + t,
                "SELECT id, ARRAY_TRANSFORM(ProcedureCodeSequence, c -> c.CodeValue) AS v FROM " + t,
                "SELECT id, ARRAY_FILTER(ProcedureCodeSequence, c -> c.CodeMeaning IS NOT NULL) AS f, "
                        + "ARRAY_TRANSFORM(ProcedureCodeSequence, (c, i) -> STRUCT(i AS pos, LOWER(c.CodeMeaning) AS m)) AS g FROM " + t + " WHERE id <> 4",
                "SELECT id, ARRAY_FILTER(ImageType, e -> LENGTH(e) > id) AS f, ARRAY_INCLUDES(ImageType, e -> e = PatientID) AS p FROM " + t,
                "SELECT id, ARRAY_TRANSFORM(ARRAY_FILTER(ImageType, e -> e <> 'AXIAL'), e -> ARRAY_LENGTH(ARRAY_FILTER(ImageType, x -> x < e))) AS f FROM " + t,
                "SELECT id, (SELECT COUNT(*) FROM UNNEST(ARRAY_FILTER(t.ImageType, e -> e LIKE 'O%'))) AS n FROM " + t + " t",
                "SELECT id FROM " + t + " WHERE ARRAY_INCLUDES(ImageType, e -> STARTS_WITH(e, 'SEC'))",
                "SELECT PatientID, ARRAY_TRANSFORM(ARRAY_AGG(id ORDER BY id), (e, i) -> e * 10 + i) AS x FROM " + t + " GROUP BY PatientID",
                "SELECT ARRAY_TRANSFORM(GENERATE_ARRAY(1, 12000), e -> e * 2)[OFFSET(11999)] AS last, "
                        + "ARRAY_LENGTH(ARRAY_FILTER(GENERATE_ARRAY(1, 12000), e -> MOD(e, 7) = 0)) AS sevens",
                "SELECT ARRAY_TRANSFORM([STRUCT(1 AS a, 'x' AS b)], s -> s.b) AS r, ARRAY_TRANSFORM([1.5, CAST('nan' AS FLOAT64)], e -> e * 2) AS f",
                "SELECT ARRAY_TRANSFORM(['a', 'b'], e -> [e, e]) AS nested",
                "SELECT ARRAY_TRANSFORM([1, 0], e -> 1 / e) AS a",
                "SELECT ARRAY_FILTER([1, 2], e -> ERROR('in a lambda')) AS a",
                "SELECT ARRAY_INCLUDES([1, 2], e -> IF(e = 1, TRUE, ERROR('after the match'))) AS a",
                "SELECT ARRAY_TRANSFORM(GENERATE_ARRAY(1, CAST(RAND() * 3 AS INT64) + 1), e -> e) AS r",
                "SELECT ARRAY_ZIP([1, 2], ['a', 'b']) AS results",
                "SELECT ARRAY_ZIP([1, 2] AS A1, alias_inferred) AS results FROM (SELECT ['a', 'b'] AS alias_inferred)",
                "SELECT ARRAY_ZIP([1, 2], [3, 4], transformation => (e1, e2) -> (e1 + e2)) AS r, ARRAY_ZIP([1, 2], [3, 4], (e1, e2) -> e1 * e2) AS s",
                "SELECT ARRAY_ZIP([1, 2], ['a', 'b', 'c', 'd']) AS results",
                "SELECT ARRAY_ZIP([1, 2], ['a', 'b', 'c', 'd'], mode => 'STRICT') AS results",
                "SELECT ARRAY_ZIP([1, 2], ['a', 'b', 'c', 'd'], [], mode => 'PAD') AS results",
                "SELECT ARRAY_ZIP([1, 2], ['a', 'b', 'c', 'd'], mode => 'TRUNCATE') AS results",
                "SELECT ARRAY_ZIP([1, 2], CAST(NULL AS ARRAY<STRING>), mode => 'STRICT') AS a, ARRAY_ZIP(['x'], ['y', 'z'], [TRUE], mode => 'TRUNCATE') AS b",
                "SELECT ARRAY_ZIP([1, 2, 3], [10, 20], (a, b) -> COALESCE(b, -a), mode => 'PAD') AS p, ARRAY_ZIP(ARRAY<INT64>[], ARRAY<INT64>[]) AS e",
                "SELECT id, ARRAY_ZIP(ImageType, ProcedureCodeSequence, mode => 'PAD') AS z FROM " + t + " WHERE id <> 4",
                "SELECT id, ARRAY_ZIP(ImageType AS kind, ARRAY_REVERSE(ImageType) AS back) AS z, "
                        + "ARRAY_ZIP(ImageType, ARRAY_REVERSE(ImageType), (a, b) -> CONCAT(a, '/', b)) AS y FROM " + t,
                "SELECT id, ARRAY_ZIP(ImageType, ProcedureCodeSequence) AS z FROM " + t,
                "SELECT id, ARRAY_LENGTH(ARRAY_ZIP(ImageType, [id], mode => 'TRUNCATE')) AS n FROM " + t,
                "SELECT ARRAY_LENGTH(ARRAY_FILTER(ImageType, e -> e LIKE 'O%')) AS n, COUNT(*) AS c FROM " + t + " GROUP BY 1",
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY ARRAY_LENGTH(ARRAY_FILTER(ImageType, e -> e = 'ORIGINAL')) ORDER BY id) AS r FROM " + t,
                "SELECT id, (SELECT ARRAY_FILTER(t.ImageType, e -> e > u.PatientID) FROM " + t + " u WHERE u.id = t.id) AS x FROM " + t + " t",
                "SELECT id, EXISTS (SELECT 1 FROM UNNEST(ARRAY_TRANSFORM(t.ImageType, e -> LOWER(e))) x WHERE x = 'primary') AS p FROM " + t + " t",
                "SELECT COUNT(*) AS n FROM " + t + " t WHERE EXISTS (SELECT 1 FROM " + t + " u WHERE u.id = t.id AND ARRAY_INCLUDES(u.ImageType, e -> e = 'ORIGINAL'))",
                "SELECT id, ARRAY_TRANSFORM(ImageType, e -> (SELECT COUNT(*) FROM UNNEST(t.ImageType) x WHERE x <= e)) AS ranks FROM " + t + " t",
                "SELECT x FROM " + t + " t, UNNEST(ARRAY_ZIP(t.ImageType, ARRAY_TRANSFORM(t.ImageType, (e, i) -> i))) x",
                "SELECT id, ARRAY_FILTER(ProcedureCodeSequence, c -> ARRAY_INCLUDES(ImageType, e -> STARTS_WITH(c.CodeMeaning, LOWER(SUBSTR(e, 1, 2))))) AS f FROM " + t,
                "SELECT ARRAY_TRANSFORM([1, 2], e -> ARRAY_TRANSFORM([10, 20], f -> e * f)[OFFSET(1)]) AS nested, "
                        + "ARRAY_FILTER([STRUCT(1 AS a, [1, 2] AS b), STRUCT(2, [3])], s -> ARRAY_LENGTH(s.b) > 1) AS structs",
                "SELECT ARRAY_ZIP(ARRAY_AGG(id ORDER BY id), ARRAY_AGG(PatientID ORDER BY id)) AS z FROM " + t + " WHERE PatientID IS NOT NULL",
                "SELECT ARRAY_TRANSFORM([DATE '2020-01-01', NULL], d -> RANGE_START(RANGE(d, NULL))) AS r",
                "SELECT x FROM (SELECT ARRAY_TRANSFORM([1.5, CAST('nan' AS FLOAT64), CAST('inf' AS FLOAT64)], e -> e) AS x)",
                "SELECT ARRAY_FILTER([1.0, CAST('nan' AS FLOAT64)], e -> IS_NAN(e)) AS x",
                "SELECT ARRAY_ZIP([b'a', b'b'], [JSON '1', JSON '{\"a\":2}']) AS z, ARRAY_TRANSFORM([JSON '{\"a\":1}', JSON '{\"a\":2}'], j -> j.a) AS t",
                "SELECT ARRAY_TRANSFORM([NUMERIC '1.5', 2], n -> n * 2) AS t, "
                        + "ARRAY_TRANSFORM([TIMESTAMP '2020-01-01 00:00:00+00'], ts -> TIMESTAMP_ADD(ts, INTERVAL 1 HOUR)) AS u",
                "SELECT ARRAY_ZIP([1], [2], [3], [4]) AS z4, ARRAY_ZIP([1], [2], [3], [4], (a, b, c, d) -> a + b + c + d) AS s4",
                "SELECT ARRAY_FILTER(JSON_QUERY_ARRAY(Metadata, '$.arr'), e -> INT64(e) > 1) AS t FROM " + t,
                "SELECT ARRAY_INCLUDES(ARRAY_TRANSFORM(ImageType, e -> LENGTH(e)), 5) AS inc FROM " + t);
    }
}
