package io.dicombq.domain.schema;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One table row (or the value of a RECORD): column name to value. A column absent from the map is NULL
 * (an empty list for REPEATED). Values are, by column type: STRING {@link String}; INTEGER {@link Long};
 * FLOAT {@link Double}; BOOLEAN {@link Boolean}; NUMERIC and BIGNUMERIC {@link java.math.BigDecimal}; BYTES {@code byte[]};
 * DATE {@link java.time.LocalDate}; TIME {@link java.time.LocalTime}; DATETIME {@link java.time.LocalDateTime};
 * TIMESTAMP {@link java.time.Instant}; JSON {@link JsonText}; INTERVAL (a result column only) its canonical text
 * {@link String} ({@code "1-2 3 4:5:6.789"}); RANGE (a result column only) its canonical text {@link String}
 * ({@code "[2020-01-01, UNBOUNDED)"}); RECORD a nested {@link Row}; REPEATED a
 * {@link java.util.List} of those.
 */
public record Row(Map<String, Object> values) {
    public Row {
        values = Collections.unmodifiableMap(values instanceof HandedOver handed ? handed.values : new LinkedHashMap<>(values));
    }

    public static Row of(Map<String, Object> values) {
        return new Row(values);
    }

    /**
     * A row over {@code values} without copying them: the caller hands the map over and never changes it again (the
     * flattener and the conformer build one map per row and per RECORD value; copying each doubled their cost).
     */
    public static Row handOver(LinkedHashMap<String, Object> values) {
        return new Row(new HandedOver(values));
    }

    /** Carries a handed-over map into the canonical constructor, which then wraps it instead of copying it. */
    private static final class HandedOver extends AbstractMap<String, Object> {
        private final Map<String, Object> values;

        HandedOver(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }
    }

    public Object get(String column) {
        return values.get(column);
    }
}
