package io.dicombq.adapter.out.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random typed GoogleSQL expressions over the differential table's columns, with NULLs and edge values (INT64
 * bounds, NaN, infinities, empty strings), for the differential suite. A fixed seed keeps the suite the same run
 * to run.
 */
final class RandomExpressions {
    private enum Kind { INT64, FLOAT64, STRING, BOOL }

    private static final String[] INTS = {"id", "InstanceNumber", "0", "1", "-1", "2", "9223372036854775807", "CAST(NULL AS INT64)"};
    private static final String[] FLOATS = {"SliceThickness", "0.5", "-2.25", "1e308", "CAST('NaN' AS FLOAT64)",
        "CAST('inf' AS FLOAT64)", "CAST(NULL AS FLOAT64)", "0.0"};
    private static final String[] STRINGS = {"PatientID", "PatientName.Alphabetic.FamilyName", "''", "'a'", "'19045'",
        "'Ab%'", "CAST(NULL AS STRING)"};
    private static final String[] BOOLS = {"IsPrimary", "TRUE", "FALSE", "CAST(NULL AS BOOL)"};

    private final Random random;

    private RandomExpressions(Random random) {
        this.random = random;
    }

    static List<String> queries(Random random, int count, String table) {
        RandomExpressions generator = new RandomExpressions(random);
        List<String> queries = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            queries.add("SELECT id, " + generator.expr(kinds[i % kinds.length], 3) + " AS v FROM " + table);
        }
        return queries;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String expr(Kind kind, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return leaf(kind);
        }
        int d = depth - 1;
        switch (kind) {
            case INT64:
                switch (random.nextInt(11)) {
                    case 0: return "(" + expr(Kind.INT64, d) + " + " + expr(Kind.INT64, d) + ")";
                    case 1: return "(" + expr(Kind.INT64, d) + " - " + expr(Kind.INT64, d) + ")";
                    case 2: return "(" + expr(Kind.INT64, d) + " * " + expr(Kind.INT64, d) + ")";
                    case 3: return "DIV(" + expr(Kind.INT64, d) + ", " + expr(Kind.INT64, d) + ")";
                    case 4: return "MOD(" + expr(Kind.INT64, d) + ", " + expr(Kind.INT64, d) + ")";
                    case 5: return "LENGTH(" + expr(Kind.STRING, d) + ")";
                    case 6: return "IF(" + expr(Kind.BOOL, d) + ", " + expr(Kind.INT64, d) + ", " + expr(Kind.INT64, d) + ")";
                    case 7: return "COALESCE(" + expr(Kind.INT64, d) + ", " + expr(Kind.INT64, d) + ")";
                    case 8: return "CAST(" + expr(Kind.FLOAT64, d) + " AS INT64)";
                    case 9: return "SAFE_CAST(" + expr(Kind.FLOAT64, d) + " AS INT64)";
                    default: return "(-" + expr(Kind.INT64, d) + ")";
                }
            case FLOAT64:
                switch (random.nextInt(9)) {
                    case 0: return "(" + expr(Kind.FLOAT64, d) + " + " + expr(Kind.FLOAT64, d) + ")";
                    case 1: return "(" + expr(Kind.FLOAT64, d) + " - " + expr(Kind.INT64, d) + ")";
                    case 2: return "(" + expr(Kind.FLOAT64, d) + " * " + expr(Kind.FLOAT64, d) + ")";
                    case 3: return "(" + expr(Kind.INT64, d) + " / " + expr(Kind.INT64, d) + ")";
                    case 4: return "SAFE_DIVIDE(" + expr(Kind.FLOAT64, d) + ", " + expr(Kind.FLOAT64, d) + ")";
                    case 5: return "IFNULL(" + expr(Kind.INT64, d) + ", " + expr(Kind.FLOAT64, d) + ")";
                    case 6: return "CASE WHEN " + expr(Kind.BOOL, d) + " THEN " + expr(Kind.INT64, d) + " ELSE " + expr(Kind.FLOAT64, d) + " END";
                    case 7: return "ABS(" + expr(Kind.FLOAT64, d) + ")";
                    default: return "CAST(" + expr(Kind.INT64, d) + " AS FLOAT64)";
                }
            case STRING:
                switch (random.nextInt(7)) {
                    case 0: return "CONCAT(" + expr(Kind.STRING, d) + ", " + expr(Kind.STRING, d) + ")";
                    case 1: return "UPPER(" + expr(Kind.STRING, d) + ")";
                    case 2: return "SUBSTR(" + expr(Kind.STRING, d) + ", " + pick(new String[] {"1", "2", "-1", "0"}) + ")";
                    case 3: return "IFNULL(" + expr(Kind.STRING, d) + ", " + expr(Kind.STRING, d) + ")";
                    case 4: return "CAST(" + expr(Kind.INT64, d) + " AS STRING)";
                    case 5: return "NULLIF(" + expr(Kind.STRING, d) + ", " + expr(Kind.STRING, d) + ")";
                    default: return "TRIM(" + expr(Kind.STRING, d) + ")";
                }
            default:
                switch (random.nextInt(10)) {
                    case 0: return "(" + expr(Kind.INT64, d) + " < " + expr(Kind.INT64, d) + ")";
                    case 1: return "(" + expr(Kind.FLOAT64, d) + " >= " + expr(Kind.FLOAT64, d) + ")";
                    case 2: return "(" + expr(Kind.FLOAT64, d) + " = " + expr(Kind.INT64, d) + ")";
                    case 3: return "(" + expr(Kind.STRING, d) + " != " + expr(Kind.STRING, d) + ")";
                    case 4: return "(" + expr(Kind.BOOL, d) + " AND " + expr(Kind.BOOL, d) + ")";
                    case 5: return "(" + expr(Kind.BOOL, d) + " OR NOT " + expr(Kind.BOOL, d) + ")";
                    case 6: return "(" + expr(Kind.FLOAT64, d) + " BETWEEN " + expr(Kind.INT64, d) + " AND " + expr(Kind.FLOAT64, d) + ")";
                    case 7: return "(" + expr(Kind.INT64, d) + " IN (" + expr(Kind.INT64, d) + ", " + expr(Kind.INT64, d) + "))";
                    case 8: return "(" + expr(Kind.STRING, d) + " LIKE " + expr(Kind.STRING, d) + ")";
                    default: return "(" + expr(Kind.STRING, d) + " IS NULL)";
                }
        }
    }

    private String leaf(Kind kind) {
        switch (kind) {
            case INT64:
                return pick(INTS);
            case FLOAT64:
                return pick(FLOATS);
            case STRING:
                return pick(STRINGS);
            default:
                return pick(BOOLS);
        }
    }
}
