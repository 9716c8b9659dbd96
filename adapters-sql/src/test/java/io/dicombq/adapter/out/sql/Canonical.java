package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zetasql.StructType;
import com.google.zetasql.Value;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One spelling for a value from either side of the differential suite: H2's rows (the {@link Row} Java types) and
 * the reference implementation's {@link Value}s. FLOAT64 is spelled to its last bit; {@link #approximately} keeps
 * 12 significant digits, for answers of the C library's transcendental functions (see DifferentialTest).
 */
final class Canonical {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {
    }

    static String of(Column type, Object value) {
        if (value == null) {
            return "NULL";
        }
        if (type.isRepeated()) {
            Column element = new Column(type.name(), type.type(), Mode.NULLABLE, type.fields(), type.rangeElement());
            List<String> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(of(element, item));
            }
            return "[" + String.join(",", items) + "]";
        }
        if (type.isRecord()) {
            List<String> fields = new ArrayList<>();
            for (Column field : type.fields()) {
                fields.add(of(field, ((Row) value).get(field.name())));
            }
            return "{" + String.join(",", fields) + "}";
        }
        return scalar(value);
    }

    static String of(Value value) {
        if (value.isNull()) {
            // BigQuery returns a NULL ARRAY in a query result as an empty one, at any depth (BigQuery docs: array type)
            return value.getType().isArray() ? "[]" : "NULL";
        }
        if (value.getType().isArray()) {
            List<String> items = new ArrayList<>();
            for (Value item : value.getElementList()) {
                items.add(of(item));
            }
            return "[" + String.join(",", items) + "]";
        }
        if (value.getType().isStruct()) {
            List<String> fields = new ArrayList<>();
            StructType struct = (StructType) value.getType();
            for (int i = 0; i < struct.getFieldCount(); i++) {
                fields.add(of(value.getField(i)));
            }
            return "{" + String.join(",", fields) + "}";
        }
        return scalar(ResolvedTranslator.javaValue(value));
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");

    /** A canonical row with every number that has a fraction or an exponent rounded to 12 significant digits. */
    static String approximately(String canonical) {
        return DECIMAL.matcher(canonical).replaceAll(m -> new BigDecimal(m.group()).round(new java.math.MathContext(12))
                .stripTrailingZeros().toString());
    }

    private static String scalar(Object value) {
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return d == 0 ? "0" : Double.toString(d);
        }
        if (value instanceof BigDecimal) {
            BigDecimal b = ((BigDecimal) value).stripTrailingZeros();
            return b.signum() == 0 ? "0" : b.toPlainString();
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        if (value instanceof byte[]) {
            return "b" + HexFormat.of().formatHex((byte[]) value);
        }
        if (value instanceof JsonText) {
            try {
                return "json" + JSON.readTree(((JsonText) value).json());
            } catch (Exception e) {
                return "json?" + ((JsonText) value).json();
            }
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
