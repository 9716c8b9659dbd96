package io.dicombq.adapter.out.sql;

import io.dicombq.domain.schema.ColumnType;

import java.util.Set;

/** BigQuery's typing rules for comparison and arithmetic operators (no silent string/number coercion). */
final class Comparisons {
    private static final Set<ColumnType> TEMPORAL = Set.of(ColumnType.DATE, ColumnType.TIME, ColumnType.DATETIME,
            ColumnType.TIMESTAMP);

    private Comparisons() {
    }

    /** Both sides can be compared: same family, or a STRING against a date/time (BigQuery coerces the literal). */
    static void requireComparable(Typed left, Typed right, String operator) {
        if (left.isNull() || right.isNull()) {
            return;
        }
        requireScalar(left, right, operator);
        if (family(left) == family(right)) {
            return;
        }
        boolean stringVersusTemporal = (left.is(ColumnType.STRING) && TEMPORAL.contains(right.type().type()))
                || (right.is(ColumnType.STRING) && TEMPORAL.contains(left.type().type()));
        if (!stringVersusTemporal) {
            throw mismatch(left, right, operator);
        }
    }

    static void requireSameFamily(Typed left, Typed right, String operator) {
        if (left.isNull() || right.isNull()) {
            return;
        }
        requireScalar(left, right, operator);
        if (family(left) != family(right)) {
            throw mismatch(left, right, operator);
        }
    }

    static Typed arithmetic(String operator, Typed left, Typed right) {
        for (Typed side : new Typed[] {left, right}) {
            if (!side.isNull() && !side.isNumeric()) {
                throw Translator.invalid("No matching signature for operator " + operator + " for argument types: "
                        + left.typeName() + ", " + right.typeName());
            }
        }
        ColumnType type;
        if (left.is(ColumnType.FLOAT) || right.is(ColumnType.FLOAT)) {
            type = ColumnType.FLOAT;
        } else if (left.is(ColumnType.NUMERIC) || right.is(ColumnType.NUMERIC)) {
            type = ColumnType.NUMERIC;
        } else {
            // BigQuery's "/" on INT64 returns FLOAT64.
            type = operator.equals("/") ? ColumnType.FLOAT : ColumnType.INTEGER;
        }
        String l = left.sql();
        if (type == ColumnType.FLOAT) {
            l = "CAST(" + l + " AS DOUBLE PRECISION)";
        }
        String sql = "(" + l + " " + operator + " " + right.sql() + ")";
        if (type == ColumnType.NUMERIC) {
            sql = "CAST(" + sql + " AS NUMERIC(38, 9))";
        }
        return Typed.of(sql, type);
    }

    private static void requireScalar(Typed left, Typed right, String operator) {
        for (Typed side : new Typed[] {left, right}) {
            if (side.isArray() || side.isRecord() || side.is(ColumnType.JSON)) {
                throw mismatch(left, right, operator);
            }
        }
    }

    private static ColumnType family(Typed typed) {
        return typed.isNumeric() ? ColumnType.NUMERIC : typed.type().type();
    }

    private static RuntimeException mismatch(Typed left, Typed right, String operator) {
        return Translator.invalid("No matching signature for operator " + operator + " for argument types: "
                + left.typeName() + ", " + right.typeName());
    }
}
