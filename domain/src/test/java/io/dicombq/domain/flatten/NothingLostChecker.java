package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.schema.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks an instance and a row independently of the flattener and lists every element that is neither
 * in its column (with as many values as it has) nor, itself or an enclosing sequence, in DroppedTags.
 */
final class NothingLostChecker {
    private final DataDictionary dictionary = DataDictionary.standard();

    List<String> problems(DicomInstance instance, Row row) {
        Set<String> dropped = new HashSet<>(io.dicombq.domain.schema.DroppedTags.names(row.get("DroppedTags")));
        List<String> problems = new ArrayList<>();
        Set<Tag> meta = new HashSet<>();
        for (DataElement element : instance.fileMeta()) {
            meta.add(element.tag());
            check(element, row, "", dropped, problems);
        }
        for (DataElement element : instance.dataset()) {
            if (meta.contains(element.tag())) {
                if (!dropped.contains(name(element.tag()))) {
                    problems.add(name(element.tag()) + ": a second copy of a file meta element, not dropped");
                }
                continue;
            }
            check(element, row, "", dropped, problems);
        }
        return problems;
    }

    private void check(DataElement element, Row row, String prefix, Set<String> dropped, List<String> problems) {
        Tag tag = element.tag();
        // specification 3.1: neither columns nor losses
        if (tag.element() == 0 || (tag.group() & 0xFF00) == 0x7F00) {
            return;
        }
        String name = tag.isPrivate() ? tag.columnName() : name(tag);
        String path = prefix + name;
        if (covered(path, dropped)) {
            return;
        }
        Value value = element.value();
        if (value instanceof Value.Items items) {
            checkItems(items, row, name, path, dropped, problems);
            return;
        }
        int expected = value instanceof Value.Text text && text.values().size() == 1 && text.values().get(0).isEmpty()
                ? 0 : value.count();
        if (tag.isPrivate()) {
            Row entry = otherElement(row, name);
            if (entry == null) {
                problems.add(path + ": private element neither in OtherElements nor dropped");
            } else if (((List<?>) entry.get("Data")).size() != expected) {
                problems.add(path + ": OtherElements holds " + entry.get("Data") + " for " + expected + " values");
            }
            return;
        }
        if (!row.values().containsKey(name)) {
            problems.add(path + ": no column and not dropped");
            return;
        }
        Object held = row.get(name);
        if (held instanceof List<?> entries && !entries.isEmpty() && entries.get(0) instanceof Row first
                && first.values().containsKey("Id")) {
            // specification 3.1: a repeating group's column holds one {Id, Value} entry per group
            String id = String.format("%04X", tag.group());
            Object groupValue = null;
            for (Object entry : entries) {
                if (id.equals(((Row) entry).get("Id"))) {
                    groupValue = ((Row) entry).get("Value");
                }
            }
            held = groupValue;
        }
        int count = held == null ? 0 : held instanceof List<?> list ? list.size() : 1;
        boolean joined = count == 1 && held instanceof String text && text.split("\\\\", -1).length == expected;
        // a UN value re-read with its dictionary VR holds as many values as its bytes make
        boolean reread = element.vr() == io.dicombq.domain.dicom.Vr.UN && expected > 0 && count > 0;
        if (count != expected && !joined && !reread) {
            problems.add(path + ": holds " + count + " values for " + expected + " (" + held + ")");
        }
    }

    private void checkItems(Value.Items items, Row row, String name, String path, Set<String> dropped,
                            List<String> problems) {
        Object held = row.get(name);
        if (held == null && items.count() > 0) {
            problems.add(path + ": " + items.count() + " items neither in a column nor dropped");
            return;
        }
        List<?> rows = held == null ? List.of() : (List<?>) held;
        if (rows.size() != items.count()) {
            problems.add(path + ": " + rows.size() + " rows for " + items.count() + " items");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            checkDataset(items.items().get(i), (Row) rows.get(i), path + ".", dropped, problems);
        }
    }

    private void checkDataset(DicomDataset dataset, Row row, String prefix, Set<String> dropped, List<String> problems) {
        for (DataElement element : dataset) {
            check(element, row, prefix, dropped, problems);
        }
    }

    private static Row otherElement(Row row, String tagName) {
        if (row.get("OtherElements") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (tagName.equals(((Row) entry).get("Tag"))) {
                    return (Row) entry;
                }
            }
        }
        return null;
    }

    private static boolean covered(String path, Set<String> dropped) {
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (dropped.contains(path.substring(0, dot))) {
                return true;
            }
        }
        return dropped.contains(path);
    }

    private String name(Tag tag) {
        DictionaryEntry entry = dictionary.lookup(tag);
        boolean group = entry != null && (entry.tag().group() == 0x5000 || entry.tag().group() == 0x6000)
                && (tag.group() & 0xFF00) == entry.tag().group();
        return entry != null && entry.hasKeyword() && (entry.tag().equals(tag) || group) ? entry.keyword() : tag.columnName();
    }
}
