package io.dicombq.adapter.out.dicom.part10;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The ISO 2022 code elements DICOM allows (PS3.3 C.12.1.1.2 Table C.12-3, -4), each with the escape
 * sequence that designates it (bytes after ESC), the graphic set it goes to, and how its bytes decode.
 */
enum CodeElement {
    ASCII(false, "(B", Decoding.ASCII, null),
    // PS3.3 C.12.1.1.2: JIS X 0201 Romaji differs from ASCII only in two glyphs; read like ASCII, as pydicom does
    JIS_X0201_ROMAN(false, "(J", Decoding.ASCII, null),
    JIS_X0201_KATAKANA(true, ")I", Decoding.KATAKANA, null),
    JIS_X0208(false, "$B", Decoding.JIS_X0208, "EUC-JP"),
    JIS_X0212(false, "$(D", Decoding.JIS_X0212, "EUC-JP"),
    KS_X1001(true, "$)C", Decoding.DOUBLE_BYTE_GR, "EUC-KR"),
    GB2312(true, "$)A", Decoding.DOUBLE_BYTE_GR, "GB2312"),
    LATIN1(true, "-A", Decoding.SINGLE_BYTE_GR, "ISO-8859-1"),
    LATIN2(true, "-B", Decoding.SINGLE_BYTE_GR, "ISO-8859-2"),
    LATIN3(true, "-C", Decoding.SINGLE_BYTE_GR, "ISO-8859-3"),
    LATIN4(true, "-D", Decoding.SINGLE_BYTE_GR, "ISO-8859-4"),
    CYRILLIC(true, "-L", Decoding.SINGLE_BYTE_GR, "ISO-8859-5"),
    ARABIC(true, "-G", Decoding.SINGLE_BYTE_GR, "ISO-8859-6"),
    GREEK(true, "-F", Decoding.SINGLE_BYTE_GR, "ISO-8859-7"),
    HEBREW(true, "-H", Decoding.SINGLE_BYTE_GR, "ISO-8859-8"),
    LATIN5(true, "-M", Decoding.SINGLE_BYTE_GR, "ISO-8859-9"),
    THAI(true, "-T", Decoding.SINGLE_BYTE_GR, "TIS-620"),
    LATIN9(true, "-b", Decoding.SINGLE_BYTE_GR, "ISO-8859-15");

    private static final CodeElement[] ALL = values();

    /** How bytes of one code element become characters. */
    enum Decoding { ASCII, KATAKANA, SINGLE_BYTE_GR, DOUBLE_BYTE_GR, JIS_X0208, JIS_X0212 }

    private final boolean g1;
    private final byte[] escape;
    private final Decoding decoding;
    private final Charset charset;

    CodeElement(boolean g1, String escape, Decoding decoding, String charset) {
        this.g1 = g1;
        this.escape = escape.getBytes(StandardCharsets.US_ASCII);
        this.decoding = decoding;
        this.charset = charset == null ? StandardCharsets.US_ASCII : Charset.forName(charset);
    }

    /** Whether it is designated to G1 (bytes 0xA1-0xFE) rather than G0 (bytes 0x21-0x7E). */
    boolean isG1() {
        return g1;
    }

    Decoding decoding() {
        return decoding;
    }

    Charset charset() {
        return charset;
    }

    /** Characters per byte pair or per byte: two-byte sets advance two bytes per character. */
    boolean isMultiByte() {
        return decoding == Decoding.DOUBLE_BYTE_GR || decoding == Decoding.JIS_X0208 || decoding == Decoding.JIS_X0212;
    }

    /** The code element the escape sequence at {@code bytes[from]} (just after ESC) designates, or null. */
    static CodeElement byEscape(byte[] bytes, int from, int end) {
        for (CodeElement element : ALL) {
            byte[] sequence = element.escape;
            if (from + sequence.length <= end) {
                boolean matches = true;
                for (int i = 0; i < sequence.length && matches; i++) {
                    matches = bytes[from + i] == sequence[i];
                }
                if (matches) {
                    return element;
                }
            }
        }
        return null;
    }

    int escapeLength() {
        return escape.length;
    }
}
