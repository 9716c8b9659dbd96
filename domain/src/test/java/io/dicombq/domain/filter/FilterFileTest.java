package io.dicombq.domain.filter;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FilterFileTest {

    private static final FilterFile FILE = FilterFile.named("filter.txt");

    private static FilterSelection read(String text) {
        return FILE.read(new StringReader(text));
    }

    @Test
    void studySeriesAndInstanceLinesSelectWhatTheyName() {
        FilterSelection selection = read("""
                /studies/1.1
                /studies/2.2/series/2.2.1
                /studies/3.3/series/3.3.1/instances/3.3.1.7
                """);

        assertThat(selection.selects("1.1", "9", "9.9")).as("any instance of a selected study").isTrue();
        assertThat(selection.selects("2.2", "2.2.1", "5")).as("any instance of a selected series").isTrue();
        assertThat(selection.selects("2.2", "2.2.2", "5")).as("another series of that study").isFalse();
        assertThat(selection.selects("3.3", "3.3.1", "3.3.1.7")).isTrue();
        assertThat(selection.selects("3.3", "3.3.1", "3.3.1.8")).as("another instance of that series").isFalse();
        assertThat(selection.selects("3.3", "3.3.2", "3.3.1.7")).as("same SOP UID in another series").isFalse();
        assertThat(selection.selects("4.4", "3.3.1", "3.3.1.7")).as("same series UID in another study").isFalse();
        assertThat(selection.selects("1.10", "9", "9.9")).as("a study whose UID only starts alike").isFalse();
        assertThat(selection.selects("1.1x", "9", "9.9")).as("a text that is no UID").isFalse();
        assertThat(selection.selects("", "", "")).isFalse();

        assertThat(selection.wholeStudyCount()).isEqualTo(1);
        assertThat(selection.wholeSeriesCount()).isEqualTo(1);
        assertThat(selection.instanceCount()).isEqualTo(1);
    }

    @Test
    void coarseQuestionsLetAStorePruneStudiesAndSeries() {
        FilterSelection selection = read("/studies/1.1\n/studies/2.2/series/2.2.1\n/studies/3.3/series/3.3.1/instances/7\n");

        assertThat(selection.mightSelectStudy("1.1")).isTrue();
        assertThat(selection.mightSelectStudy("2.2")).isTrue();
        assertThat(selection.mightSelectStudy("3.3")).isTrue();
        assertThat(selection.mightSelectStudy("4.4")).isFalse();
        assertThat(selection.mightSelectSeries("1.1", "anything.goes")).isTrue();
        assertThat(selection.mightSelectSeries("2.2", "2.2.1")).isTrue();
        assertThat(selection.mightSelectSeries("2.2", "2.2.9")).isFalse();
        assertThat(selection.mightSelectSeries("3.3", "3.3.1")).isTrue();
        assertThat(selection.mightSelectSeries("4.4", "2.2.1")).isFalse();
    }

    @Test
    void crlfAndLfLineEndsBlankLinesSurroundingSpaceAndAByteOrderMarkAreAccepted() {
        FilterSelection selection = read("\uFEFF/studies/1.1\r\n\r\n   \t\n  /studies/2.2/series/3.3  \r\n\n"
                + "\t/studies/4.4/series/5.5/instances/6.6\t");

        assertThat(selection.selects("1.1", "1", "1")).isTrue();
        assertThat(selection.selects("2.2", "3.3", "1")).isTrue();
        assertThat(selection.selects("4.4", "5.5", "6.6")).isTrue();
    }

    @Test
    void duplicatesAndOverlappingLinesAreHarmless() {
        FilterSelection selection = read("""
                /studies/1.1/series/1.2/instances/1.3
                /studies/1.1/series/1.2/instances/1.3
                /studies/1.1/series/1.2
                /studies/1.1
                /studies/1.1
                /studies/1.1/series/1.2/instances/1.4
                """);

        assertThat(selection.selects("1.1", "1.2", "1.3")).isTrue();
        assertThat(selection.selects("1.1", "7", "7")).isTrue();
        assertThat(selection.wholeStudyCount()).isEqualTo(1);
        assertThat(selection.instanceCount()).isEqualTo(2);
    }

    @Test
    void anEmptyFileSelectsNothing() {
        FilterSelection selection = read("\n\n  \r\n");
        assertThat(selection.selects("1.1", "1.2", "1.3")).isFalse();
        assertThat(selection.mightSelectStudy("1.1")).isFalse();
    }

    @Test
    void theLongestValidUidsAreAccepted() {
        String uid = "1." + "2".repeat(62);
        FilterSelection selection = read("/studies/" + uid + "/series/" + uid + "/instances/" + uid);
        assertThat(selection.selects(uid, uid, uid)).isTrue();
        assertThat(selection.selects(uid, uid, uid.substring(1))).isFalse();
    }

    static Stream<Arguments> invalidLines() {
        String uid65 = "1." + "2".repeat(63);
        return Stream.of(
                arguments("studies/1.2", "does not start with '/'"),
                arguments("1.2.3", "does not start with '/'"),
                arguments("gs://bucket/studies/1.2", "does not start with '/'"),
                arguments("/", "1 segments after the leading '/'"),
                arguments("/studies", "1 segments after the leading '/'"),
                arguments("/studies/", "the study UID '' is empty"),
                arguments("/studies/1.2/", "3 segments"),
                arguments("/studies/1.2/series", "3 segments"),
                arguments("/studies/1.2/series/3.4/instances", "5 segments"),
                arguments("/studies/1.2/series/3.4/instances/5.6/frames/1", "8 segments"),
                arguments("/study/1.2", "segment 1 is 'study' where 'studies' is expected"),
                arguments("/Studies/1.2", "segment 1 is 'Studies' where 'studies' is expected"),
                arguments("/studies/1.2/instances/3.4", "segment 3 is 'instances' where 'series' is expected"),
                arguments("/studies/1.2/series/3.4/instance/5.6", "segment 5 is 'instance' where 'instances' is expected"),
                arguments("//studies/1.2", "it has 3 segments after the leading '/', where 2, 4 or 6 are expected"),
                arguments("/studies//series/3.4", "the study UID '' is empty"),
                arguments("/studies/1.2/series//instances/5", "the series UID '' is empty"),
                arguments("/studies/1.2/series/3.4/instances/", "the instance UID '' is empty"),
                arguments("/studies/1.2.abc", "the study UID '1.2.abc' contains 'a' at position 5"),
                arguments("/studies/1.2/series/3,4", "the series UID '3,4' contains ',' at position 2"),
                arguments("/studies/1.2/series/3.4/instances/5.6x", "the instance UID '5.6x' contains 'x' at position 4"),
                arguments("/studies/1..2", "the study UID '1..2' has an empty component at position 3"),
                arguments("/studies/.1.2", "has an empty component at position 1"),
                arguments("/studies/1.2.", "has an empty component at position 4"),
                arguments("/studies/" + uid65, "the study UID '" + uid65 + "' has 65 characters"),
                arguments("/studies/1.2 /series/3.4", "the study UID '1.2 ' contains ' ' at position 4"),
                arguments("/studies/1.2\r/series/3.4", "contains '\r' at position 4"),
                arguments("/studies/１.2", "contains '１' at position 1"),
                arguments("/studies/1.2?x=1", "contains '?' at position 4"),
                arguments("/series/1.2", "segment 1 is 'series' where 'studies' is expected"));
    }

    @ParameterizedTest
    @MethodSource("invalidLines")
    void aBadLineRejectsTheFileNamingItsNumberAndTheProblem(String badLine, String problem) {
        String text = "/studies/1.1\n\n/studies/2.2/series/2.3\r\n" + badLine + "\n/studies/9.9\n";

        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageStartingWith("filter file filter.txt, line 4: ")
                .hasMessageContaining(problem);
    }

    @Test
    void theMessageListsTheAcceptedShapesAndTheUidRule() {
        assertThatThrownBy(() -> read("/study/1.2"))
                .hasMessage("filter file filter.txt, line 1: '/study/1.2' is not a filter path: segment 1 is 'study'"
                        + " where 'studies' is expected; a line is /studies/STUDY_UID, /studies/STUDY_UID/series/SERIES_UID"
                        + " or /studies/STUDY_UID/series/SERIES_UID/instances/INSTANCE_UID");
        assertThatThrownBy(() -> read("/studies/1.a"))
                .hasMessageEndingWith("a DICOM UID is digits and dots, at most 64 characters, with no empty component");
    }

    @Test
    void aLoneCarriageReturnDoesNotEndALine() {
        assertThatThrownBy(() -> read("/studies/1.2\r/studies/3.4\n"))
                .hasMessageContaining("line 1:").hasMessageContaining("segment 3 is 'studies' where 'series' is expected");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        byte[] head = "/studies/1.1\n/studies/2.2\n/studies/3.".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by a byte that cannot continue it
        bytes[head.length + 1] = '(';
        bytes[head.length + 2] = '\n';

        assertThatThrownBy(() -> FILE.read(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("filter file filter.txt, line 3: the file is not valid UTF-8 text (byte 38 starts a sequence"
                        + " that is not UTF-8)");
    }

    @Test
    void utf8BytesAreDecoded() {
        byte[] bytes = "\uFEFF/studies/1.2\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FILE.read(new ByteArrayInputStream(bytes)).selects("1.2", "3", "4")).isTrue();
        // a non-ASCII character is decoded, then refused as a UID character, not as an encoding error
        assertThatThrownBy(() -> FILE.read(new ByteArrayInputStream("/studies/1.é".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 1: the study UID '1.é' contains 'é' at position 3");
    }

    @Test
    void multiByteCharactersAcrossReadBuffersAreDecoded() {
        // U+3000 IDEOGRAPHIC SPACE is three bytes of white space; 5,000 lines straddle many 8 KiB buffers
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("\u3000/studies/1.").append(i).append("\u3000\r\n");
        }
        FilterSelection selection = FILE.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(selection.wholeStudyCount()).isEqualTo(5_000);
        assertThat(selection.selects("1.4999", "2", "3")).isTrue();
    }

    @Test
    void aSequenceCutShortAtTheEndIsNotUtf8() {
        byte[] bytes = "/studies/1.1\n\u3000".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> FILE.read(new ByteArrayInputStream(cut)))
                .hasMessageStartingWith("filter file filter.txt, line 2: the file is not valid UTF-8 text");
    }

    @Test
    void aHugeLineIsRefusedWithoutBeingBuffered() {
        String text = "/studies/1.1\n/studies/" + "1".repeat(1_000_000);
        assertThatThrownBy(() -> read(text))
                .hasMessage("filter file filter.txt, line 2: the line is longer than 4096 characters; a line is "
                        + FilterPath.SHAPES);
        assertThat(read("  /studies/1.1" + " ".repeat(4000) + "\n").selects("1.1", "2", "3")).isTrue();
    }

    @Test
    void unreadableInputIsAnInvalidArgumentNamingTheSource() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> FilterFile.named("/data/f.txt").read(broken))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("cannot read filter file /data/f.txt: disk on fire");
    }

    @Test
    void linesAlreadySplitAreNumberedFromOne() {
        FilterSelection selection = FILE.read(List.of("/studies/1.1", "", " /studies/2.2/series/3 "));
        assertThat(selection.selects("2.2", "3", "4")).isTrue();
        assertThatThrownBy(() -> FILE.read(List.of("/studies/1.1", "", "/studies/x")))
                .hasMessageStartingWith("filter file filter.txt, line 3: ");
    }

    @Test
    void aMillionLineFilterIsReadAndAnswersExactly() {
        // 10 studies x 100 series x 1,000 instances, every instance listed, plus 2 whole-series and 1 whole-study lines
        int studies = 10;
        int seriesPerStudy = 100;
        int instancesPerSeries = 1_000;
        Reader generated = new GeneratedLines(studies, seriesPerStudy, instancesPerSeries);

        FilterSelection selection = FILE.read(generated);

        assertThat(selection.instanceCount()).isEqualTo(studies * seriesPerStudy * instancesPerSeries);
        assertThat(selection.wholeSeriesCount()).isEqualTo(2);
        assertThat(selection.wholeStudyCount()).isEqualTo(1);
        for (int study = 0; study < studies; study += 3) {
            for (int series = 0; series < seriesPerStudy; series += 17) {
                for (int instance = 0; instance < instancesPerSeries; instance += 101) {
                    assertThat(selection.selects(GeneratedLines.study(study), GeneratedLines.series(study, series),
                            GeneratedLines.instance(study, series, instance))).isTrue();
                    assertThat(selection.selects(GeneratedLines.study(study), GeneratedLines.series(study, series),
                            GeneratedLines.instance(study, series, instance + instancesPerSeries))).isFalse();
                }
            }
        }
        assertThat(selection.selects(GeneratedLines.study(10), "1", "2")).as("the whole study line").isTrue();
        assertThat(selection.selects(GeneratedLines.study(0), GeneratedLines.series(0, 500), "1")).isTrue();
        assertThat(selection.selects(GeneratedLines.study(1), GeneratedLines.series(1, 500), "1")).isTrue();
        assertThat(selection.selects(GeneratedLines.study(2), GeneratedLines.series(2, 500), "1")).isFalse();
        assertThat(selection.selects(GeneratedLines.study(11), GeneratedLines.series(0, 0),
                GeneratedLines.instance(0, 0, 0))).isFalse();
        assertThat(selection.selects(GeneratedLines.study(1), GeneratedLines.series(0, 0),
                GeneratedLines.instance(0, 0, 0))).as("an instance under the wrong study").isFalse();
    }

    /** A filter file made on the fly, so the test never holds its million lines in memory at once. */
    private static final class GeneratedLines extends Reader {
        private static final String ROOT = "1.2.826.0.1.3680043.10.1234";
        private final int studies;
        private final int seriesPerStudy;
        private final int instancesPerSeries;
        private int study;
        private int series;
        private int instance;
        private int extra;
        private String current = "";
        private int position;

        GeneratedLines(int studies, int seriesPerStudy, int instancesPerSeries) {
            this.studies = studies;
            this.seriesPerStudy = seriesPerStudy;
            this.instancesPerSeries = instancesPerSeries;
        }

        static String study(int study) {
            return ROOT + "." + (study + 1);
        }

        static String series(int study, int series) {
            return study(study) + "." + (series + 1);
        }

        static String instance(int study, int series, int instance) {
            return series(study, series) + "." + (instance + 1);
        }

        private String nextLine() {
            if (study < studies) {
                String line = "/studies/" + study(study) + "/series/" + series(study, series) + "/instances/"
                        + instance(study, series, instance) + (instance % 2 == 0 ? "\n" : "\r\n");
                if (++instance == instancesPerSeries) {
                    instance = 0;
                    if (++series == seriesPerStudy) {
                        series = 0;
                        study++;
                    }
                }
                return line;
            }
            return switch (extra++) {
                case 0 -> "/studies/" + study(0) + "/series/" + series(0, 500) + "\n";
                case 1 -> "\n  /studies/" + study(1) + "/series/" + series(1, 500) + "  \n";
                case 2 -> "/studies/" + study(10) + "\n";
                default -> null;
            };
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length()) {
                String line = nextLine();
                if (line == null) {
                    return -1;
                }
                current = line;
                position = 0;
            }
            int count = Math.min(length, current.length() - position);
            current.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
