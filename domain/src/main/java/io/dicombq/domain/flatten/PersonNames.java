package io.dicombq.domain.flatten;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Person Name RECORD (specification 3.3): three component groups of five components each. All 15
 * leaves are always in the schema; a row holds only the components that have a value.
 */
public final class PersonNames {
    /** PS3.5 6.2.1: single-byte, ideographic and phonetic representations, separated by '='. */
    public static final List<String> GROUPS = List.of("Alphabetic", "Ideographic", "Phonetic");
    /** PS3.5 6.2.1.1: family, given, middle, prefix, suffix, separated by '^'. */
    public static final List<String> COMPONENTS = List.of("FamilyName", "GivenName", "MiddleName", "NamePrefix",
            "NameSuffix");
    /** A PN column takes two levels of RECORD: the name, then its component groups. */
    public static final int RECORD_LEVELS = 2;

    private static final List<Column> GROUP_FIELDS = COMPONENTS.stream()
            .map(component -> Column.of(component, ColumnType.STRING, Mode.NULLABLE)).toList();
    private static final List<Column> FIELDS = GROUPS.stream()
            .map(group -> Column.record(group, Mode.NULLABLE, GROUP_FIELDS)).toList();

    private PersonNames() {
    }

    public static Column column(String name, Mode mode) {
        return Column.record(name, mode, FIELDS);
    }

    /**
     * Splits one decoded PN value into its record, or returns null when it has more than 3 groups or 5
     * components (PS3.5 6.2.1 allows no more). Empty components and groups are NULL.
     */
    public static Row parse(String value) {
        String[] groups = value.split("=", -1);
        if (groups.length > GROUPS.size()) {
            return null;
        }
        Map<String, Object> record = new LinkedHashMap<>(4);
        for (int g = 0; g < groups.length; g++) {
            String[] components = groups[g].split("\\^", -1);
            if (components.length > COMPONENTS.size()) {
                return null;
            }
            Map<String, Object> group = new LinkedHashMap<>(8);
            for (int c = 0; c < components.length; c++) {
                String component = components[c];
                if (!component.isEmpty()) {
                    group.put(COMPONENTS.get(c), component);
                }
            }
            if (!group.isEmpty()) {
                record.put(GROUPS.get(g), new Row(group));
            }
        }
        return new Row(record);
    }

    /** Every value of a PN element, or null when one of them is malformed. */
    public static List<Row> parseAll(List<String> values) {
        List<Row> rows = new ArrayList<>(values.size());
        for (String value : values) {
            Row row = parse(value);
            if (row == null) {
                return null;
            }
            rows.add(row);
        }
        return rows;
    }
}
