package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for windows, subqueries, value tables, the approximate aggregates and {@code SAFE.}: ARRAY_AGG,
 * STRING_AGG and ANY_VALUE over windows (frames, ties, NULLs), DISTINCT aggregates over partitions, correlated
 * subqueries over derived tables and UNNESTs of outer columns, {@code SELECT AS STRUCT} / {@code AS VALUE} in
 * subqueries.
 */
final class DifferentialWindowQueries {
    private DifferentialWindowQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                // ARRAY_AGG / STRING_AGG OVER: the window's order, peers in input order (BigQuery docs: ARRAY_AGG)
                "SELECT x, ARRAY_AGG(x) OVER (ORDER BY ABS(x)) AS a FROM UNNEST([2, 1, -2, 3, -2, 1, 2]) AS x",
                "SELECT fruit, STRING_AGG(fruit, ' & ') OVER (ORDER BY LENGTH(fruit)) AS s FROM UNNEST(['apple', NULL, 'pear', 'banana', 'pear']) AS fruit",
                "SELECT fruit, ARRAY_AGG(fruit) OVER (ORDER BY LENGTH(fruit), fruit) AS a FROM UNNEST(['apple', 'pear', 'banana', 'fig', 'kiwi']) AS fruit",
                "SELECT fruit, ARRAY_AGG(fruit IGNORE NULLS) OVER (ORDER BY LENGTH(fruit) DESC, fruit) AS a FROM UNNEST(['apple', 'pear', 'banana', 'fig', NULL, 'kiwi']) AS fruit",
                "SELECT x, ARRAY_AGG(x) OVER (ORDER BY x) AS a FROM UNNEST([3, 1, 2, 2, 1]) AS x",
                "SELECT x, ARRAY_AGG(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a FROM UNNEST([3, 1, 2, 2, 1, 7]) AS x",
                "SELECT x, ARRAY_AGG(x) OVER (ORDER BY x DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS a FROM UNNEST([3, 1, 2, 5, 4]) AS x",
                // without ORDER BY BigQuery's order is unspecified; the engine keeps the input's (one window per query
                // here: the reference reorders its input window after window)
                "SELECT x, ARRAY_AGG(x) OVER (PARTITION BY MOD(x, 2)) AS a FROM UNNEST([3, 1, 2, 5, 4]) AS x",
                "SELECT x, ARRAY_AGG(x) OVER () AS b FROM UNNEST([3, 1, 2, 5, 4]) AS x",
                "SELECT id, ARRAY_AGG(id) OVER (PARTITION BY PatientID ORDER BY id DESC) AS a FROM " + t,
                "SELECT id, ARRAY_AGG(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a,"
                        + " STRING_AGG(PatientID, '|') OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM " + t,
                "SELECT id, ARRAY_AGG(PatientID IGNORE NULLS) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a FROM " + t,
                "SELECT id, ARRAY_AGG(PatientID) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a FROM " + t,
                "SELECT id, STRING_AGG(PatientID) OVER (ORDER BY id) AS s FROM " + t,
                "SELECT id, STRING_AGG(PatientID) OVER (PARTITION BY IsPrimary ORDER BY PatientID DESC, id) AS s FROM " + t,
                "SELECT id, ARRAY_AGG(SliceThickness) OVER (ORDER BY SliceThickness, id) AS s FROM " + t + " WHERE SliceThickness IS NOT NULL",
                "SELECT id, ARRAY_AGG(STRUCT(id, PatientID)) OVER (ORDER BY id ROWS 2 PRECEDING) AS s FROM " + t,
                "SELECT id, ARRAY_AGG(DISTINCT id) OVER (PARTITION BY PatientID) AS s FROM " + t,
                // ANY_VALUE OVER: BigQuery's example (a frame holding no NULL; see AnalyticFunctionsTest for NULLs)
                "SELECT fruit, ANY_VALUE(fruit) OVER (ORDER BY LENGTH(fruit) ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM UNNEST(['apple', 'banana', 'pear']) AS fruit",
                "SELECT id, ANY_VALUE(PatientID) OVER (PARTITION BY IsPrimary ORDER BY id) AS a FROM " + t + " WHERE PatientID IS NOT NULL",
                // DISTINCT aggregates over a partition
                "SELECT x, COUNT(*) OVER (PARTITION BY MOD(x, 3)) AS n, COUNT(DISTINCT x) OVER (PARTITION BY MOD(x, 3)) AS d FROM UNNEST([1, 4, 4, 5]) AS x",
                "SELECT x, SUM(DISTINCT x) OVER (PARTITION BY MOD(x, 3)) AS s FROM UNNEST([1, 2, 3, 4, 5, 4, 3, 2, 1]) AS x",
                "SELECT x, COUNT(DISTINCT x) OVER () AS c, SUM(DISTINCT x) OVER () AS s, AVG(DISTINCT x) OVER () AS a, MAX(DISTINCT x) OVER () AS m FROM UNNEST([1, 2, 3, 4, 4, 5, NULL]) x",
                "SELECT id, COUNT(DISTINCT PatientID) OVER (PARTITION BY IsPrimary) AS c, SUM(DISTINCT SliceThickness) OVER (PARTITION BY IsPrimary) AS s FROM " + t,
                "SELECT id, STRING_AGG(DISTINCT PatientID) OVER (PARTITION BY IsPrimary) AS s FROM " + t,
                // SAFE. on string, bytes, encoding, regular-expression, array and JSON functions, and on aggregates
                "SELECT SAFE.SUBSTR('foo', 0, -2) AS s UNION ALL SELECT SAFE.SUBSTR('bar', 0, 2)",
                "SELECT SAFE.LPAD('a', -1) AS a, SAFE.RPAD('a', 3, '') AS b, SAFE.LPAD('abc', 5, 'x') AS c, SAFE.LPAD(b'a', -1) AS d",
                "SELECT SAFE.FROM_BASE64('%%') AS a, SAFE.FROM_HEX('zz') AS b, SAFE.FROM_BASE64('YQ==') AS c",
                "SELECT SAFE.CODE_POINTS_TO_STRING([-1]) AS a, SAFE.REPEAT('a', -1) AS b, SAFE.CHR(-1) AS c, SAFE.CODE_POINTS_TO_BYTES([300]) AS d,"
                        + " SAFE.CODE_POINTS_TO_STRING([65, 66]) AS e",
                "SELECT SAFE.LEFT('abc', -1) AS a, SAFE.RIGHT(b'abc', -1) AS b, SAFE.INSTR('abc', 'b', 0) AS c, SAFE.TRANSLATE('abc', 'aa', 'xy') AS d,"
                        + " SAFE.ASCII('é') AS e, SAFE.EDIT_DISTANCE('a', 'b', max_distance => -1) AS f",
                "SELECT SAFE.SUBSTR(b'abc', 1, -1) AS a, SAFE.REGEXP_EXTRACT('abc', 'b', 0) AS b, SAFE.REGEXP_EXTRACT_ALL('abc', '(a)(b)') AS c,"
                        + " SAFE.REGEXP_INSTR('abc', 'b', 0) AS d, SAFE.REGEXP_SUBSTR('abc', 'b', 1, 0) AS e",
                "SELECT SAFE.ARRAY_FIRST(ARRAY<INT64>[]) AS a, SAFE.ARRAY_LAST([1, 2]) AS b",
                "SELECT SAFE.ARRAY_FIRST(ImageType) AS a, SAFE.ARRAY_LAST(ImageType) AS b FROM " + t,
                "SELECT SAFE.PARSE_JSON('{') AS a, SAFE.PARSE_JSON('{\"a\":1}') AS b",
                "SELECT SAFE.INT64(JSON '\"strawberry\"') AS a, SAFE.BOOL(JSON '123') AS b, SAFE.STRING(JSON '123') AS c,"
                        + " SAFE.FLOAT64(JSON '\"strawberry\"') AS d, SAFE.INT64(JSON '10.1') AS e, SAFE.INT64(JSON '7') AS f",
                "SELECT id, SAFE.INT64(Metadata.a) AS a, SAFE.STRING(Metadata.b.c) AS c, SAFE.BOOL(Metadata.a) AS b FROM " + t,
                "SELECT SAFE.JSON_OBJECT('a', 1, CAST(NULL AS STRING), 2) AS a, SAFE.JSON_REMOVE(JSON '{\"a\":1}', '$') AS b",
                "SELECT SAFE.JSON_SET(JSON '{\"a\":1}', 'bad', 2) AS a, SAFE.JSON_EXTRACT('{\"a\":1}', 'bad') AS b",
                "SELECT SAFE.JSON_QUERY_ARRAY('[1]', 'bad') AS c",
                "SELECT id, SAFE.LPAD(PatientID, InstanceNumber) AS p, SAFE.LEFT(PatientID, InstanceNumber) AS l,"
                        + " SAFE.REPEAT(PatientID, InstanceNumber) AS r FROM " + t + " WHERE ABS(InstanceNumber) < 100",
                "SELECT SAFE.LPAD(ERROR('x'), 3) AS a",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([9223372036854775807, 1]) x",
                "SELECT SAFE.SUM(DISTINCT x) AS s FROM UNNEST([9223372036854775807, 9223372036854775807, -1]) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([NUMERIC '99999999999999999999999999999', NUMERIC '1']) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([NUMERIC '99999999999999999999999999999', NUMERIC '-1']) x",
                "SELECT SAFE.SUM(x) AS s, SAFE.COUNT(x) AS c, SAFE.MAX(x) AS m, SAFE.AVG(x) AS a FROM UNNEST([1, 2, 3]) x",
                "SELECT PatientID, SAFE.SUM(InstanceNumber) AS s, SAFE.STRING_AGG(PatientID) AS a FROM " + t + " GROUP BY PatientID",
                "SELECT id, SAFE.SUM(InstanceNumber) OVER (ORDER BY id) AS s FROM " + t);
    }
}
