package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnOrder;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.DroppedTags;
import io.dicombq.domain.schema.FieldPath;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaLimits;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.schema.ValueText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one DICOM instance (file meta group 0002 and data set) into one row of the flattened table and
 * the schema that row needs (specification 3.1-3.8). Stateless and thread-safe.
 */
public final class InstanceFlattener {
    private final DataDictionary dictionary;
    private final ColumnOrder order;
    private final SchemaMerger merger;

    public InstanceFlattener(DataDictionary dictionary) {
        this.dictionary = dictionary;
        this.order = new ColumnOrder(dictionary);
        this.merger = new SchemaMerger(order);
    }

    public static InstanceFlattener standard() {
        return new InstanceFlattener(DataDictionary.standard());
    }

    /** The flattened row and schema of one instance, LastUpdated from the instance (NULL when the store has none). */
    public FlattenedInstance flatten(DicomInstance instance, FlattenOptions options) {
        return flatten(instance, options, instance.lastModified());
    }

    /**
     * The flattened row and schema of one instance; the options' layout must be FLATTENED. {@code lastUpdated}
     * fills LastUpdated (specification 3.6), null for NULL.
     */
    public FlattenedInstance flatten(DicomInstance instance, FlattenOptions options, Instant lastUpdated) {
        if (options.layout() != Layout.FLATTENED) {
            throw new IllegalArgumentException("InstanceFlattener makes the flattened layout, not " + options.layout());
        }
        Walk walk = new Walk(timezoneOffset(instance.dataset()));
        Level top = new Level();
        for (DataElement element : instance.fileMeta()) {
            walk.element(element, FieldPath.ROOT, 0, top);
        }
        for (DataElement element : instance.dataset()) {
            if (element.tag().isFileMeta() && instance.fileMeta().contains(element.tag())) {
                // PS3.10 7.1: group 0002 belongs to the file meta information; a copy in the data set has no column left
                walk.drop(FieldPath.ROOT, element.tag());
                continue;
            }
            walk.element(element, FieldPath.ROOT, 0, top);
        }
        if (instance.unreadPixelData() != null) {
            // specification 3.2, 3.6: pixel data has no column; the reader stopped before it, but it is listed
            walk.drop(FieldPath.ROOT, instance.unreadPixelData());
        }
        top.values.put(Columns.DROPPED_TAGS, walk.dropped.value(Columns.DROPPED_TAGS_COLUMN));
        top.columns.put(Columns.DROPPED_TAGS, Columns.DROPPED_TAGS_COLUMN);
        Columns.putOperational(top.values, instance, lastUpdated);
        for (Column column : Columns.OPERATIONAL) {
            top.columns.put(column.name(), column);
        }
        if (options.includeSourceStore()) {
            top.values.put(Columns.SOURCE_DICOM_STORE, options.sourceStore());
            top.columns.put(Columns.SOURCE_DICOM_STORE, Columns.SOURCE_DICOM_STORE_COLUMN);
        }
        List<Column> columns = top.sortedColumns(order);
        return new FlattenedInstance(new Row(top.values), new TableSchema(columns));
    }

    /** PS3.3 C.12.1.1.8: (0008,0201) gives the offset of DT values that carry none; malformed means UTC. */
    private static ZoneOffset timezoneOffset(DicomDataset dataset) {
        String text = dataset.text(Tag.TIMEZONE_OFFSET_FROM_UTC);
        ZoneOffset offset = text == null ? null : DicomDateTime.offset(text.strip());
        return offset == null ? ZoneOffset.UTC : offset;
    }

    /** PS3.5 8: pixel data and its companions (group 7FE0, and the retired variable pixel data groups 7F00-7FFF). */
    static boolean isPixelDataFamily(Tag tag) {
        return (tag.group() & 0xFF00) == 0x7F00;
    }

    /** The columns and values of one data set (the instance or one sequence item). */
    private static final class Level {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<Row> others = new ArrayList<>(0);

        List<Column> sortedColumns(ColumnOrder order) {
            if (!others.isEmpty()) {
                values.put(Columns.OTHER_ELEMENTS, List.copyOf(others));
                columns.put(Columns.OTHER_ELEMENTS, Columns.OTHER_ELEMENTS_COLUMN);
            }
            List<Column> sorted = new ArrayList<>(columns.values());
            sorted.sort(order);
            return sorted;
        }
    }

    /** One instance's walk: its DT offset and the dropped elements found so far. */
    private final class Walk {
        final ZoneOffset offset;
        final DroppedTags dropped = new DroppedTags();

        Walk(ZoneOffset offset) {
            this.offset = offset;
        }

        void drop(FieldPath path) {
            dropped.add(path);
        }

        void drop(FieldPath prefix, Tag tag) {
            dropped.add(prefix.field(ElementNames.name(tag, dictionary.lookup(tag)), tag));
        }

        void element(DataElement element, FieldPath prefix, int depth, Level level) {
            Tag tag = element.tag();
            // specification 3.1: group lengths (PS3.5 7.2) and delimiters are not elements
            if (tag.isGroupLength() || tag.isDelimiter()) {
                return;
            }
            if (tag.isPrivate()) {
                privateElement(element, prefix, depth, level);
                return;
            }
            DictionaryEntry entry = dictionary.lookup(tag);
            String name = ElementNames.name(tag, entry);
            FieldPath path = prefix.field(name, tag);
            if (isPixelDataFamily(tag)) {
                // specification 3.2: pixel data has no column, whatever its VR; it is listed in DroppedTags
                drop(path);
                return;
            }
            boolean repeatingGroup = RepeatingGroups.isMember(tag, entry);
            if (!repeatingGroup && level.columns.containsKey(name)) {
                drop(path);
                return;
            }
            Vr vr = columnVr(element.vr(), entry);
            Value value = element.value();
            if (element.vr() == Vr.UN && vr != Vr.UN && value instanceof Value.Bytes bytes) {
                value = bytes.length() == 0 ? Value.empty(vr) : UnknownVrValues.reread(bytes, vr);
                if (value == null) {
                    drop(path);
                    return;
                }
            }
            // specification 3.4: VM exactly 1 is NULLABLE, anything else (or unknown) REPEATED; SQ always REPEATED
            Mode mode = entry != null && entry.isSingleValued() && vr != Vr.SQ ? Mode.NULLABLE : Mode.REPEATED;
            Representation representation = Representation.of(vr);
            if (repeatingGroup) {
                groupMember(name, path, tag, element.vr(), vr, value, mode, representation, depth, level);
                return;
            }
            switch (representation) {
                case NOT_EXPORTED -> drop(path);
                case SEQUENCE -> sequence(name, path, value, depth, level);
                case PERSON_NAME -> personName(name, path, value, mode, depth, level);
                default -> scalar(name, path, element.vr(), vr, value, mode, representation, level);
            }
        }

        /**
         * specification 3.1: an element of a repeating group (curves 50xx, overlays 60xx) is one {Id, Value} entry of
         * its keyword's REPEATED RECORD column, Id being the group in four upper-case hex digits.
         */
        private void groupMember(String name, FieldPath path, Tag tag, Vr fileVr, Vr columnVr, Value value, Mode mode,
                                 Representation representation, int depth, Level level) {
            if (!representation.isScalar() || depth + 1 > SchemaLimits.MAX_RECORD_DEPTH) {
                drop(path);
                return;
            }
            List<Object> values = ScalarValues.convert(value, fileVr, columnVr, representation, offset);
            if (values == null || (mode == Mode.NULLABLE && values.size() > 1 && representation != Representation.STRING)) {
                drop(path);
                return;
            }
            Map<String, Object> entry = new LinkedHashMap<>(4);
            entry.put(Columns.GROUP_ID, RepeatingGroups.id(tag));
            if (mode == Mode.REPEATED) {
                entry.put(Columns.GROUP_VALUE, values);
            } else if (values.size() > 1) {
                // more values than VM 1: kept as encoded, backslashes included (PS3.5 6.4), as for a plain column
                entry.put(Columns.GROUP_VALUE, String.join("\\", values.stream().map(String.class::cast).toList()));
            } else {
                entry.put(Columns.GROUP_VALUE, values.isEmpty() ? null : values.get(0));
            }
            level.columns.putIfAbsent(name, Columns.repeatingGroup(name, representation.columnType(), mode));
            @SuppressWarnings("unchecked")
            List<Row> entries = (List<Row>) level.values.computeIfAbsent(name, key -> new ArrayList<Row>(2));
            entries.add(new Row(entry));
        }

        /**
         * The VR that decides the column: the file's when the dictionary allows it (e.g. US or SS), else the
         * dictionary's, so that a file contradicting the dictionary cannot change the column's type.
         */
        private Vr columnVr(Vr fileVr, DictionaryEntry entry) {
            if (entry == null || entry.vrs().isEmpty() || entry.vrs().contains(fileVr)) {
                return fileVr;
            }
            return entry.vr();
        }

        private void scalar(String name, FieldPath path, Vr fileVr, Vr columnVr, Value value, Mode mode,
                            Representation representation, Level level) {
            List<Object> values = ScalarValues.convert(value, fileVr, columnVr, representation, offset);
            Column column = Column.of(name, representation.columnType(), mode);
            level.columns.put(name, column);
            if (values == null) {
                drop(path);
                level.values.put(name, mode == Mode.REPEATED ? List.of() : null);
                return;
            }
            if (mode == Mode.REPEATED) {
                level.values.put(name, values);
            } else if (values.size() <= 1) {
                level.values.put(name, values.isEmpty() ? null : values.get(0));
            } else if (representation == Representation.STRING) {
                // more values than the dictionary's VM 1: kept as encoded, backslashes included (PS3.5 6.4)
                level.values.put(name, String.join("\\", values.stream().map(String.class::cast).toList()));
            } else {
                drop(path);
                level.values.put(name, null);
            }
        }

        private void personName(String name, FieldPath path, Value value, Mode mode, int depth, Level level) {
            if (depth + PersonNames.RECORD_LEVELS > SchemaLimits.MAX_RECORD_DEPTH) {
                drop(path);
                return;
            }
            level.columns.put(name, PersonNames.column(name, mode));
            List<String> texts = value instanceof Value.Text text ? text.values() : null;
            if (texts != null && texts.size() == 1 && texts.get(0).isEmpty()) {
                texts = List.of();
            }
            List<Row> names = texts == null ? (value.isEmpty() ? List.of() : null) : PersonNames.parseAll(texts);
            if (names == null || (mode == Mode.NULLABLE && names.size() > 1)) {
                drop(path);
                level.values.put(name, mode == Mode.REPEATED ? List.of() : null);
                return;
            }
            level.values.put(name, mode == Mode.REPEATED ? names : (names.isEmpty() ? null : names.get(0)));
        }

        private void sequence(String name, FieldPath path, Value value, int depth, Level level) {
            if (!(value instanceof Value.Items items)) {
                if (value.isEmpty()) {
                    // a zero-length SQ read as another VR is an empty sequence: no items, no fields
                    level.values.put(name, List.of());
                } else {
                    drop(path);
                }
                return;
            }
            // specification 3.8: the sequence is one more level of RECORD
            if (depth + 1 > SchemaLimits.MAX_RECORD_DEPTH) {
                drop(path);
                return;
            }
            List<Level> itemLevels = new ArrayList<>(items.count());
            List<List<Column>> itemColumns = new ArrayList<>(items.count());
            List<Column> fields = List.of();
            int index = 0;
            for (DicomDataset item : items.items()) {
                Level itemLevel = new Level();
                FieldPath itemPath = path.item(index++);
                for (DataElement element : item) {
                    element(element, itemPath, depth + 1, itemLevel);
                }
                List<Column> columns = itemLevel.sortedColumns(order);
                fields = fields.isEmpty() ? columns : merger.mergeColumns(fields, columns);
                itemLevels.add(itemLevel);
                itemColumns.add(columns);
            }
            List<Row> rows = new ArrayList<>(itemLevels.size());
            Map<String, Column> merged = byName(fields);
            for (int i = 0; i < itemLevels.size(); i++) {
                Row row = new Row(itemLevels.get(i).values);
                rows.add(fits(itemColumns.get(i), merged) ? row
                        : RowConformer.conformRecord(row, fields, path.item(i), dropped));
            }
            if (fields.isEmpty() && !rows.isEmpty()) {
                // BigQuery has no RECORD without fields: items that hold nothing cannot be shown, only listed
                drop(path);
                return;
            }
            level.values.put(name, rows);
            if (!fields.isEmpty()) {
                level.columns.put(name, Column.record(name, Mode.REPEATED, fields));
            }
        }

        private void privateElement(DataElement element, FieldPath prefix, int depth, Level level) {
            Tag tag = element.tag();
            String name = TagNames.columnName(tag);
            if (element.value() instanceof Value.Items) {
                // specification 3.5: a private sequence is a Tag_GGGGEEEE column
                sequence(name, prefix.field(name, tag), element.value(), depth, level);
                return;
            }
            List<String> data = otherData(element);
            if (data == null || depth + 1 > SchemaLimits.MAX_RECORD_DEPTH) {
                drop(prefix.field(name, tag));
                return;
            }
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>(4);
            entry.put(Columns.OTHER_TAG, name);
            entry.put(Columns.OTHER_DATA, data);
            level.others.add(Row.handOver(entry));
        }
    }

    private static boolean fits(List<Column> columns, Map<String, Column> merged) {
        for (Column column : columns) {
            if (!column.equals(merged.get(column.name()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> map = new HashMap<>(columns.size() * 2);
        for (Column column : columns) {
            map.put(column.name(), column);
        }
        return map;
    }

    /**
     * specification 3.5: the Data of an OtherElements entry: text as decoded, numbers in decimal, binary in
     * base64; null for bulk data the reader did not keep.
     */
    static List<String> otherData(DataElement element) {
        Value value = element.value();
        if (value instanceof Value.Text text) {
            List<String> values = text.values();
            return values.size() == 1 && values.get(0).isEmpty() ? List.of() : values;
        }
        if (value instanceof Value.Ints ints) {
            List<String> out = new ArrayList<>(ints.count());
            for (int i = 0; i < ints.count(); i++) {
                long raw = ints.get(i);
                out.add(switch (element.vr()) {
                    case UV -> Long.toUnsignedString(raw);
                    case UL, AT -> Long.toString(raw & 0xFFFFFFFFL);
                    default -> Long.toString(raw);
                });
            }
            return out;
        }
        if (value instanceof Value.Floats floats) {
            List<String> out = new ArrayList<>(floats.count());
            for (int i = 0; i < floats.count(); i++) {
                out.add(ValueText.decimal(floats.get(i)));
            }
            return out;
        }
        if (value instanceof Value.Bytes bytes) {
            return bytes.length() == 0 ? List.of() : List.of(bytes.base64());
        }
        return value.isEmpty() ? List.of() : null;
    }
}
