package io.dicombq.adapter.out.dicom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the DICOM JSON model (PS3.18 Annex F) into the element model the Part 10 reader produces, so that
 * every later step treats a DICOMweb instance exactly like a file. Malformed input throws
 * {@link MalformedDicomJson} naming the element path.
 */
final class DicomJsonReader {
    // PS3.18 F.2.5: a bulk value that is referenced, not inlined, has no offset or length we could know
    static final Value.Bulk REFERENCED_BULK = new Value.Bulk(-1, -1);

    private static final long MAX_UNSIGNED_64 = -1L;
    private static final int MAX_DS_LENGTH = 16;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private final DataDictionary dictionary;

    DicomJsonReader(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** A QIDO-RS or WADO-RS metadata response: a JSON array of data sets (PS3.18 F.2). */
    List<DicomDataset> readDatasets(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedDicomJson("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MalformedDicomJson("unreadable JSON (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new MalformedDicomJson("expected a JSON array of data sets, found " + root.getNodeType());
        }
        List<DicomDataset> datasets = new ArrayList<>(root.size());
        for (JsonNode dataset : root) {
            datasets.add(dataset(dataset, ""));
        }
        return datasets;
    }

    private DicomDataset dataset(JsonNode node, String path) {
        if (node.isNull()) {
            return DicomDataset.empty();
        }
        if (!node.isObject()) {
            throw new MalformedDicomJson("expected a data set object" + at(path) + ", found " + node.getNodeType());
        }
        List<DataElement> elements = new ArrayList<>(node.size());
        Map<Tag, String> creators = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Tag tag = tag(field.getKey(), path);
            DataElement element = element(tag, field.getValue(), path + tag);
            elements.add(element);
            if (tag.isPrivateCreator()) {
                creators.put(tag, element.firstText());
            }
        }
        return DicomDataset.of(withPrivateCreators(elements, creators));
    }

    // PS3.5 7.8.1: a private data element belongs to the creator that reserved its block (gggg,00xx)
    private static List<DataElement> withPrivateCreators(List<DataElement> elements, Map<Tag, String> creators) {
        if (creators.isEmpty()) {
            return elements;
        }
        List<DataElement> result = new ArrayList<>(elements.size());
        for (DataElement element : elements) {
            Tag tag = element.tag();
            if (tag.isPrivate() && tag.element() >= 0x1000 && creators.containsKey(tag.privateCreatorTag())) {
                element = new DataElement(tag, element.vr(), element.value(), creators.get(tag.privateCreatorTag()));
            }
            result.add(element);
        }
        return result;
    }

    private static Tag tag(String key, String path) {
        // PS3.18 F.2.1.1: the key is the tag as eight upper-case hex digits
        if (key.length() != 8) {
            throw new MalformedDicomJson("'" + key + "'" + at(path) + " is not a tag of eight hex digits");
        }
        try {
            return Tag.parse(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedDicomJson("'" + key + "'" + at(path) + " is not a tag of eight hex digits");
        }
    }

    private DataElement element(Tag tag, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new MalformedDicomJson(path + " is not a JSON object (PS3.18 F.2.2)");
        }
        Vr vr = vr(tag, node.get("vr"), path);
        JsonNode values = node.get("Value");
        JsonNode inline = node.get("InlineBinary");
        JsonNode bulk = node.get("BulkDataURI");
        int present = (values != null ? 1 : 0) + (inline != null ? 1 : 0) + (bulk != null ? 1 : 0);
        if (present > 1) {
            // PS3.18 F.2.2: Value, BulkDataURI and InlineBinary are mutually exclusive
            throw new MalformedDicomJson(path + " has more than one of Value, InlineBinary and BulkDataURI");
        }
        if (bulk != null) {
            return new DataElement(tag, vr, REFERENCED_BULK);
        }
        if (inline != null) {
            return new DataElement(tag, vr, inlineBinary(inline, path));
        }
        if (values == null || values.isNull()) {
            return new DataElement(tag, vr, Value.empty(vr));
        }
        if (!values.isArray()) {
            throw new MalformedDicomJson(path + " has a Value that is not an array (PS3.18 F.2.4)");
        }
        return new DataElement(tag, vr, value(vr, values, path));
    }

    private Vr vr(Tag tag, JsonNode vrNode, String path) {
        if (vrNode != null && vrNode.isTextual()) {
            try {
                return Vr.parse(vrNode.textValue());
            } catch (IllegalArgumentException e) {
                throw new MalformedDicomJson(path + " has vr '" + vrNode.textValue() + "', which is not a VR of PS3.5 6.2");
            }
        }
        // PS3.18 F.2.3 requires "vr"; a server that leaves it out gets the dictionary's VR, if there is one
        DictionaryEntry entry = dictionary.lookup(tag);
        if (entry == null || vrNode != null) {
            throw new MalformedDicomJson(path + " has no valid \"vr\" (PS3.18 F.2.3)");
        }
        return entry.vr();
    }

    private static Value inlineBinary(JsonNode inline, String path) {
        if (!inline.isTextual()) {
            throw new MalformedDicomJson(path + " has an InlineBinary that is not a base64 string (PS3.18 F.2.7)");
        }
        try {
            // PS3.18 F.2.7: InlineBinary is base64 of the little endian value
            return new Value.Bytes(Base64.getMimeDecoder().decode(inline.textValue()), false);
        } catch (IllegalArgumentException e) {
            throw new MalformedDicomJson(path + " has an InlineBinary that is not valid base64");
        }
    }

    private Value value(Vr vr, JsonNode values, String path) {
        return switch (vr.kind()) {
            case TEXT -> vr == Vr.PN ? personNames(values, path) : texts(vr, values, path);
            case INTEGER -> vr == Vr.AT ? attributeTags(values, path) : integers(vr, values, path);
            case FLOAT -> floats(values, path);
            case SEQUENCE -> items(values, path);
            // PS3.18 F.2.7 sends binary VRs as InlineBinary or BulkDataURI; some servers (Orthanc for OF, OD, OL)
            // send numbers instead, from which the bytes cannot be rebuilt: the value counts as not read
            case BINARY -> REFERENCED_BULK;
        };
    }

    private static Value texts(Vr vr, JsonNode values, String path) {
        List<String> texts = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (value.isNull()) {
                texts.add(""); // PS3.18 F.2.5: null stands for an empty value in a multi-valued element
            } else if (value.isTextual()) {
                texts.add(trimPadding(value.textValue()));
            } else if (value.isNumber() && (vr == Vr.IS || vr == Vr.DS)) {
                // PS3.18 F.2.3.1: IS and DS are JSON numbers; we keep them as text, like the file's bytes
                texts.add(vr == Vr.DS ? decimalString(value) : value.asText());
            } else {
                throw new MalformedDicomJson(path + " (" + vr + ") has a value that is not a string: " + value);
            }
        }
        return new Value.Text(texts);
    }

    private static String decimalString(JsonNode number) {
        String text = number.isBigDecimal() ? number.decimalValue().toString() : number.asText();
        if (text.length() <= MAX_DS_LENGTH) {
            return text;
        }
        // PS3.5 6.2: a DS has at most 16 characters, so a longer number is a binary double printed in full
        // (Orthanc prints 17 digits); the shortest decimal of that double is what the file held
        return BigDecimal.valueOf(Double.parseDouble(text)).stripTrailingZeros().toPlainString();
    }

    // PS3.5 6.2: trailing spaces (and NUL for UI) pad values to even length and are not part of them
    private static String trimPadding(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** PS3.18 F.2.2: a PN value is an object of up to three component groups; we rebuild "A=I=P" (PS3.5 6.2.1). */
    private static Value personNames(JsonNode values, String path) {
        List<String> names = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (value.isNull()) {
                names.add("");
            } else if (value.isTextual()) {
                names.add(trimPadding(value.textValue()));
            } else if (value.isObject()) {
                names.add(personName(value, path));
            } else {
                throw new MalformedDicomJson(path + " (PN) has a value that is neither an object nor a string: " + value);
            }
        }
        return new Value.Text(names);
    }

    private static String personName(JsonNode name, String path) {
        for (Iterator<String> keys = name.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("Alphabetic") && !key.equals("Ideographic") && !key.equals("Phonetic")) {
                throw new MalformedDicomJson(path + " (PN) has an unknown component group '" + key + "'");
            }
        }
        // groups present but empty keep their '=' so "A==" survives the round trip
        int groups = name.has("Phonetic") ? 3 : name.has("Ideographic") ? 2 : name.has("Alphabetic") ? 1 : 0;
        StringBuilder text = new StringBuilder();
        String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
        for (int i = 0; i < groups; i++) {
            if (i > 0) {
                text.append('=');
            }
            JsonNode group = name.get(keys[i]);
            if (group != null && !group.isNull()) {
                if (!group.isTextual()) {
                    throw new MalformedDicomJson(path + " (PN) has a " + keys[i] + " group that is not a string");
                }
                text.append(group.textValue());
            }
        }
        return trimPadding(text.toString());
    }

    private static Value attributeTags(JsonNode values, String path) {
        long[] tags = new long[values.size()];
        for (int i = 0; i < tags.length; i++) {
            JsonNode value = values.get(i);
            if (value.isTextual() && value.textValue().length() == 8) {
                try {
                    tags[i] = Integer.toUnsignedLong(Tag.parse(value.textValue()).value()); // PS3.18 F.2.3: "GGGGEEEE"
                    continue;
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            throw new MalformedDicomJson(path + " (AT) value " + value + " is not a tag of eight hex digits (PS3.18 F.2.3)");
        }
        return new Value.Ints(tags);
    }

    private static Value integers(Vr vr, JsonNode values, String path) {
        long[] numbers = new long[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = integer(vr, values.get(i), path);
        }
        return new Value.Ints(numbers);
    }

    private static long integer(Vr vr, JsonNode value, String path) {
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isTextual() && (vr == Vr.SV || vr == Vr.UV)) {
            // PS3.18 F.2.3.1: 64-bit integers may be sent as strings, as JSON numbers lose precision past 2^53
            try {
                number = new BigInteger(value.textValue().strip());
            } catch (NumberFormatException e) {
                throw new MalformedDicomJson(path + " (" + vr + ") value '" + value.textValue() + "' is not an integer");
            }
        } else {
            throw new MalformedDicomJson(path + " (" + vr + ") value " + value + " is not an integer");
        }
        BigInteger min = vr == Vr.UV || vr == Vr.UL || vr == Vr.US ? BigInteger.ZERO : BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger max = vr == Vr.UV ? new BigInteger(Long.toUnsignedString(MAX_UNSIGNED_64)) : BigInteger.valueOf(Long.MAX_VALUE);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new MalformedDicomJson(path + " (" + vr + ") value " + number + " is out of range for " + vr);
        }
        return number.longValue(); // a UV above 2^63-1 keeps its bits, as Value.Ints documents
    }

    private static Value floats(JsonNode values, String path) {
        double[] numbers = new double[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonNode value = values.get(i);
            if (value.isNumber()) {
                numbers[i] = value.doubleValue();
            } else if (value.isTextual() && isSpecialFloat(value.textValue())) {
                numbers[i] = Double.parseDouble(value.textValue()); // NaN and infinities have no JSON number form
            } else {
                throw new MalformedDicomJson(path + " value " + value + " is not a number");
            }
        }
        return new Value.Floats(numbers);
    }

    private static boolean isSpecialFloat(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    private Value items(JsonNode values, String path) {
        List<DicomDataset> items = new ArrayList<>(values.size());
        int index = 0;
        for (JsonNode item : values) {
            items.add(dataset(item, path + "[" + index++ + "]."));
        }
        return new Value.Items(items);
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " in " + path.substring(0, path.length() - 1);
    }

    /** The server sent something that is not the DICOM JSON model. */
    static final class MalformedDicomJson extends RuntimeException {
        MalformedDicomJson(String message) {
            super(message);
        }
    }
}
