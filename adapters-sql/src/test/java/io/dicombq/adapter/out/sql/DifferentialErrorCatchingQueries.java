package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for IFERROR, ISERROR and NULLIFERROR (BigQuery docs: debugging functions): each evaluation error
 * BigQuery raises (overflow, division by zero, a bad cast, ERROR(), an index out of bounds, a scalar subquery of
 * several rows, a date out of range) caught over constants and over the table's columns, in every place an
 * expression goes (SELECT, WHERE, GROUP BY, aggregates, subqueries, lambdas), the catch expression evaluated only
 * after an error and its own errors failing the query.
 */
final class DifferentialErrorCatchingQueries {
    private DifferentialErrorCatchingQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                // constants: a value, ERROR(), a subscript out of bounds, a subquery of two rows
                "SELECT IFERROR('x', 'y') AS a, IFERROR(ERROR('boom'), 'caught') AS b, IFERROR(CAST(NULL AS STRING), 'c') AS c",
                "SELECT IFERROR((SELECT [4, 5][OFFSET(1)]), 0) AS a, IFERROR((SELECT [4, 5][OFFSET(2)]), 0) AS b,"
                        + " IFERROR((SELECT [4, 5][ORDINAL(0)]), -1) AS c, IFERROR((SELECT v FROM UNNEST([7, 8]) v), 9) AS d",
                "SELECT IFERROR(IFERROR(ERROR('inner'), 'kept'), 'outer') AS a, IFERROR(IFERROR(CAST(ERROR('p') AS STRING), ERROR('q')), 'r') AS b",
                "SELECT IFERROR(ERROR('first'), ERROR('second')) AS a",
                "SELECT IFERROR(7, ERROR('never evaluated')) AS a, ISERROR(ERROR('x')) AS b, ISERROR(NULL) AS c, NULLIFERROR(ERROR('y')) AS d",
                "SELECT ISERROR(10 / 0) AS a, ISERROR(10 / 4) AS b, ISERROR(DIV(5, 0)) AS c, ISERROR(MOD(5, 0)) AS d,"
                        + " ISERROR(9223372036854775807 + 1) AS e, ISERROR(-9223372036854775808 * -1) AS f",
                "SELECT NULLIFERROR(CAST('12x' AS INT64)) AS a, NULLIFERROR(CAST('12' AS INT64)) AS b, IFERROR(CAST('2021-02-30' AS DATE), DATE '2000-01-01') AS c,"
                        + " IFERROR(CAST(1e40 AS NUMERIC), NUMERIC '-1') AS d, IFERROR(CAST(CAST('NaN' AS FLOAT64) AS INT64), 0) AS e",
                "SELECT IFERROR(1e308 * 10, -1.0) AS a, ISERROR(SQRT(-1)) AS b, ISERROR(LN(0)) AS c, IFERROR(POW(10.0, 400), 0) AS d",
                "SELECT IFERROR(DATE_ADD(DATE '9999-12-31', INTERVAL 1 DAY), DATE '1970-01-01') AS a, ISERROR(PARSE_DATE('%Y-%m-%d', '2021-13-01')) AS b,"
                        + " ISERROR(REPEAT('x', -1)) AS c, IFERROR(SUBSTR('abc', 1, -1), 'neg') AS d, ISERROR(PARSE_JSON('{oops')) AS e",
                "SELECT IFERROR(NUMERIC '99999999999999999999999999999' * 10, NUMERIC '0') AS a, ISERROR(NUMERIC '1' / 0) AS b",
                // the result takes the supertype of both expressions
                "SELECT IFERROR(3, 2.5) AS a, IFERROR(ERROR('e'), 2.5) AS b, IFERROR(STRUCT(1 AS k, 'v' AS w), STRUCT(2, 'z')) AS c,"
                        + " IFERROR(['p', 'q'], ARRAY<STRING>[]) AS d, IFERROR(ERROR('e'), [1, 2]) AS e",
                "SELECT IFERROR(JSON '{\"a\": [1]}', JSON 'null') AS a, IFERROR(ERROR('e'), DATE '2024-02-29') AS b,"
                        + " IFERROR(ERROR('e'), TIMESTAMP '2021-01-01 10:00:00+00') AS c, IFERROR(b'\\x01', b'') AS d",
                // over the table's columns: overflow, a bad cast, a subscript, a scalar subquery of several rows
                "SELECT id, IFERROR(InstanceNumber * 2, -1) AS a, ISERROR(InstanceNumber + InstanceNumber) AS b FROM " + t,
                "SELECT id, IFERROR(CAST(PatientID AS INT64), -1) AS a, NULLIFERROR(CAST(PatientID AS INT64) * 1000000000000000) AS b FROM " + t,
                "SELECT id, IFERROR(ImageType[OFFSET(1)], 'none') AS a, ISERROR(ImageType[ORDINAL(3)]) AS b,"
                        + " IFERROR(ProcedureCodeSequence[OFFSET(0)].CodeValue, '?') AS c FROM " + t,
                "SELECT id, IFERROR((SELECT x FROM UNNEST(ImageType) x), 'several') AS a, ISERROR((SELECT c.CodeValue FROM UNNEST(ProcedureCodeSequence) c)) AS b FROM " + t,
                "SELECT id, IFERROR(1 / SliceThickness, -1.0) AS a, ISERROR(SliceThickness / 0.0) AS b, IFERROR(CAST(SliceThickness AS INT64), 0) AS c FROM " + t,
                "SELECT id, IFERROR(DIV(InstanceNumber, id - 3), 0) AS a, IFERROR(MOD(InstanceNumber, InstanceNumber), -1) AS b FROM " + t,
                "SELECT id, IFERROR(PixelSpacing * NUMERIC '9999999999999999999999999999', NUMERIC '0') AS a, ISERROR(PixelSpacing / (id - 5)) AS b FROM " + t,
                "SELECT id, IFERROR(DATE_ADD(StudyDate, INTERVAL InstanceNumber DAY), DATE '1970-01-01') AS a, ISERROR(DATE_SUB(StudyDate, INTERVAL id * 2000 YEAR)) AS b FROM " + t,
                "SELECT id, IFERROR(JSON_VALUE(Metadata, '$.a'), 'none') AS a, ISERROR(INT64(Metadata.a)) AS b, IFERROR(LAX_INT64(Metadata.a), -7) AS c FROM " + t,
                "SELECT id, IFERROR(IF(id > 4, ERROR(CONCAT('big ', CAST(id AS STRING))), PatientID), PatientName.Alphabetic.FamilyName) AS a FROM " + t,
                "SELECT id, IFERROR(ERROR('e'), CONCAT(PatientID, '!')) AS a, IFERROR(CAST(PatientID AS INT64), InstanceNumber) AS b FROM " + t,
                "SELECT id, IFERROR(IFERROR(CAST(PatientID AS INT64) * InstanceNumber, ERROR('again')), id * 100) AS a FROM " + t,
                "SELECT id, IFERROR(IFERROR(CAST(ERROR('e') AS STRING), ERROR(PatientID)), 'outer') AS a FROM " + t,
                "SELECT id, IFERROR(ERROR('e'), ERROR(CONCAT('row ', CAST(id AS STRING)))) AS a FROM " + t,
                // in WHERE, GROUP BY, ORDER BY, aggregates and over an aggregate
                "SELECT id FROM " + t + " WHERE ISERROR(CAST(PatientID AS INT64)) OR NOT ISERROR(1 / SliceThickness)",
                "SELECT IFERROR(CAST(PatientID AS INT64), -1) AS k, COUNT(*) AS n FROM " + t + " GROUP BY k",
                "SELECT COUNTIF(ISERROR(InstanceNumber * 2)) AS a, SUM(IFERROR(InstanceNumber * 2, 0)) AS b, MAX(NULLIFERROR(CAST(PatientID AS INT64))) AS c FROM " + t,
                "SELECT PatientID, IFERROR(SUM(InstanceNumber) * 3, -1) AS a, ISERROR(MAX(InstanceNumber) + 1) AS b FROM " + t + " GROUP BY PatientID",
                "SELECT id FROM " + t + " ORDER BY IFERROR(CAST(PatientID AS INT64), -id), id",
                "SELECT id, ROW_NUMBER() OVER (ORDER BY IFERROR(InstanceNumber * 2, 0), id) AS r FROM " + t,
                // in subqueries, over a CTE, in a lambda, under a correlated subquery
                "SELECT IFERROR((SELECT id FROM " + t + " WHERE id > 6), 0) AS a, IFERROR((SELECT id FROM " + t + " WHERE id > 7), 0) AS b",
                "WITH c AS (SELECT 1 AS x UNION ALL SELECT 2) SELECT IFERROR((SELECT x FROM c), -1) AS a, IFERROR((SELECT MAX(x) FROM c), -1) AS b",
                "SELECT id, (SELECT IFERROR(CAST(x AS INT64), LENGTH(x)) FROM UNNEST(ImageType) x WITH OFFSET o WHERE o = 0) AS a FROM " + t,
                "SELECT id, (SELECT COUNTIF(ISERROR(CAST(x AS INT64) + id)) FROM UNNEST(ImageType) x) AS a FROM " + t,
                "SELECT id, ARRAY_TRANSFORM(ImageType, e -> IFERROR(CAST(e AS INT64), LENGTH(e) + id)) AS a FROM " + t,
                "SELECT id, IFERROR((SELECT ARRAY_AGG(CAST(x AS INT64)) FROM UNNEST(ImageType) x), [id]) AS a FROM " + t,
                "SELECT id, EXISTS(SELECT 1 FROM UNNEST(ImageType) x WHERE ISERROR(CAST(x AS INT64))) AS a FROM " + t,
                // an error outside the try expression still fails the query
                "SELECT id, IFERROR(x, 0) AS a FROM (SELECT id, 10 / (id - 3) AS x FROM " + t + ")",
                "SELECT IFERROR(CAST(x AS INT64), 0) AS a FROM UNNEST(['1', '2', 'z']) x",
                "SELECT ISERROR(x) AS a FROM UNNEST([1, 0]) x WHERE 1 / x > 0",
                // a string longer than H2's own limit for a value, 1,000,000 characters, is no error to catch
                "SELECT LENGTH(IFERROR(REPEAT('ab', 499999), 'short')) AS a, LENGTH(NULLIFERROR(REPEAT('abc', 333333) || 'de')) AS b",
                "SELECT NULLIFERROR(STRUCT(id AS i, [id, id * 2] AS p)) AS a, ISERROR(STRUCT(1 / (id - 1) AS f)) AS b FROM " + t);
    }
}
