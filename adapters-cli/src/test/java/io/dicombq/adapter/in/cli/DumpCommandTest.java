package io.dicombq.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dicombq dump} over the pydicom corpus: valid JSON that round-trips every tag, VR and value. */
class DumpCommandTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run dump(List<String> args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(args);
        return run(DicombqCommand.newCommandLine(), all);
    }

    /** The executable's dump (Main): the arguments parsed by hand, picocli only for help and usage errors. */
    private static Run dumpShortcut(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DumpExecutable.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(CommandLine commandLine, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().matches(".*(\\.(py|pyc|txt|json|dump|gz|md)|/README)$"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyReadableCorpusFileDumpsAsJsonThatRoundTripsTagsVrsAndValues() throws IOException {
        List<Path> files = corpus();
        assertThat(files).as("the pydicom corpus (scripts/install-test-deps)").hasSizeGreaterThan(180);
        Run run = dump(files.stream().map(Path::toString).collect(Collectors.toList()));
        Part10Reader reader = new Part10Reader();
        List<DicomDataset> readable = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            try {
                readable.add(reader.read(file).dataset());
            } catch (DicomParseException e) {
                unreadable.add(file.toString());
            }
        }
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(readable.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.length; i++) {
            assertRoundTrips(readable.get(i), mapper.readTree(lines[i]));
        }
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(unreadable.size())
                .allSatisfy(line -> assertThat(line).startsWith("dicombq dump: cannot read DICOM file "));
    }

    @Test
    void theExecutablesDumpShortcutBehavesAsTheCommandTree() throws IOException {
        List<String> files = corpus().stream().map(Path::toString).collect(Collectors.toList());
        assertThat(dumpShortcut(files)).isEqualTo(dump(files));
    }

    /** Every option, alone and together, in both spellings: the hand parser takes them and prints what picocli's model does. */
    @Test
    void everyOptionIsParsedByHandAsPicocliParsesIt() {
        String ct = CORPUS.resolve("test_files/CT_small.dcm").toString();
        String rtplan = CORPUS.resolve("test_files/rtplan.dcm").toString();
        for (List<String> args : List.<List<String>>of(List.of(ct), List.of(ct, rtplan, ct), List.of("--pretty", ct),
                List.of("--file-meta", ct), List.of(ct, "--no-inline-binary"), List.of("--bulk-threshold", "16", ct),
                List.of("--bulk-threshold=0", ct), List.of("--bulk-threshold=010", ct),
                List.of("--pretty", "--file-meta", "--no-inline-binary", "--bulk-threshold=100000", ct, rtplan),
                List.of("--data-dir=/nowhere", ct), List.of("--data-dir", "", ct), List.of("--warehouse", "BigQuery", ct),
                List.of("--warehouse=h2", "--bigquery-endpoint=http://127.0.0.1:9050", "--bigquery-project", "p", ct),
                List.of("x=y.dcm", ct), List.of("/nonexistent.dcm"))) {
            assertThat(DumpArguments.parse(args)).as("dump %s is parsed by hand", args).isPresent();
            assertThat(dumpShortcut(args)).as("dump %s", args).isEqualTo(dump(args));
        }
        assertThat(DumpArguments.parse(List.of("--pretty", "--file-meta", "--no-inline-binary", "--bulk-threshold", "7", ct)))
                .contains(new DumpOptions(true, true, false, 7, List.of(Path.of(ct))));
        assertThat(DumpArguments.parse(List.of(ct))).contains(new DumpOptions(false, false, true, 1024, List.of(Path.of(ct))));
    }

    /** Help, version and every kind of bad input go to picocli's model: the same help text, message and exit code. */
    @Test
    void helpVersionAndBadInputAreAnsweredByDumpsPicocliModel(@TempDir Path folder) throws IOException {
        String ct = CORPUS.resolve("test_files/CT_small.dcm").toString();
        String quoted = Files.writeString(folder.resolve("quoted.txt"), "'" + ct + "'\n\"" + ct + "\"\n").toString();
        String commented = Files.writeString(folder.resolve("commented.txt"), "# a list\n" + ct + "\n").toString();
        String nested = Files.writeString(folder.resolve("nested.txt"), "@" + quoted + "\n").toString();
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("-h", ct), List.of("--version"),
                List.of("-V"), List.of("-hV"), List.of(), List.of("--pretty"), List.of("--bogus", ct), List.of("-x", ct),
                List.of("--pretty", "--pretty", ct), List.of("--pretty=true", ct), List.of("--pretty=false", ct),
                List.of("--bulk-threshold", "x", ct), List.of("--bulk-threshold", ct), List.of(ct, "--bulk-threshold"),
                List.of("--bulk-threshold=", ct), List.of("--bulk-threshold", "-5", ct), List.of("--bulk-threshold=+5", ct),
                List.of("--bulk-threshold=99999999999", ct), List.of("--bulk-threshold=1", "--bulk-threshold=2", ct),
                List.of("--warehouse=nope", ct), List.of("--warehouse", ct), List.of("--bigquery-endpoint=http://a b", ct),
                List.of("--data-dir", "--pretty", ct), List.of("--", ct), List.of("--", "--pretty", ct), List.of("-", ct),
                List.of("", ct), List.of("a\0b"), List.of("@"), List.of("@" + folder.resolve("missing.txt")),
                List.of("@@" + ct), List.of("@" + quoted), List.of("@" + commented),
                List.of("@" + nested))) {
            assertThat(DumpArguments.parse(args)).as("dump %s is left to picocli", args).isEmpty();
            assertThat(dumpShortcut(args)).as("dump %s", args).isEqualTo(dump(args));
        }
        // picocli fails to read a folder as an argument file with a stack trace (whose frames differ): exit 1 either way
        List<String> folderAsList = List.of("@" + folder);
        assertThat(DumpArguments.parse(folderAsList)).isEmpty();
        for (Run run : List.of(dumpShortcut(folderAsList), dump(folderAsList))) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("picocli.CommandLine$InitializationException: Could not read argument file @" + folder);
        }
    }

    /** An argument file (picocli's @FILE), as bench-dump.sh passes thousands of files: its words are the arguments. */
    @Test
    void anArgumentFileListsFilesAndOptions(@TempDir Path folder) throws IOException {
        String ct = CORPUS.resolve("test_files/CT_small.dcm").toString();
        String rtplan = CORPUS.resolve("test_files/rtplan.dcm").toString();
        Path list = Files.writeString(folder.resolve("files.txt"), ct + "\r\n\t" + rtplan + "  --pretty\n\n" + ct);
        List<String> args = List.of("@" + list, "--file-meta");
        assertThat(DumpArguments.parse(args)).contains(new DumpOptions(true, true, true, 1024,
                List.of(Path.of(ct), Path.of(rtplan), Path.of(ct))));
        Run run = dumpShortcut(args);
        assertThat(run).isEqualTo(dump(args));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"00020010\"");
    }

    /** On several threads the lines and error lines come out in argument order, exactly as one after the other. */
    @Test
    void manyFilesOnSeveralThreadsPrintExactlyWhatOneThreadPrints() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.addAll(corpus());
            files.add(Path.of("/nonexistent-" + i + ".dcm"));
        }
        DumpOptions options = new DumpOptions(false, true, true, 1024, files);
        Run oneThread = runDump(new JsonLinesDump(options, 1));
        Run threeThreads = runDump(new JsonLinesDump(options, 3));
        assertThat(threeThreads).isEqualTo(oneThread);
        assertThat(oneThread.exitCode()).isEqualTo(1);
        assertThat(oneThread.err()).contains("dicombq dump: cannot read /nonexistent-2.dcm: no such file\n");
    }

    /** The executable's output when its console is UTF-8: the JSON's bytes as they are, the same text for every option. */
    @Test
    void theLinesAsUtf8BytesAreTheTextEncoded() throws IOException {
        List<Path> files = new ArrayList<>(corpus());
        files.add(1, Path.of("/nonexistent.dcm"));
        for (DumpOptions options : List.of(new DumpOptions(false, false, true, 1024, files),
                new DumpOptions(true, true, false, 64, files))) {
            Run text = runDump(new JsonLinesDump(options, 2));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            int code = new JsonLinesDump(options, 2).run(bytes, new PrintWriter(err));
            assertThat(new Run(code, bytes.toString(StandardCharsets.UTF_8), err.toString())).isEqualTo(text);
            assertThat(text.out()).contains("\"\u5c71\u7530^\u592a\u90ce\""); // the charset test files: beyond Latin-1
        }
    }

    private static Run runDump(JsonLinesDump dump) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dump.run(new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The executable's dump loads none of picocli's classes (0.3-0.4 s of CPU per run, docs/BENCHMARKS.md). */
    @Test
    void theExecutablesDumpLoadsNoPicocliClass() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "dump", "--pretty",
                CORPUS.resolve("test_files/CT_small.dcm").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("io.dicombq.adapter.in.cli.JsonLinesDump", "\"CompressedSamples^CT1\"")
                .doesNotContain("picocli.");
    }

    @Test
    void oneGoodFileExitsZeroAndFileMetaIsIncludedOnRequest() throws IOException {
        String ct = CORPUS.resolve("test_files/CT_small.dcm").toString();
        Run plain = dump(List.of(ct));
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(plain.out());
        assertThat(json.has("00020010")).isFalse();
        assertThat(json.at("/00100010/Value/0/Alphabetic").asText()).isEqualTo("CompressedSamples^CT1");
        assertThat(json.at("/00280030/Value/0").isNumber()).as("DS is a JSON number").isTrue();
        JsonNode withMeta = new ObjectMapper().readTree(dump(List.of("--file-meta", ct)).out());
        assertThat(withMeta.at("/00020010/Value/0").asText()).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Test
    void aMissingFileIsReportedAndTheOthersStillDumped() {
        Run run = dump(List.of("/nonexistent.dcm", CORPUS.resolve("test_files/CT_small.dcm").toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("dicombq dump: cannot read /nonexistent.dcm: no such file\n");
        assertThat(run.out().lines()).hasSize(1);
    }

    /** Issue 17 item 11: pydicom refuses a preamble without "DICM"; so does dump, without printing anything. */
    @Test
    void aPreambleAloneIsNotADicomFile(@TempDir Path folder) throws IOException {
        Path preamble = Files.write(folder.resolve("preamble.dcm"), new byte[128]);
        Run run = dump(List.of(preamble.toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("dicombq dump: cannot read DICOM file " + preamble
                + " at offset 0: not a DICOM file: no \"DICM\" prefix at offset 128 and the data starts with zero bytes");
    }

    /** Issue 17 item 9: a 200 KiB deflated file that inflates to 256 MiB fails at the header limit; the next file is dumped. */
    @Test
    void aDecompressionBombFailsAtTheHeaderLimit(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION, true), 1 << 16)) {
            // (0009,1000) OB of 256 MiB, explicit VR little endian: tag, "OB", 2 reserved bytes, 32-bit length
            out.write(new byte[] {0x09, 0x00, 0x00, 0x10, 'O', 'B', 0, 0, 0, 0, 0, 0x10});
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                out.write(zeros);
            }
        }
        Path bomb = Files.write(folder.resolve("bomb.dcm"), partTen("1.2.840.10008.1.2.1.99", deflated.toByteArray()));
        Run run = dump(List.of(bomb.toString(), CORPUS.resolve("test_files/CT_small.dcm").toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.err()).startsWith("dicombq dump: cannot read DICOM file " + bomb).contains(" in element (0009,1000): "
                + "the deflated data set inflates to more than the header limit of 64 MiB before its pixel data");
    }

    /** Issue 17 item 6: a DS of 65,000 digits and junk (92 s with the old regular expression) is a JSON string at once. */
    @Test
    void aLongMalformedDecimalStringIsWrittenAsAString(@TempDir Path folder) throws IOException {
        String value = "1".repeat(64_998) + " x";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x18, 0x00, 0x50, 0x00, 'D', 'S', (byte) 0xE8, (byte) 0xFD}); // length 65,000
        body.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(folder.resolve("long-ds.dcm"), partTen("1.2.840.10008.1.2.1", body.toByteArray()));
        Run run = dump(List.of(file.toString()));
        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).at("/00180050/Value/0").asText()).isEqualTo(value);
    }

    /** Preamble, "DICM" and the file meta information with just the transfer syntax (PS3.10 7.1), then the body. */
    private static byte[] partTen(String transferSyntax, byte[] body) {
        byte[] uid = (transferSyntax.length() % 2 == 0 ? transferSyntax : transferSyntax + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(new byte[] {0x02, 0x00, 0x10, 0x00, 'U', 'I', (byte) uid.length, 0});
        file.writeBytes(uid);
        file.writeBytes(body);
        return file.toByteArray();
    }

    /** Rebuilds each value from the JSON and compares it with the model the reader produced. */
    private static void assertRoundTrips(DicomDataset dataset, JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(dataset.elements().stream().map(e -> e.tag().hex()).toList());
        for (DataElement element : dataset) {
            JsonNode attribute = json.get(element.tag().hex());
            assertThat(attribute.get("vr").asText()).isEqualTo(element.vr().name());
            Value value = element.value();
            JsonNode values = attribute.get("Value");
            if (value instanceof Value.Bulk || value.isEmpty()) {
                assertThat(values).isNull();
                assertThat(attribute.has("InlineBinary")).isFalse();
            } else if (value instanceof Value.Bytes bytes) {
                assertThat(Base64.getDecoder().decode(attribute.get("InlineBinary").asText())).isEqualTo(bytes.bytes());
            } else if (value instanceof Value.Items items) {
                assertThat(values.size()).isEqualTo(items.count());
                for (int i = 0; i < items.count(); i++) {
                    assertRoundTrips(items.items().get(i), values.get(i));
                }
            } else if (value instanceof Value.Text text) {
                List<String> decoded = new ArrayList<>();
                values.forEach(node -> decoded.add(textOf(element.vr(), node)));
                assertThat(decoded).hasSameSizeAs(text.values());
                for (int i = 0; i < decoded.size(); i++) {
                    String expected = text.values().get(i);
                    if (element.vr() == Vr.PN) {
                        expected = expected.replaceAll("=+$", ""); // PS3.18 F.2.2: empty trailing groups have no member
                    }
                    if (values.get(i).isNumber()) {
                        assertThat(new BigDecimal(decoded.get(i))).isEqualByComparingTo(new BigDecimal(expected));
                    } else {
                        assertThat(decoded.get(i)).isEqualTo(expected);
                    }
                }
            } else if (value instanceof Value.Ints ints) {
                for (int i = 0; i < ints.count(); i++) {
                    long expected = ints.get(i);
                    JsonNode node = values.get(i);
                    assertThat(element.vr() == Vr.AT ? Long.parseLong(node.asText(), 16) : node.asLong()).isEqualTo(expected);
                }
            } else if (value instanceof Value.Floats floats) {
                for (int i = 0; i < floats.count(); i++) {
                    JsonNode node = values.get(i);
                    assertThat(node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText())).isEqualTo(floats.get(i));
                }
            }
        }
    }

    private static String textOf(Vr vr, JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        if (vr == Vr.PN) {
            String alphabetic = node.path("Alphabetic").asText("");
            String ideographic = node.path("Ideographic").asText("");
            String phonetic = node.path("Phonetic").asText("");
            String joined = alphabetic + "=" + ideographic + "=" + phonetic;
            return joined.replaceAll("=+$", "");
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    }
}
