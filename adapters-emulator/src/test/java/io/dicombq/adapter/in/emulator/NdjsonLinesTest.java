package io.dicombq.adapter.in.emulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte lines of a load are the lines {@code BufferedReader.readLine} gives, with the same blank ones. */
class NdjsonLinesTest {

    /** Each line as readLine gives it, "(blank)" after the blank ones. */
    private static List<String> byReader(byte[] data) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data),
                StandardCharsets.UTF_8.newDecoder()));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line + (line.isBlank() ? " (blank)" : ""));
        }
        return lines;
    }

    private static List<String> byBytes(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        NdjsonLines reader = new NdjsonLines(in);
        while (reader.next()) {
            String line = reader.text();
            if (reader.ascii()) {
                assertThat(line).as("an ASCII line").matches("\\p{ASCII}*");
            }
            lines.add(line + (reader.blank() ? " (blank)" : ""));
        }
        return lines;
    }

    /** At most one byte per read: every line end falls at the end of what was read once. */
    private static InputStream byteByByte(byte[] data) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private static void assertSameLines(String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        List<String> expected = byReader(data);
        assertThat(byBytes(new ByteArrayInputStream(data))).as("%s", text).isEqualTo(expected);
        assertThat(byBytes(byteByByte(data))).as("%s, a byte at a time", text).isEqualTo(expected);
    }

    @Test
    void linesEndAtLfCrOrCrLfAsReadLineEndsThem() throws IOException {
        assertSameLines("");
        assertSameLines("{\"a\":1}");
        assertSameLines("{\"a\":1}\n");
        assertSameLines("{\"a\":1}\n{\"a\":2}");
        assertSameLines("a\r\nb\rc\n\rd\r\r\ne\n\n");
        assertSameLines("a\r");
        assertSameLines("\n\n \t\n\u000B\u001F\nx");
        assertSameLines("{\"name\":\"Müller\"}\r\n\u00a0\n\u3000\n{\"a\":\"\u00e9\"}");
    }

    @Test
    void linesLongerThanTheBufferAndRandomMixesSplitTheSame() throws IOException {
        assertSameLines("x".repeat(200_000) + "\n" + "y".repeat(70_000) + "\r\n" + "z".repeat(65_536));
        Random random = new Random(14);
        String[] pieces = {"a", "{\"b\":2}", "é", "\r", "\n", "\r\n", " ", "\t", "\u3000", "q".repeat(40_000)};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameLines(text.toString());
        }
        // short pieces: line ends and non-ASCII bytes at every place in the eight-byte words the scan steps over
        String[] shortPieces = {"a", "bc", "def", "ghij", "klmno", "pqrstuv", "wxyz0123", "456789ABC", "é", "\u3000",
            "\r", "\n", "\r\n", "\"\\"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(shortPieces[random.nextInt(shortPieces.length)]);
            }
            assertSameLines(text.toString());
        }
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedWhenReached() throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(
                new byte[] {'{', '}', '\n', '{', (byte) 0xC3, '}', '\n', '{', '}'}));

        assertThat(lines.next()).isTrue();
        assertThatThrownBy(lines::next).isInstanceOf(MalformedInputException.class);
    }
}
