package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.catalog.H2Types;
import io.dicombq.adapter.out.h2.sink.JdbcValues;
import io.dicombq.application.query.BigQueryText;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;

/**
 * Typed H2 literals. Query parameters are inlined as literals of their declared type (quotes doubled), which keeps
 * the SQL independent of the order its parts are translated in.
 */
final class Literals {
    private Literals() {
    }

    static String string(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A literal of {@code type} (REPEATED: an array) holding {@code value}, which has the {@code Row} value types. */
    static String of(Column type, Object value) {
        if (value == null) {
            return "CAST(NULL AS " + H2Types.of(type) + ")";
        }
        if (type.isRecord()) {
            throw Translator.unsupported("STRUCT query parameters");
        }
        if (type.isRepeated()) {
            Column element = new Column(type.name(), type.type(), Mode.NULLABLE, type.fields(), type.rangeElement());
            StringBuilder array = new StringBuilder("CAST(ARRAY[");
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                array.append(i > 0 ? ", " : "").append(of(element, items.get(i)));
            }
            return array.append("] AS ").append(H2Types.of(type)).append(')').toString();
        }
        Object checked = JdbcValues.of(type, value, "query parameter");
        switch (type.type()) {
            case STRING:
            case INTERVAL:
            case RANGE:
                return "CAST(" + string((String) checked) + " AS CHARACTER VARYING)";
            case INTEGER:
                return "CAST(" + checked + " AS BIGINT)";
            case FLOAT:
                return "CAST(" + string(checked.toString()) + " AS DOUBLE PRECISION)";
            case NUMERIC:
            case BIGNUMERIC:
                return "CAST(" + string(((BigDecimal) checked).toPlainString()) + " AS " + H2Types.scalar(type.type()) + ")";
            case BOOLEAN:
                return (Boolean) checked ? "TRUE" : "FALSE";
            case BYTES:
                return "X'" + HexFormat.of().formatHex((byte[]) checked) + "'";
            case DATE:
                return "DATE '" + BigQueryText.ofDate((LocalDate) value) + "'";
            case TIME:
                return "CAST(TIME '" + BigQueryText.ofTime((LocalTime) value) + "' AS TIME(6))";
            case DATETIME:
                return "CAST(TIMESTAMP '" + BigQueryText.of(value) + "' AS TIMESTAMP(6))";
            case TIMESTAMP:
                return "CAST(TIMESTAMP WITH TIME ZONE '" + BigQueryText.of((Instant) value) + "' AS TIMESTAMP(6) WITH TIME ZONE)";
            case JSON:
                return "JSON " + string(((JsonText) value).json());
            default:
                throw Translator.unsupported(type.type() + " query parameters");
        }
    }
}
