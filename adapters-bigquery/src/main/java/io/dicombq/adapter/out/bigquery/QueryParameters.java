package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Query parameters, named ({@code @name}) or positional ({@code ?}), in the client's form. */
final class QueryParameters {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private QueryParameters() {
    }

    static QueryParameterValue toClient(String name, QueryParameter parameter) {
        if (parameter.value() instanceof List<?> items) {
            // an ARRAY of the parameter's type: each element as a scalar of it
            List<QueryParameterValue> elements = new ArrayList<>();
            for (Object item : items) {
                elements.add(scalar(name, new QueryParameter(parameter.type(), item)));
            }
            StandardSQLTypeName type = scalar(name, new QueryParameter(parameter.type(), null)).getType();
            return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY).setArrayType(type)
                    .setArrayValues(elements).build();
        }
        return scalar(name, parameter);
    }

    private static QueryParameterValue scalar(String name, QueryParameter parameter) {
        Object value = parameter.value();
        return switch (parameter.type()) {
            case STRING -> QueryParameterValue.string((String) value);
            case INTEGER -> QueryParameterValue.int64(value == null ? null : ((Number) value).longValue());
            case FLOAT -> QueryParameterValue.float64(value == null ? null : ((Number) value).doubleValue());
            case BOOLEAN -> QueryParameterValue.bool((Boolean) value);
            case NUMERIC -> QueryParameterValue.numeric((BigDecimal) value);
            case BIGNUMERIC -> QueryParameterValue.bigNumeric((BigDecimal) value);
            case BYTES -> QueryParameterValue.bytes((byte[]) value);
            case DATE -> QueryParameterValue.date(value == null ? null : ((LocalDate) value).toString());
            case TIME -> QueryParameterValue.time(value == null ? null : ((LocalTime) value).toString());
            case DATETIME -> QueryParameterValue.dateTime(value == null ? null : ((LocalDateTime) value).toString());
            case TIMESTAMP -> QueryParameterValue.timestamp(value == null ? null : TIMESTAMP.format((Instant) value));
            case JSON -> QueryParameterValue.json(value == null ? null : ((JsonText) value).json());
            case INTERVAL, RANGE -> throw BigQueryErrors.failure(Code.INVALID_ARGUMENT, label(name)
                    + " is " + parameter.type() + "; dicombq passes no INTERVAL or RANGE parameters");
            case RECORD -> throw BigQueryErrors.failure(Code.INVALID_ARGUMENT, label(name)
                    + " is a RECORD; dicombq passes scalar parameters only");
        };
    }

    // @name, or ?N for the Nth positional one
    private static String label(String key) {
        return "query parameter " + (QueryParameter.isPositional(key) ? key : "@" + key);
    }
}
