package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for the statistical and bitwise aggregates, COUNTIF(DISTINCT), STRING_AGG with LIMIT,
 * ARRAY_CONCAT_AGG and the percentiles (see {@link StatisticalAggregates}): BigQuery's reference examples, NULLs,
 * one row, no rows, NaN and infinities, values whose variance a double computation would get wrong, and windows.
 */
final class DifferentialStatisticsQueries {
    private DifferentialStatisticsQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT STDDEV(x) a, STDDEV_SAMP(x) b, STDDEV_POP(x) c, VARIANCE(x) d, VAR_SAMP(x) e, VAR_POP(x) f FROM UNNEST([10, 14, 18]) x",
                "SELECT STDDEV_SAMP(x) b, STDDEV_POP(x) c, VAR_SAMP(x), VAR_POP(x) FROM UNNEST([10]) x",
                "SELECT STDDEV_SAMP(x) b, STDDEV_POP(x) c FROM UNNEST(ARRAY<INT64>[]) x",
                "SELECT STDDEV_POP(SliceThickness), VAR_SAMP(InstanceNumber), VAR_POP(PixelSpacing), STDDEV(DISTINCT PixelSpacing) FROM " + t + "",
                "SELECT PatientID, STDDEV_POP(SliceThickness), VAR_SAMP(SliceThickness), VAR_POP(InstanceNumber) FROM " + t + " GROUP BY PatientID",
                "SELECT VAR_POP(x), VAR_SAMP(x) FROM UNNEST([1e308, -1e308, 1.0]) x",
                "SELECT VAR_POP(x), STDDEV(x) FROM UNNEST([CAST('inf' AS FLOAT64), 1.0]) x",
                "SELECT VAR_POP(x) FROM UNNEST([1000000000.1, 1000000000.2, 1000000000.3]) x",
                "SELECT CORR(x, y), COVAR_POP(x, y), COVAR_SAMP(x, y) FROM UNNEST([STRUCT(1.0 AS x, 5.0 AS y), (3.0, 9.0), (4.0, 7.0)])",
                "SELECT CORR(x, y), COVAR_POP(x, y), COVAR_SAMP(x, y) FROM UNNEST([STRUCT(1.0 AS x, 5.0 AS y)])",
                "SELECT CORR(x, y), COVAR_POP(x, y), COVAR_SAMP(x, y) FROM UNNEST([STRUCT(1.0 AS x, 5.0 AS y), (1.0, 6.0), (NULL, 7.0)])",
                "SELECT CORR(x, y) FROM UNNEST([STRUCT(1.0 AS x, 5.0 AS y), (2.0, 5.0)])",
                "SELECT CORR(id, InstanceNumber), COVAR_POP(id, SliceThickness), COVAR_SAMP(id, PixelSpacing) FROM " + t + "",
                "SELECT BIT_AND(x), BIT_OR(x), BIT_XOR(x) FROM UNNEST([0xF001, 0x00A1]) x",
                "SELECT BIT_XOR(DISTINCT x) FROM UNNEST([1234, 5678, 1234]) x",
                "SELECT BIT_AND(InstanceNumber), BIT_OR(InstanceNumber), BIT_XOR(InstanceNumber) FROM " + t + "",
                "SELECT BIT_AND(x) FROM UNNEST(ARRAY<INT64>[]) x",
                "SELECT COUNTIF(DISTINCT x > 1), COUNTIF(DISTINCT x > 5) FROM UNNEST([1,2,3]) x",
                "SELECT STRING_AGG(x, '&' LIMIT 2) FROM UNNEST(['a','b','c']) x",
                "SELECT STRING_AGG(x, '&' ORDER BY x DESC LIMIT 2) FROM UNNEST(['a',NULL,'b','c']) x",
                "SELECT STRING_AGG(DISTINCT x ORDER BY x LIMIT 2) FROM UNNEST(['a','a',NULL,'b','c']) x",
                "SELECT PatientID, STRING_AGG(PatientID LIMIT 1) FROM " + t + " GROUP BY PatientID",
                "SELECT ARRAY_CONCAT_AGG(x) FROM (SELECT [NULL, 1, 2, 3, 4] AS x UNION ALL SELECT [5, 6] UNION ALL SELECT [7, 8, 9])",
                "SELECT ARRAY_CONCAT_AGG(x ORDER BY ARRAY_LENGTH(x)) FROM (SELECT [1, 2, 3, 4] AS x UNION ALL SELECT [5, 6] UNION ALL SELECT [7, 8, 9])",
                "SELECT ARRAY_CONCAT_AGG(x ORDER BY ARRAY_LENGTH(x) LIMIT 2) FROM (SELECT [1, 2, 3, 4] AS x UNION ALL SELECT [5, 6] UNION ALL SELECT [7, 8, 9])",
                "SELECT ARRAY_CONCAT_AGG(x) FROM (SELECT CAST(NULL AS ARRAY<INT64>) AS x)",
                "SELECT PatientID, ARRAY_CONCAT_AGG(ImageType ORDER BY id) FROM " + t + " GROUP BY PatientID",
                "SELECT id, PERCENTILE_CONT(SliceThickness, 0.5) OVER (PARTITION BY PatientID) FROM " + t + "",
                "SELECT id, PERCENTILE_DISC(SliceThickness, 0.5) OVER (PARTITION BY PatientID) FROM " + t + "",
                "SELECT id, PERCENTILE_CONT(SliceThickness, 0.3) OVER () FROM " + t + "",
                "SELECT id, PERCENTILE_CONT(InstanceNumber, 0.3) OVER (), PERCENTILE_DISC(InstanceNumber, 0.3) OVER () FROM " + t + "",
                "SELECT id, PERCENTILE_CONT(PixelSpacing, 0.3) OVER (), PERCENTILE_DISC(PixelSpacing, 0.3) OVER () FROM " + t + "",
                "SELECT PERCENTILE_CONT(x, 0) OVER() AS min, PERCENTILE_CONT(x, 0.01) OVER() AS p1, PERCENTILE_CONT(x, 0.5) OVER() AS median, PERCENTILE_CONT(x, 0.9) OVER() AS p90, PERCENTILE_CONT(x, 1) OVER() AS max FROM UNNEST([0, 3, NULL, 1, 2]) AS x LIMIT 1",
                "SELECT PERCENTILE_CONT(x, 0 RESPECT NULLS) OVER() AS min, PERCENTILE_CONT(x, 0.01 RESPECT NULLS) OVER() AS p1, PERCENTILE_CONT(x, 0.5 RESPECT NULLS) OVER() AS median, PERCENTILE_CONT(x, 0.9 RESPECT NULLS) OVER() AS p90, PERCENTILE_CONT(x, 1 RESPECT NULLS) OVER() AS max FROM UNNEST([0, 3, NULL, 1, 2]) AS x LIMIT 1",
                "SELECT x, PERCENTILE_DISC(x, 0) OVER() AS min, PERCENTILE_DISC(x, 0.5) OVER() AS median, PERCENTILE_DISC(x, 1) OVER() AS max FROM UNNEST(['c', NULL, 'b', 'a']) AS x",
                "SELECT PERCENTILE_DISC(x, 0.5 RESPECT NULLS) OVER() AS median, PERCENTILE_DISC(x, 0 RESPECT NULLS) OVER() AS m FROM UNNEST([0, 3, NULL, 1, 2]) AS x LIMIT 1",
                "SELECT PERCENTILE_CONT(x, 0.5) OVER() FROM UNNEST([CAST('-inf' AS FLOAT64), CAST('inf' AS FLOAT64)]) AS x",
                "SELECT PERCENTILE_CONT(x, 0.5) OVER() FROM UNNEST([1, CAST('inf' AS FLOAT64)]) AS x",
                "SELECT id, STDDEV(InstanceNumber) OVER (PARTITION BY PatientID), VAR_POP(SliceThickness) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM " + t + "",
                "SELECT id, CORR(id, InstanceNumber) OVER (ORDER BY id), BIT_OR(id) OVER (ORDER BY id) FROM " + t + "",
                "SELECT id, PERCENTILE_CONT(PixelSpacing, 0.1) OVER (), PERCENTILE_DISC(PixelSpacing, 0.1) OVER (), PERCENTILE_CONT(PixelSpacing, 0.77) OVER () FROM " + t + "",
                "SELECT id, PERCENTILE_DISC(PatientID, 0.1) OVER (), PERCENTILE_DISC(PatientID, 0.6 RESPECT NULLS) OVER (), PERCENTILE_DISC(id, 0.25) OVER (), PERCENTILE_DISC(id, 0.125) OVER () FROM " + t + "",
                "SELECT id, PERCENTILE_CONT(SliceThickness, 0.9 RESPECT NULLS) OVER (PARTITION BY IsPrimary), PERCENTILE_CONT(SliceThickness, 0.1 RESPECT NULLS) OVER (PARTITION BY IsPrimary) FROM " + t + "",
                "SELECT PERCENTILE_CONT(x, 0.1) OVER (), PERCENTILE_DISC(x, 0.1) OVER () FROM UNNEST(GENERATE_ARRAY(1, 10)) x LIMIT 1",
                "SELECT PERCENTILE_CONT(x, 1.5) OVER () FROM UNNEST([1]) x");
    }
}
