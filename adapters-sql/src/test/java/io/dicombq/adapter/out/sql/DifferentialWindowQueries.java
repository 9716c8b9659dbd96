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
                // STRING_AGG of BYTES, as an aggregate and over windows
                "SELECT STRING_AGG(x) AS a, STRING_AGG(x, b'|') AS b, STRING_AGG(x, b'-' ORDER BY x DESC) AS c, STRING_AGG(x, b'' LIMIT 2) AS d"
                        + " FROM UNNEST([b'a', NULL, b'c', b'b']) x",
                "SELECT STRING_AGG(DISTINCT x, b'&' ORDER BY x) AS a, STRING_AGG(y) AS b FROM UNNEST([b'a', b'a', b'c']) x, UNNEST(ARRAY<BYTES>[NULL]) y",
                "SELECT STRING_AGG(DISTINCT x) AS a FROM UNNEST([b'a', b'a', b'c']) x",
                "SELECT id, STRING_AGG(b, b'-') OVER (ORDER BY id) AS s FROM (SELECT id, CAST(PatientID AS BYTES) AS b FROM " + t + ")",
                "SELECT id, STRING_AGG(b) OVER (PARTITION BY IsPrimary ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s"
                        + " FROM (SELECT id, IsPrimary, CAST(PatientID AS BYTES) AS b FROM " + t + ")",
                "SELECT PatientID, SUM(id) AS s, ARRAY_AGG(SUM(id)) OVER (ORDER BY PatientID) AS a FROM " + t + " WHERE PatientID IS NOT NULL GROUP BY PatientID",
                "SELECT id FROM " + t + " WHERE PatientID IS NOT NULL QUALIFY ARRAY_LENGTH(ARRAY_AGG(id) OVER (PARTITION BY PatientID)) > 1",
                // QUALIFY right after FROM: QUALIFY is one of BigQuery's reserved keywords (lexical structure)
                "SELECT id, PatientID FROM " + t + " QUALIFY ROW_NUMBER() OVER (PARTITION BY PatientID ORDER BY id DESC) = 1",
                "WITH w AS (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 2) SELECT x FROM w QUALIFY MAX(x) OVER (PARTITION BY x) > 1",
                "SELECT x, RANK() OVER (ORDER BY x) AS r FROM UNNEST([3, 1, 2, 1]) AS x QUALIFY r <= 2",
                "SELECT x FROM UNNEST([1, 2]) AS x QUALIFY",
                "SELECT 1 AS qualify",
                "SELECT id, ARRAY_AGG(id) OVER (ORDER BY id DESC) AS a, ARRAY_AGG(id) OVER (ORDER BY id) AS b FROM " + t,
                "SELECT id, ARRAY_AGG(ImageType[SAFE_OFFSET(0)] IGNORE NULLS) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS a FROM " + t,
                // a negative LAG/LEAD offset is an error (H2's own was an internal one), under SAFE. too
                "SELECT x, LAG(x, -1) OVER (ORDER BY x) AS n FROM UNNEST([1, 2]) x",
                "SELECT x, SAFE.LEAD(x, -2) OVER (ORDER BY x) AS n FROM UNNEST([1, 2]) x",
                "SELECT x, NTILE(0) OVER (ORDER BY x) AS n, NTH_VALUE(x, 0) OVER (ORDER BY x) AS v FROM UNNEST([1, 2]) x",
                // ANY_VALUE OVER: BigQuery's example (a frame holding no NULL; see AnalyticFunctionsTest for NULLs)
                "SELECT fruit, ANY_VALUE(fruit) OVER (ORDER BY LENGTH(fruit) ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM UNNEST(['apple', 'banana', 'pear']) AS fruit",
                "SELECT id, ANY_VALUE(PatientID) OVER (PARTITION BY IsPrimary ORDER BY id) AS a FROM " + t + " WHERE PatientID IS NOT NULL",
                // DISTINCT aggregates over a partition
                "SELECT x, COUNT(*) OVER (PARTITION BY MOD(x, 3)) AS n, COUNT(DISTINCT x) OVER (PARTITION BY MOD(x, 3)) AS d FROM UNNEST([1, 4, 4, 5]) AS x",
                "SELECT x, SUM(DISTINCT x) OVER (PARTITION BY MOD(x, 3)) AS s FROM UNNEST([1, 2, 3, 4, 5, 4, 3, 2, 1]) AS x",
                "SELECT x, COUNT(DISTINCT x) OVER () AS c, SUM(DISTINCT x) OVER () AS s, AVG(DISTINCT x) OVER () AS a, MAX(DISTINCT x) OVER () AS m FROM UNNEST([1, 2, 3, 4, 4, 5, NULL]) x",
                "SELECT id, COUNT(DISTINCT PatientID) OVER (PARTITION BY IsPrimary) AS c, SUM(DISTINCT SliceThickness) OVER (PARTITION BY IsPrimary) AS s FROM " + t,
                "SELECT id, STRING_AGG(DISTINCT PatientID) OVER (PARTITION BY IsPrimary) AS s FROM " + t,
                // correlated subqueries over derived tables, UNNESTs of outer columns and paths, value tables
                "SELECT id, (SELECT COUNT(*) FROM (SELECT * FROM " + t + " u WHERE u.PatientID = t.PatientID)) AS n FROM " + t + " t",
                "SELECT id, (SELECT COUNT(*) FROM (SELECT x FROM UNNEST(t.ImageType) x)) AS n FROM " + t + " t",
                "SELECT id, (SELECT MAX(x) FROM (SELECT x FROM UNNEST(t.ImageType) x WHERE x > t.PatientID)) AS m FROM " + t + " t",
                "SELECT id FROM " + t + " t WHERE EXISTS (SELECT 1 FROM (SELECT it FROM UNNEST(t.ImageType) it) WHERE it = 'PRIMARY')",
                "SELECT id, (SELECT COUNT(*) FROM (SELECT id FROM " + t + " u WHERE u.id < t.id) v) AS n FROM " + t + " t",
                "SELECT (SELECT ARRAY_AGG(x) FROM UNNEST(s.a.b) x) AS r FROM (SELECT STRUCT(STRUCT([1, 2, 3] AS b) AS a) AS s)",
                "SELECT x FROM (SELECT STRUCT(STRUCT([1, 2, 3] AS b) AS a) AS s), UNNEST(s.a.b) x",
                "WITH d AS (SELECT id, STRUCT(STRUCT(ImageType AS arr) AS y) AS x FROM " + t + ") SELECT id, (SELECT COUNT(*) FROM UNNEST(d.x.y.arr)) AS n FROM d",
                "WITH d AS (SELECT id, STRUCT(STRUCT(ImageType AS arr) AS y) AS x FROM " + t + ") SELECT id, a FROM d, UNNEST(d.x.y.arr) a",
                "WITH d AS (SELECT id, STRUCT(STRUCT(ImageType AS arr) AS y) AS x FROM " + t + ") SELECT id, ARRAY(SELECT a FROM UNNEST(d.x.y.arr) a ORDER BY a) AS s FROM d",
                "SELECT id, (SELECT x FROM (SELECT t.id AS x)) AS y FROM " + t + " t",
                "SELECT id, (SELECT AS STRUCT t.id AS i, t.PatientID AS p) AS s FROM " + t + " t",
                "SELECT id, (SELECT AS STRUCT MIN(it) AS lo, MAX(it) AS hi FROM UNNEST(t.ImageType) it) AS s FROM " + t + " t",
                "SELECT id, (SELECT AS STRUCT COUNT(*) AS n, STRING_AGG(c.CodeValue ORDER BY c.CodeValue) AS codes FROM UNNEST(t.ProcedureCodeSequence) c) AS s FROM " + t + " t",
                "SELECT id, (SELECT AS VALUE c FROM UNNEST(t.ProcedureCodeSequence) c WITH OFFSET o ORDER BY o LIMIT 1) AS s FROM " + t + " t",
                "SELECT id, ARRAY(SELECT AS STRUCT c.CodeValue AS v, t.id AS i FROM UNNEST(t.ProcedureCodeSequence) c) AS s FROM " + t + " t",
                "SELECT id, ARRAY(SELECT AS STRUCT c.CodeValue, o FROM UNNEST(t.ProcedureCodeSequence) c WITH OFFSET o) AS s FROM " + t + " t",
                "SELECT a.id, (SELECT AS STRUCT b.PatientID, b.InstanceNumber FROM " + t + " b WHERE a.id = b.id) AS c FROM " + t + " a",
                "SELECT a.id, c.PatientID FROM " + t + " a JOIN UNNEST(ARRAY(SELECT AS STRUCT * FROM " + t + " b WHERE a.id = b.id)) AS c ON TRUE",
                "SELECT id FROM " + t + " t WHERE EXISTS (SELECT AS VALUE it FROM UNNEST(t.ImageType) it WHERE it = 'AXIAL')",
                "SELECT id FROM " + t + " t WHERE STRUCT(1 AS a) IN (SELECT AS STRUCT 1 AS a)",
                "SELECT ARRAY(SELECT AS STRUCT 1 AS a, 'x' AS b) AS s, (SELECT AS VALUE STRUCT(1 AS a, 2 AS b)) AS v, (SELECT AS STRUCT 1 AS a, 2 AS b) AS w",
                "SELECT ARRAY(SELECT AS STRUCT id, PatientID FROM " + t + " u WHERE u.id < 3) AS s, EXISTS(SELECT AS STRUCT 1 AS a) AS e",
                "SELECT (SELECT AS VALUE x FROM UNNEST([1, 2, 3]) x WHERE x > 1 ORDER BY x LIMIT 1) AS v, 2 IN (SELECT AS VALUE x FROM UNNEST([1, 2, 3]) x) AS i",
                "SELECT * FROM (SELECT AS VALUE STRUCT(123 AS a, FALSE AS b))",
                "SELECT v.a FROM (SELECT AS STRUCT 1 a, true b) v WHERE v.b",
                "SELECT * FROM UNNEST(ARRAY(SELECT AS STRUCT id, PatientID FROM " + t + " WHERE id < 3))",
                "SELECT id, x FROM " + t + " t, UNNEST(ARRAY(SELECT AS STRUCT it AS v, LENGTH(it) AS n FROM UNNEST(t.ImageType) it)) x",
                "SELECT id, x.v FROM " + t + " t, UNNEST(ARRAY(SELECT AS STRUCT it AS v, LENGTH(it) AS n FROM UNNEST(t.ImageType) it)) x WHERE x.n > 5",
                "SELECT id, ARRAY(SELECT AS STRUCT c.CodeValue AS v FROM UNNEST(t.ProcedureCodeSequence) c ORDER BY c.CodeValue DESC) AS s FROM " + t + " t",
                "SELECT id, ARRAY(SELECT AS STRUCT c.CodeValue AS v, o FROM UNNEST(t.ProcedureCodeSequence) c WITH OFFSET o ORDER BY o DESC LIMIT 1) AS s FROM " + t + " t",
                "SELECT id, (SELECT AS STRUCT it, o FROM UNNEST(t.ImageType) it WITH OFFSET o ORDER BY it LIMIT 1) AS s FROM " + t + " t",
                "SELECT ARRAY(SELECT AS STRUCT x, -x AS y FROM UNNEST([3, 1, 2]) x ORDER BY x) AS a, ARRAY(SELECT AS VALUE x FROM UNNEST([3, 1, 2]) x ORDER BY x DESC) AS b",
                "SELECT ARRAY(SELECT AS STRUCT x FROM UNNEST([3, 1, 2]) x ORDER BY x DESC LIMIT 2) AS a, (SELECT AS STRUCT x, x * 2 AS y FROM UNNEST([3, 1, 2]) x ORDER BY x DESC LIMIT 1) AS b",
                "SELECT (SELECT SUM(x) FROM UNNEST(s.a.b) x WHERE x > 1) AS n FROM (SELECT STRUCT(STRUCT([1, 2, 3] AS b) AS a) AS s"
                        + " UNION ALL SELECT STRUCT(STRUCT(CAST(NULL AS ARRAY<INT64>) AS b) AS a))",
                "SELECT (SELECT ARRAY_AGG(y ORDER BY y DESC) FROM UNNEST(s.a.b) x, UNNEST(x.q) y) AS r"
                        + " FROM (SELECT STRUCT(STRUCT([STRUCT(1 AS p, [10, 20] AS q), STRUCT(2, [30])] AS b) AS a) AS s)",
                // set operations of one-SELECT branches inside correlated subqueries
                "SELECT id, ARRAY(SELECT t.id UNION ALL SELECT 1) AS y FROM " + t + " t",
                "SELECT id, (SELECT a FROM UNNEST(t.ImageType) a UNION ALL SELECT 'x' ORDER BY 1 LIMIT 1) AS m FROM " + t + " t",
                "SELECT id, ARRAY(SELECT a FROM UNNEST(t.ImageType) a UNION DISTINCT SELECT 'ORIGINAL' ORDER BY 1) AS m FROM " + t + " t",
                "SELECT id, ARRAY(SELECT a FROM UNNEST(t.ImageType) a INTERSECT DISTINCT SELECT 'ORIGINAL') AS m FROM " + t + " t",
                "SELECT id, ARRAY(SELECT a FROM UNNEST(t.ImageType) a EXCEPT DISTINCT SELECT 'ORIGINAL' ORDER BY a DESC) AS m FROM " + t + " t",
                "SELECT id, EXISTS(SELECT a FROM UNNEST(t.ImageType) a WHERE a = 'AXIAL' UNION ALL SELECT u.PatientID FROM " + t
                        + " u WHERE u.id = t.id AND u.PatientID = '20001') AS e FROM " + t + " t",
                "SELECT id, 'x' IN (SELECT a FROM UNNEST(t.ImageType) a UNION ALL SELECT 'x' FROM " + t + " u WHERE u.id = t.id AND t.id > 4) AS e FROM " + t + " t",
                "SELECT id, (SELECT COUNT(*) FROM UNNEST(t.ImageType) UNION ALL SELECT 7 ORDER BY 1 DESC LIMIT 1) AS e FROM " + t + " t",
                "SELECT id, ARRAY(SELECT u.id FROM " + t + " u WHERE u.PatientID = t.PatientID UNION ALL SELECT v.id FROM " + t
                        + " v WHERE v.id = t.id + 1 ORDER BY 1) AS e FROM " + t + " t",
                "SELECT AS STRUCT 1 AS a, 2 AS b",
                "SELECT AS VALUE 1",
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
                "SELECT SAFE.FORMAT('%d-%s', 1, 'a') AS a, SAFE.FORMAT('%T', [1, 2]) AS b",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([9223372036854775807, 1]) x",
                "SELECT SAFE.SUM(DISTINCT x) AS s FROM UNNEST([9223372036854775807, 9223372036854775807, -1]) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([NUMERIC '99999999999999999999999999999', NUMERIC '1']) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([NUMERIC '99999999999999999999999999999', NUMERIC '-1']) x",
                "SELECT SAFE.SUM(x) AS s, SAFE.COUNT(x) AS c, SAFE.MAX(x) AS m, SAFE.AVG(x) AS a FROM UNNEST([1, 2, 3]) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([1.7e308, 1.7e308]) x",
                "SELECT SAFE.SUM(x) AS s FROM UNNEST([CAST('inf' AS FLOAT64), 1.7e308]) x",
                "SELECT SAFE.SUM(x) AS s, SAFE.SUM(DISTINCT x) AS d FROM UNNEST([1.5, 1.5, NULL, CAST('nan' AS FLOAT64)]) x",
                "SELECT id, SAFE.SUM(SliceThickness) OVER (ORDER BY id) AS s FROM " + t,
                "SELECT PatientID, SAFE.SUM(InstanceNumber) AS s, SAFE.STRING_AGG(PatientID) AS a FROM " + t + " GROUP BY PatientID",
                "SELECT id, SAFE.SUM(InstanceNumber) OVER (ORDER BY id) AS s FROM " + t);
    }
}
