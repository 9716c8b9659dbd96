package io.dicombq.adapter.out.dicom.part10;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes text values by (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2, PS3.5 6.1). A single
 * non-ISO 2022 term (Latin-1, UTF-8, GB18030, …) decodes with one Java charset; ISO 2022 terms decode with
 * escape-sequence switching between code elements, returning to the initial state at every value delimiter,
 * line break and, in person names, component and group delimiter (PS3.5 6.1.2.5.3).
 */
final class SpecificCharacterSet {
    /** The default repertoire; bytes above 0x7F (not allowed there) are kept as Latin-1 so nothing is lost. */
    static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(StandardCharsets.ISO_8859_1, null, null);

    private static final Map<String, String> SINGLE_TERMS = Map.ofEntries(
            Map.entry("ISO_IR 6", "ISO-8859-1"),
            Map.entry("ISO_IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 166", "TIS-620"),
            Map.entry("ISO_IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    private static final Map<String, CodeElement[]> ISO_2022_TERMS = Map.ofEntries(
            Map.entry("ISO 2022 IR 6", new CodeElement[] {CodeElement.ASCII}),
            Map.entry("ISO 2022 IR 100", new CodeElement[] {CodeElement.LATIN1}),
            Map.entry("ISO 2022 IR 101", new CodeElement[] {CodeElement.LATIN2}),
            Map.entry("ISO 2022 IR 109", new CodeElement[] {CodeElement.LATIN3}),
            Map.entry("ISO 2022 IR 110", new CodeElement[] {CodeElement.LATIN4}),
            Map.entry("ISO 2022 IR 144", new CodeElement[] {CodeElement.CYRILLIC}),
            Map.entry("ISO 2022 IR 127", new CodeElement[] {CodeElement.ARABIC}),
            Map.entry("ISO 2022 IR 126", new CodeElement[] {CodeElement.GREEK}),
            Map.entry("ISO 2022 IR 138", new CodeElement[] {CodeElement.HEBREW}),
            Map.entry("ISO 2022 IR 148", new CodeElement[] {CodeElement.LATIN5}),
            Map.entry("ISO 2022 IR 166", new CodeElement[] {CodeElement.THAI}),
            Map.entry("ISO 2022 IR 203", new CodeElement[] {CodeElement.LATIN9}),
            Map.entry("ISO 2022 IR 13", new CodeElement[] {CodeElement.JIS_X0201_KATAKANA, CodeElement.JIS_X0201_ROMAN}),
            Map.entry("ISO_IR 13", new CodeElement[] {CodeElement.JIS_X0201_KATAKANA, CodeElement.JIS_X0201_ROMAN}),
            Map.entry("ISO 2022 IR 87", new CodeElement[] {CodeElement.JIS_X0208}),
            Map.entry("ISO 2022 IR 159", new CodeElement[] {CodeElement.JIS_X0212}),
            Map.entry("ISO 2022 IR 149", new CodeElement[] {CodeElement.KS_X1001}),
            Map.entry("ISO 2022 IR 58", new CodeElement[] {CodeElement.GB2312}));

    private static final byte ESC = 0x1B;

    private final Charset single;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    private SpecificCharacterSet(Charset single, CodeElement initialG0, CodeElement initialG1) {
        this.single = single;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    /** The character set the values of (0008,0005) name; an unknown term falls back to the default repertoire, as in pydicom. */
    static SpecificCharacterSet of(List<String> terms) {
        if (terms.isEmpty()) {
            return DEFAULT;
        }
        boolean iso2022 = false;
        for (String term : terms) {
            String name = term.strip();
            iso2022 |= ISO_2022_TERMS.containsKey(name) && !name.equals("ISO_IR 13");
        }
        String first = terms.get(0).strip();
        if (!iso2022 && !first.equals("ISO_IR 13")) {
            String charset = SINGLE_TERMS.get(first);
            return new SpecificCharacterSet(charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset),
                    null, null);
        }
        // PS3.5 6.1.2.5.2: value 1 gives the initial state; an empty value 1 means ASCII in G0 and nothing in G1
        CodeElement[] initial = ISO_2022_TERMS.getOrDefault(first, new CodeElement[] {CodeElement.ASCII});
        CodeElement g0 = CodeElement.ASCII;
        CodeElement g1 = null;
        for (CodeElement element : initial) {
            if (element.isG1()) {
                g1 = element;
            } else if (!element.isMultiByte()) {
                g0 = element;
            }
        }
        return new SpecificCharacterSet(null, g0, g1);
    }

    /**
     * Decodes one element value into its values: split on backslash when {@code multiValued}, not yet
     * stripped of padding.
     */
    List<String> decode(byte[] bytes, int offset, int length, boolean multiValued, boolean personName) {
        boolean ascii = isPlainAscii(bytes, offset, length);
        if (single != null || ascii) {
            String text = new String(bytes, offset, length, ascii ? StandardCharsets.ISO_8859_1 : single);
            return multiValued ? splitOnBackslash(text) : List.of(text);
        }
        return new Iso2022Decoding(bytes, offset, length, multiValued, personName).run();
    }

    /** ASCII bytes without ESC decode the same in every character set DICOM allows; the fast common case. */
    private static boolean isPlainAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b < 0 || b == ESC) {
                return false;
            }
        }
        return true;
    }

    static List<String> splitOnBackslash(String text) {
        int slash = text.indexOf('\\');
        if (slash < 0) {
            return List.of(text);
        }
        List<String> values = new ArrayList<>(4);
        int start = 0;
        while (slash >= 0) {
            values.add(text.substring(start, slash));
            start = slash + 1;
            slash = text.indexOf('\\', start);
        }
        values.add(text.substring(start));
        return values;
    }

    /** One pass over an ISO 2022 encoded value, tracking the code elements in G0 and G1. */
    private final class Iso2022Decoding {
        private final byte[] bytes;
        private final int end;
        private final boolean multiValued;
        private final boolean personName;
        private final List<String> values = new ArrayList<>(2);
        private final StringBuilder current = new StringBuilder();
        private CodeElement g0 = initialG0;
        private CodeElement g1 = initialG1;
        private int index;

        Iso2022Decoding(byte[] bytes, int offset, int length, boolean multiValued, boolean personName) {
            this.bytes = bytes;
            this.index = offset;
            this.end = offset + length;
            this.multiValued = multiValued;
            this.personName = personName;
        }

        List<String> run() {
            while (index < end) {
                int b = bytes[index] & 0xFF;
                if (b == ESC) {
                    designate();
                } else if (b >= 0x80) {
                    decodeRun(g1, true);
                } else if (g0.isMultiByte() && b > 0x20) {
                    decodeRun(g0, false);
                } else {
                    single(b);
                }
            }
            values.add(current.toString());
            return values;
        }

        private void single(int b) {
            index++;
            if (b == '\\' && multiValued) {
                values.add(current.toString());
                current.setLength(0);
                reset();
                return;
            }
            current.append((char) b);
            // PS3.5 6.1.2.5.3: the initial code elements are active again after these delimiters
            if (b == '\r' || b == '\n' || b == '\f' || b == '\t' || (personName && (b == '^' || b == '='))) {
                reset();
            }
        }

        private void reset() {
            g0 = initialG0;
            g1 = initialG1;
        }

        private void designate() {
            CodeElement element = CodeElement.byEscape(bytes, index + 1, end);
            if (element == null) {
                // not a sequence DICOM defines: keep the ESC as a character so nothing is lost
                current.append((char) ESC);
                index++;
                return;
            }
            index += 1 + element.escapeLength();
            if (element.isG1()) {
                g1 = element;
            } else {
                g0 = element;
            }
        }

        /** Decodes the bytes that belong to one code element: a run of G1 bytes, or of multi-byte G0 bytes. */
        private void decodeRun(CodeElement element, boolean high) {
            int start = index;
            while (index < end) {
                int b = bytes[index] & 0xFF;
                if (b == ESC || (high ? b < 0x80 : b < 0x21 || b >= 0x80)) {
                    break;
                }
                index++;
            }
            if (element == null) {
                current.append(new String(bytes, start, index - start, StandardCharsets.ISO_8859_1));
                return;
            }
            switch (element.decoding()) {
                case KATAKANA -> {
                    // JIS X 0201 katakana 0xA1-0xDF map to the half-width forms U+FF61-U+FF9F
                    for (int i = start; i < index; i++) {
                        int b = bytes[i] & 0xFF;
                        current.append(b >= 0xA1 && b <= 0xDF ? (char) (0xFF61 + b - 0xA1) : (char) b);
                    }
                }
                case SINGLE_BYTE_GR, DOUBLE_BYTE_GR -> current.append(new String(bytes, start, index - start, element.charset()));
                case JIS_X0208 -> current.append(eucJp(start, index, false));
                case JIS_X0212 -> current.append(eucJp(start, index, true));
                case ASCII -> current.append(new String(bytes, start, index - start, StandardCharsets.ISO_8859_1));
            }
        }

        /** JIS X 0208/0212 in G0 are the 7-bit forms of EUC-JP's code sets 1 and 3: set the high bits. */
        private String eucJp(int start, int stop, boolean supplementary) {
            int pairs = (stop - start) / 2;
            byte[] euc = new byte[pairs * (supplementary ? 3 : 2)];
            int out = 0;
            for (int i = start; i + 1 < stop; i += 2) {
                if (supplementary) {
                    euc[out++] = (byte) 0x8F;
                }
                euc[out++] = (byte) (bytes[i] | 0x80);
                euc[out++] = (byte) (bytes[i + 1] | 0x80);
            }
            String text = new String(euc, 0, out, CodeElement.JIS_X0208.charset());
            return (stop - start) % 2 == 1 ? text + '\uFFFD' : text;
        }
    }
}
