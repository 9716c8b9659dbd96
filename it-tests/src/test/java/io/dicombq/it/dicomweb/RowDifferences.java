package io.dicombq.it.dicomweb;

import io.dicombq.domain.schema.Row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Compares the flattened rows of a file and of the same instance read over DICOMweb, allowing docs/dicomweb.md's differences. */
final class RowDifferences {
    private static final double TINY = 1e-20;

    private RowDifferences() {
    }

    static List<String> between(Row file, Row server, Set<String> fileMetaColumns) {
        List<String> differences = new ArrayList<>();
        Set<String> serverDropped = new LinkedHashSet<>(strings(server.get(DROPPED_TAGS)));
        Set<String> columns = new LinkedHashSet<>(file.values().keySet());
        columns.addAll(server.values().keySet());
        for (String column : columns) {
            if (fileMetaColumns.contains(column)) {
                continue; // 1: no file meta over DICOMweb
            }
            if (column.equals("LastUpdated") || column.equals("BlobStorageSize")) {
                continue; // specification 3.6: a file has its modification time and size; DICOMweb tells neither
            }
            if (column.equals(DROPPED_TAGS)) {
                Set<String> fileDropped = new LinkedHashSet<>(strings(file.get(DROPPED_TAGS)));
                fileDropped.removeAll(fileMetaColumns); // 1
                if (!serverDropped.contains("PixelData")) {
                    fileDropped.remove("PixelData"); // 2: Orthanc leaves compressed pixel data out of the metadata
                }
                Set<String> missing = new LinkedHashSet<>(fileDropped);
                missing.removeAll(serverDropped);
                if (!missing.isEmpty()) {
                    differences.add("DroppedTags lacks " + missing + " the file drops");
                }
                continue; // 2, 3: the server drops more: binary and UN values come as bulk data
            }
            if (column.equals("SpecificCharacterSet") && file.get(column) instanceof List<?> charsets
                    && !charsets.isEmpty() && "".equals(charsets.get(0))) {
                compare(column, charsets.subList(1, charsets.size()), server.get(column), serverDropped, differences);
                continue; // 6: an empty first value is dropped
            }
            compare(column, file.get(column), server.get(column), serverDropped, differences);
        }
        return differences;
    }

    private static final String DROPPED_TAGS = "DroppedTags";

    private static List<String> strings(Object list) {
        return io.dicombq.domain.schema.DroppedTags.names(list);
    }

    /** Private elements of the file the server sent as bulk data (2, 3) are in its DroppedTags instead. */
    private static void compareOtherElements(String at, List<?> file, List<?> server, Set<String> serverDropped,
                                             List<String> differences) {
        java.util.Map<Object, Row> serverByTag = new java.util.LinkedHashMap<>();
        server.forEach(entry -> serverByTag.put(((Row) entry).get("Tag"), (Row) entry));
        for (Object entry : file) {
            Row fileEntry = (Row) entry;
            Object tag = fileEntry.get("Tag");
            Row serverEntry = serverByTag.remove(tag);
            if (serverEntry != null) {
                compare(at + "[" + tag + "]", fileEntry, serverEntry, serverDropped, differences);
            } else if (serverDropped.stream().noneMatch(dropped -> dropped.endsWith(String.valueOf(tag)))) {
                differences.add(at + " lacks " + tag + " and does not list it in DroppedTags");
            }
        }
        serverByTag.keySet().forEach(tag -> differences.add(at + " has " + tag + " which the file does not"));
    }

    private static void compare(String at, Object file, Object server, Set<String> serverDropped, List<String> differences) {
        if (at.endsWith("OtherElements") && file instanceof List<?> fileList && server instanceof List<?> serverList) {
            compareOtherElements(at, fileList, serverList, serverDropped, differences);
        } else if (at.endsWith("OtherElements") && file instanceof List<?> fileList && server == null) {
            compareOtherElements(at, fileList, List.of(), serverDropped, differences);
        } else if (file instanceof Row fileRow && server instanceof Row serverRow) {
            Set<String> columns = new LinkedHashSet<>(fileRow.values().keySet());
            columns.addAll(serverRow.values().keySet());
            for (String column : columns) {
                compare(at + "." + column, fileRow.get(column), serverRow.get(column), serverDropped, differences);
            }
        } else if (file instanceof List<?> fileList && server instanceof List<?> serverList) {
            if (fileList.size() != serverList.size()) {
                differences.add(at + " has " + serverList.size() + " entries " + serverList + " but " + fileList.size() + " " + fileList);
                return;
            }
            for (int i = 0; i < fileList.size(); i++) {
                compare(at + "[" + i + "]", fileList.get(i), serverList.get(i), serverDropped, differences);
            }
        } else if (file instanceof String fileText && server instanceof String serverText) {
            if (!fileText.equals(serverText) && !sameNumber(fileText, serverText)) {
                differences.add(at + " '" + serverText + "' but '" + fileText + "'");
            }
        } else if (file instanceof Double fileNumber && server instanceof Double serverNumber) {
            // 5: -0 and magnitudes below 1e-20 come back as 0
            if (!(fileNumber.doubleValue() == serverNumber.doubleValue() || serverNumber == 0 && Math.abs(fileNumber) < TINY)) {
                differences.add(at + " " + serverNumber + " but " + fileNumber);
            }
        } else if (!Objects.equals(file, server)) {
            differences.add(at + " " + server + " but " + file);
        }
    }

    // 5: IS and DS are printed by the server; a string column that holds a number compares by value
    private static boolean sameNumber(String file, String server) {
        try {
            double expected = Double.parseDouble(file.strip());
            double actual = Double.parseDouble(server.strip());
            return expected == actual || actual == 0 && Math.abs(expected) < TINY; // 5: tiny FL values come back as 0
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
