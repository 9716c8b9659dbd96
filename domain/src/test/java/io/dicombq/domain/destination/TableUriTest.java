package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TableUriTest {

    private static final String A30 = "a" + "b".repeat(29);
    private static final String D1024 = "D".repeat(1024);

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("bq://my-project.my_dataset.my_table", "my-project", "my_dataset", "my_table"),
                arguments("bq://abcdef.d.t", "abcdef", "d", "t"),
                arguments("bq://" + A30 + ".d.t", A30, "d", "t"),
                arguments("bq://a1-2-3.d.t", "a1-2-3", "d", "t"),
                arguments("bq://p-----9.d.t", "p-----9", "d", "t"),
                arguments("bq://project.Dataset_2024.t", "project", "Dataset_2024", "t"),
                arguments("bq://project._.t", "project", "_", "t"),
                arguments("bq://project.123.t", "project", "123", "t"),
                arguments("bq://project." + D1024 + ".t", "project", D1024, "t"),
                arguments("bq://project.d.Table With Spaces", "project", "d", "Table With Spaces"),
                arguments("bq://project.d.dash-table", "project", "d", "dash-table"),
                arguments("bq://project.d.em\u2014dash", "project", "d", "em\u2014dash"),
                arguments("bq://project.d.\u753b\u50cf\u691c\u67fb", "project", "d", "\u753b\u50cf\u691c\u67fb"),
                arguments("bq://project.d.\u00e9tude", "project", "d", "\u00e9tude"),
                arguments("bq://project.d.e\u0301tude", "project", "d", "e\u0301tude"),
                arguments("bq://project.d.\u0645\u0631\u064a\u0636", "project", "d", "\u0645\u0631\u064a\u0636"),
                arguments("bq://project.d.\u0418\u0441\u0441\u043b\u0435\u0434", "project", "d",
                        "\u0418\u0441\u0441\u043b\u0435\u0434"),
                arguments("bq://project.d.\u0968\u0966\u0968\u096a", "project", "d", "\u0968\u0966\u0968\u096a"),
                arguments("bq://project.d.x\u2164", "project", "d", "x\u2164"),
                arguments("bq://project.d.a\u203fb", "project", "d", "a\u203fb"),
                arguments("bq://project.d.nbsp\u00a0table", "project", "d", "nbsp\u00a0table"),
                arguments("bq://project.d.\ud835\udc00", "project", "d", "\ud835\udc00"),
                arguments("bq://project.d." + "t".repeat(1024), "project", "d", "t".repeat(1024)),
                arguments("bq://project.d." + "\u00e9".repeat(512), "project", "d", "\u00e9".repeat(512)),
                arguments("bq://project.d." + "\u753b".repeat(341), "project", "d", "\u753b".repeat(341)),
                arguments("bq://project.d._", "project", "d", "_"),
                arguments("bq://project.d.0", "project", "d", "0"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void acceptsValidUris(String uri, String project, String dataset, String table) {
        TableUri parsed = TableUri.parse(uri);

        assertThat(parsed).isEqualTo(new TableUri(project, dataset, table));
        assertThat(parsed.path()).isEqualTo(project + "." + dataset + "." + table);
        assertThat(parsed.toString()).isEqualTo(uri);
    }

    /** Each bad URI with the part named in the message and the phrase that says what is wrong. */
    static Stream<Arguments> refused() {
        String longTable = "t".repeat(1025);
        return Stream.of(
                arguments("", "tableUri is missing", "bq://PROJECT.DATASET.TABLE"),
                arguments("my-project.d.t", "does not start with 'bq://'", "'my-project.d.t'"),
                arguments("BQ://my-project.d.t", "does not start with 'bq://'", "'BQ://my-project.d.t'"),
                arguments("bigquery://my-project.d.t", "does not start with 'bq://'", "bigquery://"),
                arguments(" bq://my-project.d.t", "does not start with 'bq://'", "' bq://"),
                arguments("bq://", "has 1 part separated by '.'", "exactly three parts"),
                arguments("bq://my-project", "has 1 part separated by '.'", "exactly three parts"),
                arguments("bq://my-project.d", "has 2 parts separated by '.'", "exactly three parts"),
                arguments("bq://my-project.d.t.x", "has 4 parts separated by '.'", "exactly three parts"),
                arguments("bq://my-project.d.t.", "has 4 parts separated by '.'", "exactly three parts"),
                arguments("bq://.d.t", "empty project part", "three non-empty parts"),
                arguments("bq://my-project..t", "empty dataset part", "three non-empty parts"),
                arguments("bq://my-project.d.", "empty table part", "three non-empty parts"),
                arguments("bq://abcde.d.t", "project 'abcde' has 5 characters", "6 to 30 characters"),
                arguments("bq://" + A30 + "c.d.t", "project '" + A30 + "c' has 31 characters", "6 to 30"),
                arguments("bq://My-project.d.t", "project 'My-project' contains 'M' (U+004D", "lowercase ASCII"),
                arguments("bq://my_project.d.t", "project 'my_project' contains '_' (U+005F", "digits and '-'"),
                arguments("bq://my-proj\u00e9ct.d.t", "contains '\u00e9' (U+00E9", "project ID"),
                arguments("bq://my project.d.t", "project 'my project' contains ' ' (U+0020 SPACE) at position 3",
                        "project ID"),
                arguments("bq://1project.d.t", "project '1project' does not start with a lowercase letter",
                        "starting with a letter"),
                arguments("bq://-project.d.t", "project '-project' does not start with a lowercase letter",
                        "starting with a letter"),
                arguments("bq://project-.d.t", "project 'project-' ends with '-'", "not ending with '-'"),
                arguments("bq://google.com:project.d.t", "has 4 parts", "exactly three parts"),
                arguments("bq://project:x.d.t", "project 'project:x' contains ':' (U+003A", "project ID"),
                arguments("bq://project.my-dataset.t", "dataset 'my-dataset' contains '-' (U+002D", "dataset ID"),
                arguments("bq://project.my dataset.t", "dataset 'my dataset' contains ' '", "ASCII letters, digits and '_'"),
                arguments("bq://project.donn\u00e9es.t", "dataset 'donn\u00e9es' contains '\u00e9'", "dataset ID"),
                arguments("bq://project.d$.t", "dataset 'd$' contains '$' (U+0024", "dataset ID"),
                arguments("bq://project." + D1024 + "D.t", "dataset '" + "D".repeat(100) + "…' (1025 characters) has 1025 characters",
                        "1 to 1024 characters"),
                arguments("bq://project.d." + longTable, "table '" + "t".repeat(100) + "…' (1025 characters) has 1025 UTF-8 bytes",
                        "1 to 1024 UTF-8 bytes"),
                arguments("bq://project.d." + "\u00e9".repeat(513), "has 1026 UTF-8 bytes", "1 to 1024 UTF-8 bytes"),
                arguments("bq://project.d." + "\u753b".repeat(342), "has 1026 UTF-8 bytes", "table ID"),
                arguments("bq://project.d.scan\ud83d\ude00", "table 'scan\ud83d\ude00' contains '\ud83d\ude00' (U+1F600",
                        "Unicode letters, marks, numbers"),
                arguments("bq://project.d.\u2764", "contains '\u2764' (U+2764", "table ID"),
                arguments("bq://project.d.a/b", "table 'a/b' contains '/' (U+002F", "table ID"),
                arguments("bq://project.d.a$b", "table 'a$b' contains '$' (U+0024", "table ID"),
                arguments("bq://project.d.a@b", "contains '@'", "table ID"),
                arguments("bq://project.d.a'b", "contains ''' (U+0027", "table ID"),
                arguments("bq://project.d.a\tb", "contains (U+0009 CHARACTER TABULATION) at character 2", "table ID"),
                arguments("bq://project.d.a\nb", "contains (U+000A", "table ID"),
                arguments("bq://project.d.a+b", "contains '+' (U+002B", "table ID"),
                arguments("bq://project.d.a\u200bb", "(U+200B ZERO WIDTH SPACE)", "table ID"),
                arguments("bq://project.d.(t)", "contains '(' (U+0028", "table ID"),
                arguments("bq://project.d." + "t".repeat(2000), "has 2015 characters", "at most 2000 characters"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesInvalidUrisNamingPartAndRule(String uri, String problem, String rule) {
        DicombqException error = catchThrowableOfType(DicombqException.class, () -> TableUri.parse(uri));

        assertThat(error).as("parse(%s) must fail", uri).isNotNull();
        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains(problem).contains(rule);
    }

    @Test
    void thereAreAtLeastFortyCasesAndEveryRefusalSaysSomethingDifferent() {
        assertThat(accepted().count() + refused().count()).isGreaterThanOrEqualTo(40);
        Set<String> messages = new HashSet<>();
        refused().forEach(arguments -> {
            String uri = (String) arguments.get()[0];
            messages.add(catchThrowableOfType(DicombqException.class, () -> TableUri.parse(uri)).getMessage());
        });
        assertThat(messages).hasSize((int) refused().count());
    }

    @Test
    void aMissingUriIsRefused() {
        assertThatThrownBy(() -> TableUri.parse(null))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("tableUri is missing");
    }

    @Test
    void theUriLimitIsTwoThousandCharactersEvenWhenEveryPartIsWithinItsOwnLimit() {
        String longest = "bq://" + A30 + "." + D1024 + "." + "t".repeat(939);
        assertThat(longest).hasSize(TableUri.MAX_URI_LENGTH);

        assertThat(TableUri.parse(longest).toString()).isEqualTo(longest);
        assertThatThrownBy(() -> TableUri.parse(longest + "t"))
                .isInstanceOf(DicombqException.class)
                .hasMessageContaining("has 2001 characters; a tableUri has at most 2000 characters");
    }

    @Test
    void tableLengthCountsUtf8BytesNotCharacters() {
        String threeByteCharacters = "\u753b".repeat(341);
        assertThat(threeByteCharacters.getBytes(StandardCharsets.UTF_8)).hasSize(1023);
        assertThat(TableUri.parse("bq://project.d." + threeByteCharacters).table()).isEqualTo(threeByteCharacters);
        assertThatThrownBy(() -> TableUri.parse("bq://project.d." + threeByteCharacters + "ab"))
                .hasMessageContaining("has 1025 UTF-8 bytes");
    }

    @Test
    void theConstructorAppliesTheSameRulesSoNoInvalidTableUriExists() {
        for (List<String> parts : List.of(List.of("abc", "d", "t"), List.of("project", "", "t"),
                List.of("project", "d", "t\ud83d\ude00"), List.of("project", "d.e", "t"))) {
            assertThatThrownBy(() -> new TableUri(parts.get(0), parts.get(1), parts.get(2)))
                    .isInstanceOf(DicombqException.class);
        }
    }
}
