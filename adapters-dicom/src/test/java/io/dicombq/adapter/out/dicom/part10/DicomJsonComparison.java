package io.dicombq.adapter.out.dicom.part10;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two DICOM JSON model objects (PS3.18 Annex F) element for element, after the normalisations
 * documented in docs/reader-conformance.md, and lists every remaining difference as one line
 * {@code file|tag path|kind}.
 */
final class DicomJsonComparison {
    private final String file;
    private final int bulkThreshold;
    private final List<String> differences = new ArrayList<>();

    DicomJsonComparison(String file, int bulkThreshold) {
        this.file = file;
        this.bulkThreshold = bulkThreshold;
    }

    List<String> differences() {
        return differences;
    }

    void compare(String prefix, JsonNode ours, JsonNode theirs) {
        TreeSet<String> keys = new TreeSet<>();
        ours.fieldNames().forEachRemaining(keys::add);
        theirs.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode a = ours.get(key);
            JsonNode b = theirs.get(key);
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (a == null) {
                differences.add(file + "|" + path + "|only-pydicom " + b.path("vr").asText());
            } else if (b == null) {
                differences.add(file + "|" + path + "|only-ours " + a.path("vr").asText());
            } else {
                compareAttribute(path, a, b);
            }
        }
    }

    private void compareAttribute(String path, JsonNode a, JsonNode b) {
        String vrA = a.path("vr").asText();
        String vrB = b.path("vr").asText();
        if (!vrA.equals(vrB)) {
            differences.add(file + "|" + path + "|vr ours=" + vrA + " pydicom=" + vrB);
            return;
        }
        if (a.has("InlineBinary") || b.has("InlineBinary")) {
            compareBinary(path, a.get("InlineBinary"), b.get("InlineBinary"));
            return;
        }
        List<JsonNode> valuesA = values(a);
        List<JsonNode> valuesB = values(b);
        if (vrA.equals("SQ")) {
            if (valuesA.size() != valuesB.size()) {
                differences.add(file + "|" + path + "|items ours=" + valuesA.size() + " pydicom=" + valuesB.size());
                return;
            }
            for (int i = 0; i < valuesA.size(); i++) {
                compare(path, valuesA.get(i), valuesB.get(i));
            }
            return;
        }
        if (valuesA.size() != valuesB.size()) {
            differences.add(file + "|" + path + "|count ours=" + valuesA + " pydicom=" + valuesB);
            return;
        }
        for (int i = 0; i < valuesA.size(); i++) {
            if (!sameValue(normalise(valuesA.get(i)), normalise(valuesB.get(i)))) {
                differences.add(file + "|" + path + "|value ours=" + valuesA + " pydicom=" + valuesB);
                return;
            }
        }
    }

    /** A missing "InlineBinary" on our side is the documented omission of bulk data above the threshold. */
    private void compareBinary(String path, JsonNode a, JsonNode b) {
        if (a == null && b != null && Base64.getDecoder().decode(b.asText()).length > bulkThreshold) {
            return;
        }
        if (a == null || b == null || !a.asText().equals(b.asText())) {
            differences.add(file + "|" + path + "|binary ours=" + abbreviate(a) + " pydicom=" + abbreviate(b));
        }
    }

    private static String abbreviate(JsonNode node) {
        if (node == null) {
            return "none";
        }
        String text = node.asText();
        return text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
    }

    /** Normalisation 1: no "Value" is the same as an empty one. */
    private static List<JsonNode> values(JsonNode attribute) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode value = attribute.get("Value");
        if (value != null) {
            value.forEach(values::add);
        }
        return values;
    }

    /**
     * Normalisation 2: an empty string and null are the same empty value (PS3.18 F.2.5 uses null);
     * PN objects drop empty component groups and an empty PN is null.
     */
    private static JsonNode normalise(JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return NullNode.getInstance();
        }
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
            while (fields.hasNext()) {
                JsonNode member = fields.next().getValue();
                if (member.isTextual() && member.asText().isEmpty()) {
                    fields.remove();
                }
            }
            return copy.isEmpty() ? NullNode.getInstance() : copy;
        }
        return value;
    }

    /** Normalisation 3: numbers compare by value (pydicom writes DS as binary floats, we keep the decimal text). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0 || Math.abs(x.doubleValue() - y.doubleValue()) <= 1e-12 * Math.abs(y.doubleValue());
        }
        return a.equals(b);
    }
}
