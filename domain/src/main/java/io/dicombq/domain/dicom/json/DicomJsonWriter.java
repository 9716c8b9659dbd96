package io.dicombq.domain.dicom.json;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.NumberStrings;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.json.JsonWriter;

import java.util.HexFormat;

/**
 * Writes a data set as the DICOM JSON model (PS3.18 Annex F): an object keyed by {@code GGGGEEEE}, each
 * attribute an object with {@code vr} and, when it has values, {@code Value} (or {@code InlineBinary}).
 *
 * <p>Choices where the model leaves room (docs/dicom-json.md):
 * <ul>
 *   <li>Skipped bulk data ({@link Value.Bulk}) is omitted: the attribute is written with its {@code vr} only.</li>
 *   <li>Small binary values that the reader kept ({@link Value.Bytes}) are written as base64 {@code InlineBinary}
 *       unless {@link #withoutInlineBinary()} is used.</li>
 *   <li>An empty value inside a multi-valued attribute is {@code null} (PS3.18 F.2.5); a zero-length attribute
 *       and an empty sequence have no {@code Value}.</li>
 *   <li>IS and DS are JSON numbers (PS3.18 F.2.3); a value that is not a valid number is kept as a string so
 *       nothing is lost. FL/FD NaN and infinities, which JSON cannot hold, are written as the strings
 *       {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.</li>
 *   <li>PN values are objects with the non-empty component groups among {@code Alphabetic}, {@code Ideographic},
 *       {@code Phonetic} (PS3.18 F.2.2).</li>
 *   <li>Group lengths (gggg,0000) are written as read, unless {@link #withoutGroupLengths()} is used.</li>
 * </ul>
 */
public final class DicomJsonWriter {
    private static final HexFormat HEX_TAG = HexFormat.of().withUpperCase();
    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private final boolean inlineBinary;
    private final boolean groupLengths;

    private DicomJsonWriter(boolean inlineBinary, boolean groupLengths) {
        this.inlineBinary = inlineBinary;
        this.groupLengths = groupLengths;
    }

    /** Binary values the reader kept are written inline as base64. */
    public static DicomJsonWriter standard() {
        return new DicomJsonWriter(true, true);
    }

    /** Binary values are omitted like bulk data: only their {@code vr} is written. */
    public static DicomJsonWriter withoutInlineBinary() {
        return new DicomJsonWriter(false, true);
    }

    /** This writer, leaving out group lengths at every level (PS3.5 7.2 makes them optional). */
    public DicomJsonWriter withoutGroupLengths() {
        return new DicomJsonWriter(inlineBinary, false);
    }

    /** The data set as compact JSON text. */
    public String toJson(DicomDataset dataset) {
        StringBuilder out = new StringBuilder(256 + dataset.size() * 48);
        write(dataset, JsonWriter.compact(out));
        return out.toString();
    }

    /** Writes the data set as one JSON object at the writer's current position. */
    public void write(DicomDataset dataset, JsonWriter json) {
        json.beginObject();
        for (DataElement element : dataset) {
            if (!groupLengths && element.tag().isGroupLength()) {
                continue;
            }
            json.plainName(element.tag().hex());
            writeAttribute(element, json);
        }
        json.endObject();
    }

    private void writeAttribute(DataElement element, JsonWriter json) {
        Vr vr = element.vr();
        Value value = element.value();
        json.beginObject().plainName("vr").plainValue(vr.name());
        if (value instanceof Value.Bytes bytes) {
            if (inlineBinary && bytes.length() > 0) {
                json.plainName("InlineBinary").base64Value(bytes.bytes());
            }
        } else if (!(value instanceof Value.Bulk) && !value.isEmpty()) {
            json.plainName("Value").beginArray();
            writeValues(vr, value, json);
            json.endArray();
        }
        json.endObject();
    }

    private void writeValues(Vr vr, Value value, JsonWriter json) {
        if (value instanceof Value.Text text) {
            for (String single : text.values()) {
                writeText(vr, single, json);
            }
        } else if (value instanceof Value.Ints ints) {
            for (long single : ints.values()) {
                writeInteger(vr, single, json);
            }
        } else if (value instanceof Value.Floats floats) {
            for (double single : floats.values()) {
                writeFloat(single, json);
            }
        } else if (value instanceof Value.Items items) {
            for (DicomDataset item : items.items()) {
                write(item, json);
            }
        }
    }

    private static void writeText(Vr vr, String single, JsonWriter json) {
        if (single.isEmpty()) {
            json.nullValue();
        } else if (vr == Vr.PN) {
            writePersonName(single, json);
        } else if (vr == Vr.IS && NumberStrings.isInteger(single)) {
            json.numberLiteral(jsonNumber(single));
        } else if (vr == Vr.DS && NumberStrings.isDecimal(single)) {
            json.numberLiteral(jsonNumber(single));
        } else {
            json.value(single);
        }
    }

    /** PS3.18 F.2.2: the '=' separated component groups become named members; empty groups are left out. */
    private static void writePersonName(String name, JsonWriter json) {
        json.beginObject();
        int start = 0;
        for (int group = 0; group < PN_GROUPS.length && start <= name.length(); group++) {
            int end = name.indexOf('=', start);
            if (end < 0 || group == PN_GROUPS.length - 1) {
                end = name.length();
            }
            if (end > start) {
                json.plainName(PN_GROUPS[group]).value(name.substring(start, end));
            }
            start = end + 1;
        }
        json.endObject();
    }

    private static void writeInteger(Vr vr, long single, JsonWriter json) {
        if (vr == Vr.AT) {
            json.value(HEX_TAG.formatHex(new byte[] {(byte) (single >>> 24), (byte) (single >>> 16),
                    (byte) (single >>> 8), (byte) single}));
        } else if (vr == Vr.UV && single < 0) {
            json.numberLiteral(Long.toUnsignedString(single));
        } else {
            json.value(single);
        }
    }

    private static void writeFloat(double single, JsonWriter json) {
        if (Double.isFinite(single)) {
            json.value(single);
        } else {
            json.value(Double.isNaN(single) ? "NaN" : single > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** Rewrites a DICOM IS/DS literal that matched the grammar into RFC 8259 number syntax (no '+', no bare '.'). */
    static String jsonNumber(String literal) {
        String text = literal.startsWith("+") ? literal.substring(1) : literal;
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (digits.startsWith(".")) {
            digits = "0" + digits;
        }
        int dot = digits.indexOf('.');
        if (dot >= 0 && (dot == digits.length() - 1 || digits.charAt(dot + 1) == 'e' || digits.charAt(dot + 1) == 'E')) {
            digits = digits.substring(0, dot + 1) + "0" + digits.substring(dot + 1);
        }
        digits = stripLeadingZeros(digits);
        return negative ? "-" + digits : digits;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0' && Character.isDigit(digits.charAt(i + 1))) {
            i++;
        }
        return digits.substring(i);
    }
}
