package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for COLLATE ({@link Collations}): binary collation, {@code 'und:ci'} equality over printable
 * ASCII, columns and NULLs, and the refusals of what stays out (ordering, grouping, other functions and collations,
 * text beyond printable ASCII, which ICU compares by rules of its own).
 */
final class DifferentialCollationQueries {
    private DifferentialCollationQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT COLLATE('a', 'binary') = 'A' AS a, COLLATE('a', '') = 'A' AS b, COLLATE('a', 'binary') < 'B' AS c, "
                        + "COLLATE('abc', 'binary') AS d",
                "SELECT id, COLLATE(PatientID, '') AS p FROM " + t + " ORDER BY COLLATE(PatientID, 'binary'), id",
                "SELECT COLLATE('a', 'und:ci') = 'A' AS a, COLLATE('Abc-1', 'und:ci') = 'aBC-1' AS b, COLLATE('a', 'und:ci') != 'A' AS c, "
                        + "COLLATE('a b', 'und:ci') = 'ab' AS d, COLLATE('a', 'und:ci') = CAST(NULL AS STRING) AS e, COLLATE('x', 'und:ci') AS f",
                "SELECT 'ABC' = COLLATE('abc', 'und:ci') AS a, UPPER(COLLATE('abc', 'und:ci')) = 'abc' AS b, "
                        + "CONCAT(COLLATE('abc', 'und:ci'), 'd') = 'ABCD' AS c",
                "SELECT id, COLLATE(PatientName.Alphabetic.FamilyName, 'und:ci') = 'doe' AS doe FROM " + t + " WHERE id <> 6",
                "SELECT id FROM " + t + " WHERE COLLATE(PatientName.Alphabetic.GivenName, 'und:ci') = 'KIM'",
                "SELECT id, COLLATE(PatientID, 'und:ci') = 'abc' AS x FROM " + t,
                "WITH p AS (SELECT id, COLLATE(PatientName.Alphabetic.FamilyName, 'und:ci') AS f FROM " + t + ") SELECT id FROM p WHERE f = 'SMITH'",
                "SELECT COLLATE('ä', 'und:ci') = 'Ä' AS a",
                "SELECT COLLATE('a\\u0001', 'und:ci') = 'A' AS a",
                "SELECT COLLATE('a', 'und:ci') < 'B' AS a",
                "SELECT MAX(COLLATE(PatientID, 'und:ci')) AS m FROM " + t,
                "SELECT DISTINCT COLLATE(PatientID, 'und:ci') AS p FROM " + t,
                "SELECT PatientID FROM " + t + " ORDER BY COLLATE(PatientID, 'und:ci')",
                "SELECT id, COLLATE(PatientID, 'und:ci') = '19045' AS p FROM " + t + " ORDER BY id LIMIT 3",
                "SELECT NULLIF(COLLATE('a', 'und:ci'), 'A') AS a",
                "SELECT ARRAY_INCLUDES([COLLATE('a', 'und:ci')], 'A') AS a",
                "SELECT COLLATE('a', 'und:ci') IN ('A', 'b') AS a, COLLATE('a', 'und:ci') NOT IN ('b', NULL) AS b, "
                        + "COLLATE('a', 'und:ci') IN ('b', NULL) AS c, COLLATE(CAST(NULL AS STRING), 'und:ci') IN ('b') AS d",
                "SELECT id FROM " + t + " WHERE COLLATE(PatientName.Alphabetic.FamilyName, 'und:ci') IN ('DOE', 'lee')",
                "SELECT COLLATE('a', 'und:ci') IN UNNEST(['A']) AS a",
                "SELECT STRPOS(COLLATE('abc', 'und:ci'), 'B') AS a",
                "SELECT COLLATE('a', 'und:cs') = 'A' AS a",
                "SELECT COLLATE('a', 'BINARY') < 'B' AS a",
                "SELECT COLLATE('a', 'UND:CI') = 'A' AS a",
                "SELECT STRUCT(COLLATE('a', 'und:ci') AS f) = STRUCT('A' AS f) AS a",
                "SELECT COLLATE('a', 'binary') = 'a' AND COLLATE('b', 'und:ci') = 'B' AS a");
    }
}
