package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for {@code CAST(number AS STRING FORMAT …)} (BigQuery docs: format elements, "Format numeric type
 * as string"): digits 0 and 9 with leading blanks or zeros, the decimal point and D, group separators, S, MI, PR,
 * currency symbols, FM, rounding (INT64 and NUMERIC half away from zero, FLOAT64 half to even from its exact value),
 * {@code #} on overflow, over constants and the table's columns; elements the engine does not write are refused.
 */
final class DifferentialNumberFormatQueries {
    private DifferentialNumberFormatQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT CAST(7 AS STRING FORMAT '999') AS a, CAST(-7 AS STRING FORMAT '999') AS b, CAST(0 AS STRING FORMAT '99') AS c,"
                        + " CAST(0 AS STRING FORMAT '99.9') AS d, CAST(NUMERIC '0.25' AS STRING FORMAT '9.99') AS e",
                "SELECT CAST(42 AS STRING FORMAT '0000') AS a, CAST(3 AS STRING FORMAT '90999') AS b, CAST(-3 AS STRING FORMAT '00') AS c,"
                        + " CAST(98765 AS STRING FORMAT '999') AS d, CAST(-98765 AS STRING FORMAT '9,999.9') AS e",
                "SELECT CAST(9876543 AS STRING FORMAT '9,999,999') AS a, CAST(76 AS STRING FORMAT '9G999') AS b, CAST(76 AS STRING FORMAT '0,000') AS c,"
                        + " CAST(-1234567 AS STRING FORMAT '999,999,999.99') AS d",
                "SELECT CAST(5 AS STRING FORMAT 'S9') AS a, CAST(-5 AS STRING FORMAT 'S999') AS b, CAST(-5 AS STRING FORMAT '999S') AS c,"
                        + " CAST(5 AS STRING FORMAT '99s') AS d, CAST(-5 AS STRING FORMAT '99MI') AS e, CAST(5 AS STRING FORMAT '99mi') AS f",
                "SELECT CAST(-5 AS STRING FORMAT '999PR') AS a, CAST(5 AS STRING FORMAT '999pr') AS b, CAST(0 AS STRING FORMAT '9PR') AS c,"
                        + " CAST(-1234 AS STRING FORMAT '99PR') AS d, CAST(-1234 AS STRING FORMAT '99MI') AS e",
                "SELECT CAST(5 AS STRING FORMAT '$999') AS a, CAST(-5 AS STRING FORMAT '$999') AS b, CAST(-5 AS STRING FORMAT 'C99') AS c,"
                        + " CAST(5 AS STRING FORMAT 'c99') AS d, CAST(-5 AS STRING FORMAT 'L99') AS e, CAST(-5 AS STRING FORMAT 'S$99') AS f,"
                        + " CAST(-5 AS STRING FORMAT '$99PR') AS g, CAST(-5 AS STRING FORMAT '$99MI') AS h",
                "SELECT CAST(NUMERIC '3.5' AS STRING FORMAT 'FM9999.999') AS a, CAST(30 AS STRING FORMAT 'FM99.99') AS b, CAST(-30 AS STRING FORMAT 'fm999') AS c,"
                        + " CAST(0 AS STRING FORMAT 'FM9.9') AS d, CAST(NUMERIC '-0.25' AS STRING FORMAT '99.99FM') AS e, CAST(-5 AS STRING FORMAT 'FM$99PR') AS f",
                "SELECT CAST(NUMERIC '2.345' AS STRING FORMAT '9.99') AS a, CAST(NUMERIC '-2.345' AS STRING FORMAT '9D99') AS b,"
                        + " CAST(NUMERIC '99.95' AS STRING FORMAT '99.9') AS c, CAST(NUMERIC '0.0049' AS STRING FORMAT '9.99') AS d, CAST(NUMERIC '-0.5' AS STRING FORMAT '9') AS e",
                "SELECT CAST(1.5 AS STRING FORMAT '9') AS a, CAST(2.5 AS STRING FORMAT '9') AS b, CAST(0.375 AS STRING FORMAT '9.99') AS c,"
                        + " CAST(0.1 AS STRING FORMAT '9.99999999999999999999') AS d, CAST(-0.0 AS STRING FORMAT '9.9') AS e, CAST(1e30 AS STRING FORMAT '9999') AS f",
                "SELECT input, CAST(input AS STRING FORMAT '$999,999.99') AS o FROM UNNEST([0.5, 7.25, 1234.5, -98765.432, 12345678.0]) AS input",
                "SELECT CAST(NUMERIC '99999999999999999999999999999.999999999' AS STRING FORMAT '999,999,999,999,999,999,999,999,999,999.999999999') AS a,"
                        + " CAST(-9223372036854775808 AS STRING FORMAT '9,999,999,999,999,999,999') AS b",
                "SELECT id, CAST(InstanceNumber AS STRING FORMAT '9,999') AS a, CAST(PixelSpacing AS STRING FORMAT 'S999.999') AS b,"
                        + " CAST(SliceThickness AS STRING FORMAT 'FM9.99') AS c FROM " + t + " WHERE id IN (1, 2, 6, 7)",
                "SELECT id, CAST(id AS STRING FORMAT FORMAT('%s', IF(id > 4, '0000', '$9'))) AS a, SAFE_CAST(id * 1000 AS STRING FORMAT '99') AS b FROM " + t,
                "SELECT CAST(CAST(NULL AS INT64) AS STRING FORMAT '99') AS a, CAST(5 AS STRING FORMAT CAST(NULL AS STRING)) AS b",
                // scientific notation: the mantissa rounded, the exponent of at least two digits
                "SELECT CAST(45 AS STRING FORMAT '9.99EEEE') AS a, CAST(-314159265 AS STRING FORMAT 'S9.9999EEEE') AS b, CAST(99999 AS STRING FORMAT '9.9EEEE') AS c,"
                        + " CAST(NUMERIC '0.000000007' AS STRING FORMAT '9.9eeee') AS d, CAST(0 AS STRING FORMAT '9.9EEEE') AS e, CAST(3 AS STRING FORMAT '9EEEE') AS f",
                "SELECT CAST(6.02e23 AS STRING FORMAT '9.99EEEE') AS a, CAST(-1.5e-300 AS STRING FORMAT 'S9.9EEEE') AS b, CAST(2.25 AS STRING FORMAT '9.9EEEE') AS c",
                "SELECT id, CAST(InstanceNumber AS STRING FORMAT '9.999EEEE') AS a, CAST(PixelSpacing AS STRING FORMAT '9.99EEEE') AS b FROM " + t + " WHERE id IN (1, 3, 5, 6, 7)",
                // refused: elements the engine does not write, NaN, S of a value rounding to zero
                "SELECT CAST(20 AS STRING FORMAT '99.99EEEE') AS a",
                "SELECT CAST(255 AS STRING FORMAT 'XX') AS a",
                "SELECT CAST(NUMERIC '0.5' AS STRING FORMAT 'B9.9') AS a",
                "SELECT CAST(CAST('NaN' AS FLOAT64) AS STRING FORMAT '999') AS a",
                "SELECT CAST(0 AS STRING FORMAT 'S9') AS a");
    }
}
