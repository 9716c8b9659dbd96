package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for the trigonometric and hyperbolic functions, CBRT, IS_INF, IS_NAN, RANGE_BUCKET, BIT_COUNT,
 * the bitwise operators (see {@link NumberFunctions}) and the array functions of {@link ArrayFunctions}: BigQuery's
 * reference examples, domain errors, NaN and infinities, NULLs, empty arrays, and the table's columns.
 */
final class DifferentialMathArrayQueries {
    private DifferentialMathArrayQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT SIN(1.0), COS(0.0), TAN(1.0), ASIN(1.0), ACOS(0.5), ATAN(1.0), ATAN2(1.0, 2.0)",
                "SELECT SINH(1.0), COSH(1.0), TANH(1.0), ASINH(1.0), ACOSH(2.0), ATANH(0.5), COT(1.0), CSC(1.0), SEC(1.0), COTH(1.0), CSCH(1.0), SECH(1.0)",
                "SELECT id, SIN(SliceThickness), COS(SliceThickness), TAN(SliceThickness), ATAN(SliceThickness), TANH(SliceThickness), ASINH(SliceThickness), SECH(SliceThickness), CBRT(SliceThickness) FROM " + t + "",
                "SELECT id, SAFE.ASIN(SliceThickness), SAFE.ACOS(SliceThickness), SAFE.ACOSH(SliceThickness), SAFE.ATANH(SliceThickness), SAFE.COT(SliceThickness), SAFE.CSC(SliceThickness), SAFE.COTH(SliceThickness), SAFE.CSCH(SliceThickness), SAFE.SINH(SliceThickness), SAFE.COSH(SliceThickness), SAFE.SEC(SliceThickness) FROM " + t + "",
                "SELECT id, ATAN2(SliceThickness, id), ATAN2(id, SliceThickness), SAFE.ATAN2(SliceThickness, SliceThickness) FROM " + t + " WHERE id <> 6",
                "SELECT ATAN2(0.0, -1.0)",
                "SELECT ASIN(2.0)",
                "SELECT ACOS(-1.5)",
                "SELECT ACOSH(0.5)",
                "SELECT ATANH(1.0)",
                "SELECT ATANH(-2.0)",
                "SELECT COT(0.0)",
                "SELECT CSC(0.0)",
                "SELECT COTH(0.0)",
                "SELECT CSCH(0.0)",
                "SELECT SINH(1000.0)",
                "SELECT COSH(-1000.0)",
                "SELECT ASINH(1e300), ASINH(-1e300), ACOSH(1e300), ASINH(1e-10), ATANH(1e-10), ASINH(-0.5), ATANH(-0.5), ACOSH(1.0)",
                "SELECT ASIN(CAST('inf' AS FLOAT64)), ACOS(CAST('nan' AS FLOAT64)), COSH(CAST('-inf' AS FLOAT64)), SINH(CAST('-inf' AS FLOAT64)), TAN(CAST('inf' AS FLOAT64)), COT(CAST('inf' AS FLOAT64)), ACOSH(CAST('inf' AS FLOAT64)), ATANH(CAST('inf' AS FLOAT64))",
                "SELECT SIN(1), COS(2), TAN(NULL), ATAN2(1, NULL), CBRT(-27), CBRT(NULL), CBRT(27), CBRT(1e-300)",
                "SELECT IS_INF(SliceThickness), IS_NAN(SliceThickness), IS_INF(id), IS_NAN(NULL) FROM " + t + "",
                "SELECT RANGE_BUCKET(20, [0, 10, 20, 30, 40]), RANGE_BUCKET(25, [0, 10, 20, 30, 40]), RANGE_BUCKET(-10, [5, 10, 20, 30, 40]), RANGE_BUCKET(80, [0, 10, 20, 30, 40]), RANGE_BUCKET(80, []), RANGE_BUCKET(NULL, [0, 10]), RANGE_BUCKET(3, CAST(NULL AS ARRAY<INT64>))",
                "SELECT RANGE_BUCKET(id, [2, 4, 4, 6]), RANGE_BUCKET(SliceThickness, [0.0, 2.5]), RANGE_BUCKET(PixelSpacing, [NUMERIC '0', 1]), RANGE_BUCKET(PatientID, ['19045', '3']), RANGE_BUCKET(StudyDate, [DATE '2021-01-01']) FROM " + t + "",
                "SELECT RANGE_BUCKET(3, [1, NULL, 4])",
                "SELECT RANGE_BUCKET(3, [1, 5, 4])",
                "SELECT RANGE_BUCKET(3, [NULL])",
                "SELECT RANGE_BUCKET(3.0, [1, CAST('nan' AS FLOAT64)])",
                "SELECT RANGE_BUCKET(3.0, [CAST('nan' AS FLOAT64), 1])",
                "SELECT RANGE_BUCKET(CAST('nan' AS FLOAT64), [1.0]), RANGE_BUCKET(-0.0, [0.0]), RANGE_BUCKET(CAST('-inf' AS FLOAT64), [CAST('-inf' AS FLOAT64)])",
                "SELECT SAFE.RANGE_BUCKET(3, [1, NULL]), SAFE.RANGE_BUCKET(3, [1, 5])",
                "SELECT BIT_COUNT(a), BIT_COUNT(-1), BIT_COUNT(NULL), BIT_COUNT(b'\\x00\\xff\\x0f'), BIT_COUNT(CAST(NULL AS BYTES)) FROM UNNEST([0, 1, 0x7FFFFFFFFFFFFFFF, -0x8000000000000000]) a",
                "SELECT BIT_COUNT(InstanceNumber), InstanceNumber & id, InstanceNumber | id, InstanceNumber ^ id, ~InstanceNumber, InstanceNumber << id, InstanceNumber >> id FROM " + t + "",
                "SELECT 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 3, 16 >> 2, -1 >> 1, -1 << 63, 1 << 64, 5 >> 100, CAST(NULL AS INT64) & 1, 1 << CAST(NULL AS INT64)",
                "SELECT 1 << -1",
                "SELECT 1 >> -5",
                "SELECT RAND() BETWEEN 0 AND 1 AND RAND() < 1",
                "SELECT SAFE.SIN(NULL), SAFE.CBRT(8), SAFE.IS_INF(1.0), SAFE.BIT_COUNT(3)",
                "SELECT CEIL(PixelSpacing), FLOOR(PixelSpacing), CEIL(NUMERIC '-1.5'), FLOOR(NUMERIC '-1.5') FROM " + t + "",
                "SELECT ARRAY_REVERSE([1,2,3]), ARRAY_REVERSE(ARRAY<STRING>[]), ARRAY_REVERSE(NULL), ARRAY_REVERSE([1.5, NULL])",
                "SELECT id, ARRAY_REVERSE(ImageType), ARRAY_FIRST(ImageType), ARRAY_LAST(ImageType), ARRAY_SLICE(ImageType, 1, -1), ARRAY_IS_DISTINCT(ImageType), ARRAY_INCLUDES(ImageType, 'PRIMARY'), ARRAY_MAX(ImageType), ARRAY_MIN(ImageType) FROM " + t + " WHERE ARRAY_LENGTH(ImageType) > 0",
                "SELECT ARRAY_FIRST(ImageType) FROM " + t + "",
                "SELECT ARRAY_FIRST(['a', 'b']), ARRAY_LAST(['a', 'b']), ARRAY_FIRST([NULL, 1]), ARRAY_LAST(CAST(NULL AS ARRAY<DATE>))",
                "SELECT ARRAY_LAST(ARRAY<INT64>[])",
                "SELECT ARRAY_SLICE([1,2,3,4,5], 1, 3), ARRAY_SLICE([1,2,3,4,5], -3, -1), ARRAY_SLICE([1,2,3,4,5], 3, 1), ARRAY_SLICE([1,2,3,4,5], -10, 10), ARRAY_SLICE([1,2,3,4,5], 5, 7), ARRAY_SLICE([1,2,3], NULL, 1), ARRAY_SLICE(['a','b','c','d','e'], 1, -2)",
                "SELECT ARRAY_IS_DISTINCT([1,1,2]), ARRAY_IS_DISTINCT([1,2,3]), ARRAY_IS_DISTINCT([NULL, NULL]), ARRAY_IS_DISTINCT([1, NULL]), ARRAY_IS_DISTINCT(CAST(NULL AS ARRAY<INT64>)), ARRAY_IS_DISTINCT(ARRAY<INT64>[])",
                "SELECT ARRAY_IS_DISTINCT([CAST('nan' AS FLOAT64), CAST('nan' AS FLOAT64)]), ARRAY_IS_DISTINCT([0.0, -0.0]), ARRAY_IS_DISTINCT([NUMERIC '1.0', NUMERIC '1']), ARRAY_IS_DISTINCT([b'a', b'a'])",
                "SELECT ARRAY_INCLUDES([1,2,3], 2), ARRAY_INCLUDES([1, NULL], NULL), ARRAY_INCLUDES([1, NULL], 3), ARRAY_INCLUDES(CAST(NULL AS ARRAY<INT64>), 1), ARRAY_INCLUDES([CAST('nan' AS FLOAT64)], CAST('nan' AS FLOAT64)), ARRAY_INCLUDES([0.0], -0.0)",
                "SELECT ARRAY_INCLUDES_ANY([1,2,3], [5, 3]), ARRAY_INCLUDES_ALL([1,2,3], [2, 3]), ARRAY_INCLUDES_ALL([1,2,3], [2, NULL]), ARRAY_INCLUDES_ANY([1,2], ARRAY<INT64>[]), ARRAY_INCLUDES_ALL([1,2], ARRAY<INT64>[]), ARRAY_INCLUDES_ANY([1], NULL)",
                "SELECT ARRAY_MAX([1, 5, NULL]), ARRAY_MIN([1, 5, NULL]), ARRAY_MAX(ARRAY<INT64>[]), ARRAY_MAX([NULL, NULL]), ARRAY_MAX([1.0, CAST('nan' AS FLOAT64)]), ARRAY_MIN(['a', 'B', 'ä']), ARRAY_MAX([DATE '2020-01-01', DATE '2021-01-01']), ARRAY_MAX([NUMERIC '1.5', 2]), ARRAY_MIN([TRUE, FALSE])",
                "SELECT ARRAY_TO_STRING([b'a', b'b', NULL], b'--'), ARRAY_TO_STRING([b'a', NULL], b',', b'N'), ARRAY_TO_STRING(ARRAY<BYTES>[], b',')",
                "SELECT id, ARRAY_REVERSE(ProcedureCodeSequence), ARRAY_LAST(ProcedureCodeSequence).CodeValue FROM " + t + " WHERE ARRAY_LENGTH(ProcedureCodeSequence) > 0",
                "SELECT id, ARRAY_MAX(ARRAY_SLICE(ImageType, 0, 1)), ARRAY_INCLUDES_ANY(ImageType, ['OTHER', 'AXIAL']), ARRAY_INCLUDES_ALL(ImageType, ['ORIGINAL', 'PRIMARY']) FROM " + t + "");
    }
}
