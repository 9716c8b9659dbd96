package io.dicombq.it.dicomweb;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares an instance read from its file with the same instance read back from Orthanc over DICOMweb, allowing
 * exactly the server behaviours docs/dicomweb.md lists (numbered as there); anything else is a difference.
 */
final class OrthancDifferences {
    private static final double TINY = 1e-20;
    private OrthancDifferences() {
    }

    static List<String> between(DicomDataset fromFile, DicomDataset fromServer) {
        List<String> differences = new ArrayList<>();
        compare("", fromFile, fromServer, differences);
        return differences;
    }

    private static void compare(String at, DicomDataset file, DicomDataset server, List<String> differences) {
        for (DataElement expected : file) {
            Tag tag = expected.tag();
            String where = at + tag;
            DataElement actual = server.get(tag);
            if (tag.isGroupLength() || tag.isFileMeta()) {
                if (actual != null) {
                    differences.add(where + " is a group length or file meta element, yet the server sent it");
                }
                continue; // 1: absent over DICOMweb
            }
            if (expected.vr() == Vr.SV || expected.vr() == Vr.UV || expected.vr() == Vr.OV) {
                continue; // 2: left out by the server
            }
            if (actual == null) {
                if (!(tag.equals(Tag.PIXEL_DATA) && expected.value() instanceof Value.Bulk bulk && bulk.length() == -1)) {
                    differences.add(where + " " + expected.vr() + " is missing from the server's metadata");
                }
                continue; // 2: encapsulated (compressed) pixel data are dropped by the server
            }
            if (expected.vr().isBinary() || actual.vr() == Vr.UN) {
                if (!(actual.value() instanceof Value.Bulk) && !actual.value().equals(expected.value())) {
                    differences.add(where + " binary value " + actual.value() + " but the file has " + expected.value());
                }
                continue; // 2, 3: binary values are bulk references; private UN stays UN
            }
            if (actual.vr() != expected.vr()) {
                differences.add(where + " has VR " + actual.vr() + " but " + expected.vr() + " in the file");
                continue;
            }
            if (tag.isPrivate() && tag.element() >= 0x1000 && !java.util.Objects.equals(expected.privateCreator(), actual.privateCreator())) {
                differences.add(where + " private creator '" + actual.privateCreator() + "' but '" + expected.privateCreator() + "'");
            }
            if (expected.vr() == Vr.SQ) {
                List<DicomDataset> fileItems = ((Value.Items) expected.value()).items();
                List<DicomDataset> serverItems = ((Value.Items) actual.value()).items();
                if (fileItems.size() != serverItems.size()) {
                    differences.add(where + " has " + serverItems.size() + " items but " + fileItems.size() + " in the file");
                    continue;
                }
                for (int i = 0; i < fileItems.size(); i++) {
                    compare(where + "[" + i + "].", fileItems.get(i), serverItems.get(i), differences);
                }
                continue;
            }
            if (!sameValue(tag, expected.vr(), expected.value(), actual.value())) {
                differences.add(where + " " + expected.vr() + " " + actual.value() + " but the file has " + expected.value());
            }
        }
        for (DataElement extra : server) {
            if (at.isEmpty() && extra.tag().compareTo(Tag.FLOAT_PIXEL_DATA) >= 0 && extra.value() instanceof Value.Bulk) {
                continue; // the folder store stops reading at pixel data; the server lists it and what follows as bulk
            }
            if (file.get(extra.tag()) == null) {
                differences.add(at + extra.tag() + " " + extra.vr() + " was sent by the server but is not in the file");
            }
        }
    }

    private static boolean sameValue(Tag tag, Vr vr, Value file, Value server) {
        if (file instanceof Value.Text fileText && server instanceof Value.Text serverText) {
            List<String> expected = fileText.values();
            List<String> actual = serverText.values();
            if (tag.equals(Tag.SPECIFIC_CHARACTER_SET) && !expected.isEmpty() && expected.get(0).isEmpty()) {
                expected = expected.subList(1, expected.size()); // 6: an empty first value is dropped
            }
            if ((vr == Vr.IS || vr == Vr.DS) && actual.isEmpty() && !expected.stream().allMatch(OrthancDifferences::isNumber)) {
                return true; // 4: an invalid IS or DS comes back empty
            }
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameText(vr, expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (file instanceof Value.Floats fileFloats && server instanceof Value.Floats serverFloats) {
            double[] expected = fileFloats.values();
            double[] actual = serverFloats.values();
            if (expected.length != actual.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                // 5: -0 comes back as 0, and magnitudes below 1e-20 (e.g. 1.4e-45, 2.56e-29) come back as 0
                boolean tinyBecameZero = actual[i] == 0 && Math.abs(expected[i]) < TINY;
                if (!(expected[i] == actual[i] || tinyBecameZero)) {
                    return false;
                }
            }
            return true;
        }
        return file.equals(server);
    }

    private static boolean sameText(Vr vr, String file, String server) {
        if (vr == Vr.IS || vr == Vr.DS) {
            // 5: numbers are printed by the server, so only their value can be compared
            return isNumber(file) && isNumber(server) ? Double.parseDouble(file.strip()) == Double.parseDouble(server.strip())
                    : file.strip().equals(server.strip());
        }
        if (vr == Vr.PN) {
            return stripTrailingEquals(file).equals(stripTrailingEquals(server)); // 6: a name ending in '=' gains a group
        }
        return file.equals(server);
    }

    private static String stripTrailingEquals(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '=') {
            end--;
        }
        return name.substring(0, end);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
