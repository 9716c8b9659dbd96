package io.dicombq.domain.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One table row (or the value of a RECORD): column name to value. A column absent from the map is NULL
 * (an empty list for REPEATED). Values are, by column type: STRING {@link String}; INTEGER {@link Long};
 * FLOAT {@link Double}; BOOLEAN {@link Boolean}; NUMERIC {@link java.math.BigDecimal}; BYTES {@code byte[]};
 * DATE {@link java.time.LocalDate}; TIME {@link java.time.LocalTime}; DATETIME {@link java.time.LocalDateTime};
 * TIMESTAMP {@link java.time.Instant}; JSON {@link JsonText}; RECORD a nested {@link Row}; REPEATED a
 * {@link java.util.List} of those.
 */
public record Row(Map<String, Object> values) {
    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Row of(Map<String, Object> values) {
        return new Row(values);
    }

    public Object get(String column) {
        return values.get(column);
    }
}
