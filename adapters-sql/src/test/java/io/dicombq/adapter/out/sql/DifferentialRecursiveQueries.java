package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for WITH RECURSIVE (BigQuery docs: recursive CTEs): counters, several columns and types, a base
 * term of several rows or over the table, joins with other CTEs before and after, graph walks, a recursive CTE read
 * twice or inside a subquery, one whose recursive term ends at once, a recursive CTE over another, and the RECURSIVE
 * keyword without recursion. UNION DISTINCT, which BigQuery's recursive CTEs do not take, is refused by name.
 */
final class DifferentialRecursiveQueries {
    private DifferentialRecursiveQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "WITH RECURSIVE c AS ((SELECT 1 AS n) UNION ALL (SELECT n + 1 FROM c WHERE n < 6)) SELECT n FROM c",
                "WITH RECURSIVE c AS (SELECT 1 AS n, 'x' AS s, DATE '2024-02-27' AS d UNION ALL SELECT n * 3, CONCAT(s, 'y'), DATE_ADD(d, INTERVAL 1 DAY) FROM c WHERE n < 50)"
                        + " SELECT * FROM c ORDER BY n",
                "WITH RECURSIVE c AS ((SELECT 2 AS k UNION ALL SELECT 2) UNION ALL SELECT k + 1 FROM c WHERE k < 4) SELECT k, COUNT(*) AS n FROM c GROUP BY k",
                "WITH RECURSIVE c AS (SELECT 1.5 AS f, [1] AS a, STRUCT('p' AS q) AS s UNION ALL SELECT f * 2, ARRAY_CONCAT(a, [ARRAY_LENGTH(a) + 1]), STRUCT(CONCAT(s.q, 'p') AS q)"
                        + " FROM c WHERE f < 10) SELECT f, a, s FROM c",
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n > 5) SELECT * FROM c",
                "WITH RECURSIVE c AS (SELECT n FROM UNNEST([1, 2]) n WHERE n > 9 UNION ALL SELECT n + 1 FROM c) SELECT COUNT(*) AS n FROM c",
                // over the table, with other CTEs before and after it
                "WITH RECURSIVE c AS (SELECT id, InstanceNumber AS v, 0 AS depth FROM " + t + " WHERE id BETWEEN 1 AND 4"
                        + " UNION ALL SELECT id, IFNULL(v, 0) - 1, depth + 1 FROM c WHERE depth < 2) SELECT * FROM c",
                "WITH RECURSIVE start AS (SELECT 3 AS s), c AS ((SELECT s AS n FROM start) UNION ALL (SELECT n - 1 FROM c WHERE n > 0)),"
                        + " doubled AS (SELECT n * 2 AS m FROM c) SELECT m FROM doubled ORDER BY m",
                "WITH RECURSIVE edges AS (SELECT * FROM UNNEST([STRUCT(1 AS a, 2 AS b), (2, 3), (3, 4), (2, 5), (6, 7)])),"
                        + " reach AS (SELECT 1 AS node, 0 AS hops UNION ALL SELECT e.b, r.hops + 1 FROM reach r JOIN edges e ON r.node = e.a)"
                        + " SELECT node, MIN(hops) AS hops FROM reach GROUP BY node ORDER BY node",
                "WITH RECURSIVE c AS (SELECT PatientID AS p, 1 AS n FROM " + t + " WHERE id = 1 UNION ALL SELECT t2.PatientID, c.n + 1 FROM c JOIN "
                        + t + " t2 ON t2.id = c.n + 1 WHERE c.n < 5) SELECT * FROM c",
                "WITH RECURSIVE c AS (SELECT 0 AS n UNION ALL SELECT n + 1 FROM c, UNNEST([1, 2]) x WHERE n < 3 AND x = 1) SELECT n FROM c",
                // read twice, inside a subquery, one recursive CTE over another
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT a.n, b.n AS m FROM c a CROSS JOIN c b",
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 4) SELECT id, (SELECT SUM(n) FROM c WHERE n <= id) AS s FROM " + t,
                "SELECT (WITH RECURSIVE c AS (SELECT 10 AS n UNION ALL SELECT n - 3 FROM c WHERE n > 0) SELECT ARRAY_AGG(n ORDER BY n) FROM c) AS a",
                "WITH RECURSIVE a AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM a WHERE n < 3),"
                        + " b AS (SELECT n, 0 AS k FROM a UNION ALL SELECT n, k + 1 FROM b WHERE k < n) SELECT n, COUNT(*) AS c FROM b GROUP BY n",
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n, IFERROR(10 / (n - 2), -1.0) AS q FROM c",
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT IFERROR((SELECT n + 1), 0) FROM c WHERE n < 3) SELECT * FROM c",
                "WITH RECURSIVE c AS (SELECT 0 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 5 AND NOT ISERROR(10 / (n - 3))) SELECT * FROM c",
                // RECURSIVE without recursion; a CTE may name one defined after it
                "WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT 7 AS n) SELECT * FROM a",
                "WITH RECURSIVE a AS (SELECT 1 AS n) SELECT n FROM a",
                // errors in an iteration fail the query; UNION DISTINCT is refused
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 3 AND DIV(6, 2 - n) > 0) SELECT * FROM c",
                "WITH RECURSIVE c AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM c WHERE n < 300) SELECT COUNT(*) AS k, SUM(n) AS s FROM c",
                "WITH RECURSIVE c AS (SELECT 0 AS n UNION DISTINCT SELECT MOD(n + 1, 3) FROM c) SELECT * FROM c");
    }
}
