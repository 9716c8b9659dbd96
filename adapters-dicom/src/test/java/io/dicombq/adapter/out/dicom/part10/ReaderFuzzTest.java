package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.dicom.json.DicomJsonWriter;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.InstanceFlattener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a seeded mutation fuzz of the reader, the DICOM JSON writer and the flattener, with a fixed budget so
 * that CI runs the same inputs every time. Seeds are the pydicom corpus's files under 64 KiB; each input is a seed
 * with one to four mutations aimed at the header (bytes, lengths, VRs, transfer syntaxes, cuts, copies, and the
 * long hostile DS value of issue 17). Every input must be read, or refused with a {@link DicomParseException},
 * within {@link #CPU_BOUND_NANOS} of CPU time. A failing input is written to target/fuzz-failures to reproduce.
 * Longer runs: {@code -Ddicombq.fuzz.inputs=500000 -Ddicombq.fuzz.seed=N}.
 */
@Tag("slow")
class ReaderFuzzTest {
    private static final long SEED = Long.getLong("dicombq.fuzz.seed", 17);
    private static final int INPUTS = Integer.getInteger("dicombq.fuzz.inputs", 20_000);
    /** Generous: a header takes well under a millisecond; quadratic work on a 64 KiB value takes seconds. */
    private static final long CPU_BOUND_NANOS = 2_000_000_000L;
    private static final int MAX_SEED_BYTES = 64 << 10;
    private static final String[] SYNTAXES = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2",
            "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.50", "1.2.3.4"};
    private static final String[] VRS = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB",
            "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR",
            "US", "UT", "UV", "XX", "\0\0"};
    private static final String SHORT_TEXT_VRS = "AE AS CS DA DS DT IS LO PN SH TM UI";

    private final Part10Reader reader = new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void mutatedCorpusFilesAreReadOrRefusedWithATypedErrorInBoundedTime() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        int read = 0;
        int refused = 0;
        long slowest = 0;
        List<String> failures = new ArrayList<>();
        for (int input = 0; input < INPUTS && failures.size() < 5; input++) {
            byte[] bytes = mutate(seeds.get(random.nextInt(seeds.size())), random);
            boolean fromStream = random.nextInt(4) == 0;
            long start = threads.getCurrentThreadCpuTime();
            try {
                DicomInstance instance = fromStream
                        ? reader.read(new ByteArrayInputStream(bytes), "fuzz-" + input)
                        : reader.read(bytes, "fuzz-" + input);
                DicomJsonWriter.standard().toJson(instance.dataset());
                InstanceFlattener.standard().flatten(instance, FlattenOptions.flattened());
                read++;
            } catch (DicomParseException expected) {
                refused++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(keep(input, bytes) + ": " + e);
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            slowest = Math.max(slowest, cpu);
            if (cpu > CPU_BOUND_NANOS) {
                failures.add(keep(input, bytes) + ": " + cpu / 1_000_000 + " ms of CPU");
            }
        }
        System.out.printf("fuzz seed %d: %d inputs from %d seeds, %d read, %d refused, slowest %.1f ms CPU%n",
                SEED, INPUTS, seeds.size(), read, refused, slowest / 1e6);
        assertThat(failures).as("inputs that threw something else than DicomParseException or took too long").isEmpty();
        assertThat(refused).as("mutations the reader noticed").isGreaterThan(INPUTS / 10);
        assertThat(read).as("mutations that left a readable file").isGreaterThan(INPUTS / 10);
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : PydicomCorpus.files()) {
            if (Files.size(file) <= MAX_SEED_BYTES) {
                seeds.add(Files.readAllBytes(file));
            }
        }
        assertThat(seeds).as("corpus files under 64 KiB").hasSizeGreaterThan(50);
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed;
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            // aim at the header: what follows the pixel data is never read
            int header = headerEnd(bytes);
            int at = random.nextInt(header);
            bytes = switch (random.nextInt(10)) {
                case 0 -> set(bytes, at, random.nextInt(256));
                case 1 -> set(bytes, at, bytes[at] ^ (1 << random.nextInt(8)));
                case 2 -> put(bytes, at, new int[] {0, 0xFF, 0x80, 0x7F, 0xFE}[random.nextInt(5)], random.nextInt(2) == 0 ? 2 : 4);
                case 3 -> Arrays.copyOf(bytes, at);
                case 4 -> delete(bytes, at, 1 + random.nextInt(Math.min(64, bytes.length - at)));
                case 5 -> insert(bytes, at, Arrays.copyOfRange(bytes, random.nextInt(header), Math.min(bytes.length, header + 64)));
                case 6 -> replaceVr(bytes, random);
                case 7 -> replaceSyntax(bytes, random);
                case 8 -> growTextValue(bytes, random);
                default -> put(bytes, at, random.nextInt(2) == 0 ? 0xFF : 0x00, 4 * (1 + random.nextInt(2)));
            };
        }
        return bytes;
    }

    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xE0 && bytes[i + 1] == 0x7F && bytes[i + 2] == 0x10 && bytes[i + 3] == 0x00) {
                return Math.min(bytes.length, i + 12);
            }
        }
        return bytes.length;
    }

    private static byte[] set(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    /** {@code count} bytes of one value from {@code at}: lengths such as 0, 0xFFFF, 0xFFFFFFFF, 0x7F7F7F7F. */
    private static byte[] put(byte[] bytes, int at, int value, int count) {
        byte[] copy = bytes.clone();
        for (int i = at; i < Math.min(copy.length, at + count); i++) {
            copy[i] = (byte) value;
        }
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at, int count) {
        byte[] copy = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + count, copy, at, bytes.length - at - count);
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] chunk) {
        byte[] copy = new byte[bytes.length + chunk.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(chunk, 0, copy, at, chunk.length);
        System.arraycopy(bytes, at, copy, at + chunk.length, bytes.length - at);
        return copy;
    }

    /** An explicit VR element's VR becomes another one (or none that exists). */
    private static byte[] replaceVr(byte[] bytes, Random random) {
        int[] places = vrPlaces(bytes, null);
        if (places.length == 0) {
            return bytes;
        }
        int at = places[random.nextInt(places.length)];
        byte[] vr = VRS[random.nextInt(VRS.length)].getBytes(StandardCharsets.ISO_8859_1);
        byte[] copy = bytes.clone();
        copy[at] = vr[0];
        copy[at + 1] = vr[1];
        return copy;
    }

    /** The file meta's transfer syntax UID names another encoding than the data set's. */
    private static byte[] replaceSyntax(byte[] bytes, Random random) {
        byte[] uid = "1.2.840.10008.1.2".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + uid.length < Math.min(bytes.length, 1024); i++) {
            if (Arrays.equals(bytes, i, i + uid.length, uid, 0, uid.length) && i >= 2) {
                int length = (bytes[i - 2] & 0xFF) | ((bytes[i - 1] & 0xFF) << 8);
                if (i + length > bytes.length) {
                    return bytes;
                }
                byte[] replacement = DicomBytes.padded(SYNTAXES[random.nextInt(SYNTAXES.length)]
                        .getBytes(StandardCharsets.US_ASCII), 0);
                byte[] copy = new byte[bytes.length - length + replacement.length];
                System.arraycopy(bytes, 0, copy, 0, i);
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                System.arraycopy(bytes, i + length, copy, i + replacement.length, bytes.length - i - length);
                copy[i - 2] = (byte) replacement.length;
                copy[i - 1] = (byte) (replacement.length >>> 8);
                return copy;
            }
        }
        return bytes;
    }

    /**
     * Issue 17's slow input: a short-text element (explicit VR, 16-bit length) gets a value of up to 65,534
     * characters of digits, signs, dots, exponents, spaces and backslashes, with its length set to match.
     */
    private static byte[] growTextValue(byte[] bytes, Random random) {
        int[] places = vrPlaces(bytes, SHORT_TEXT_VRS);
        if (places.length == 0) {
            return bytes;
        }
        int at = places[random.nextInt(places.length)];
        int oldLength = (bytes[at + 2] & 0xFF) | ((bytes[at + 3] & 0xFF) << 8);
        if (at + 4 + oldLength > bytes.length) {
            return bytes;
        }
        int newLength = 2 * (1 + random.nextInt(32767));
        String alphabet = random.nextBoolean() ? "0123456789" : "0123456789+-.eE \\";
        byte[] value = new byte[newLength];
        for (int i = 0; i < newLength; i++) {
            value[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        byte[] copy = new byte[bytes.length - oldLength + newLength];
        System.arraycopy(bytes, 0, copy, 0, at + 4);
        System.arraycopy(value, 0, copy, at + 4, newLength);
        System.arraycopy(bytes, at + 4 + oldLength, copy, at + 4 + newLength, bytes.length - at - 4 - oldLength);
        copy[at + 2] = (byte) newLength;
        copy[at + 3] = (byte) (newLength >>> 8);
        return copy;
    }

    /** Offsets of two upper-case letters that are a VR (of {@code only}, when given) after an even group. */
    private static int[] vrPlaces(byte[] bytes, String only) {
        int end = headerEnd(bytes);
        List<Integer> places = new ArrayList<>();
        for (int i = 4; i + 4 <= end; i++) {
            if (bytes[i] >= 'A' && bytes[i] <= 'Z' && bytes[i + 1] >= 'A' && bytes[i + 1] <= 'Z') {
                String vr = new String(bytes, i, 2, StandardCharsets.US_ASCII);
                if (Vr.fromCode(bytes[i], bytes[i + 1]) != null && (only == null || only.contains(vr))
                        && (bytes[i - 4] & 1) == 0) {
                    places.add(i);
                }
            }
        }
        return places.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String keep(int input, byte[] bytes) {
        Path folder = Path.of("target", "fuzz-failures");
        Path file = folder.resolve("seed-" + SEED + "-input-" + input + ".dcm");
        try {
            Files.createDirectories(folder);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }
}
