package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The string, regular-expression, date and JSON functions, each against the examples and results BigQuery's
 * GoogleSQL reference documents, plus NULL and error cases. The clock is fixed so CURRENT_DATE is known.
 */
class SqlFunctionsTest {
    private static final String T = "`my-project.dicom.ct`";
    private static final String J = "`my-project.dicom.docs`";
    private static final Instant NOW = Instant.parse("2026-11-25T23:30:00.123456789Z");
    private final H2Warehouse warehouse = H2Warehouse.inMemory("functions-" + UUID.randomUUID(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final QueryEngine engine = new H2QueryEngine(warehouse);

    @BeforeEach
    void load() {
        warehouse.createDataset("my-project", "dicom");
        TableUri ct = new TableUri("my-project", "dicom", "ct");
        warehouse.createTable(ct, CtRows.schema());
        warehouse.insertRows(ct, List.of(CtRows.instance(1, 1, 1, 1)));
        TableUri docs = new TableUri("my-project", "dicom", "docs");
        warehouse.createTable(docs, TableSchema.of(Column.of("Id", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE), Column.of("Text", ColumnType.STRING, Mode.NULLABLE)));
        String json = "{\"StudyInstanceUID\":\"1.2.3\",\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,0.661468]},"
                + "\"Rows\":512,\"a.b\":true,\"Empty\":null,\"Name\":{\"Alphabetic\":\"Doe^John\"},\"Odd\":1.50}";
        warehouse.insertRows(docs, List.of(Row.of(Map.of("Id", 1L, "Metadata", new JsonText(json), "Text", json)),
                Row.of(Map.of("Id", 2L))));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** One expression evaluated on the single CT row. */
    private Object value(String expression) {
        return engine.query(QueryRequest.of("SELECT " + expression + " AS v FROM " + T, "my-project")).rows().get(0).get("v");
    }

    private Object json(String expression) {
        return engine.query(QueryRequest.of("SELECT " + expression + " AS v FROM " + J + " WHERE Id = 1", "my-project"))
                .rows().get(0).get("v");
    }

    private static void assertInvalid(Runnable query, String message) {
        assertThatThrownBy(query::run).isInstanceOf(DicombqException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void int64OverflowIsAnErrorInBigQuerysWords() {
        assertInvalid(() -> value("9223372036854775807 + `Rows`"), "int64 overflow: 9223372036854775807 + 128");
        assertInvalid(() -> value("-9223372036854775807 - `Rows`"), "int64 overflow: -9223372036854775807 - 128");
        assertInvalid(() -> value("4611686018427387904 * `Rows`"), "int64 overflow: 4611686018427387904 * 128");
        assertThat(value("`Rows` + 1 - 2 * 3")).isEqualTo(123L);
        assertThat(value("`Rows` + CAST(NULL AS INT64)")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "SUBSTR(NULL, 1)", "SUBSTR('a', 1, NULL)", "ARRAY_TO_STRING(NULL, ',')", "ARRAY_TO_STRING(ImageType, ',', NULL)",
        "REGEXP_CONTAINS(NULL, 'a')", "REGEXP_EXTRACT(NULL, 'a')", "EXTRACT(DAY FROM NULL)", "DATE_DIFF(NULL, StudyDate, DAY)",
        "DATE_ADD(NULL, INTERVAL 1 DAY)", "FORMAT_DATE('%Y', NULL)", "PARSE_DATE('%Y', NULL)", "JSON_VALUE(NULL, '$')",
        "JSON_QUERY(NULL, '$')",
    })
    void aNullArgumentGivesNull(String expression) {
        assertThat(value(expression)).isNull();
    }

    @Test
    void functionResultsGroupAndOrderLikeColumns() {
        QueryResult result = engine.query(QueryRequest.of("SELECT EXTRACT(YEAR FROM StudyDate) AS year, FORMAT_DATE('%b', StudyDate) AS month,"
                + " COUNT(*) AS n FROM " + T + " GROUP BY year, month ORDER BY year", "my-project"));

        assertThat(result.rows()).extracting(Row::values).containsExactly(Map.of("year", 2004L, "month", "Jan", "n", 1L));
        QueryResult anonymous = engine.query(QueryRequest.of("SELECT SUBSTR(Modality, 1, 1) FROM " + T, "my-project"));
        assertThat(anonymous.schema().column("f0_").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void anonymousStructFieldsTakeBigQuerysNamesAndFieldsKeepTheirTypes() {
        QueryResult result = engine.query(QueryRequest.of("SELECT STRUCT(1, 'a') AS s, STRUCT(1 AS a, 2.5 AS b, TRUE AS c) AS t", "my-project"));

        assertThat(result.schema().column("s").fields()).extracting(Column::name).containsExactly("_field_1", "_field_2");
        Row s = (Row) result.rows().get(0).get("s");
        Row t = (Row) result.rows().get(0).get("t");
        assertThat(s.values()).containsExactlyInAnyOrderEntriesOf(Map.of("_field_1", 1L, "_field_2", "a"));
        // H2 2.3's own ROW cast would give ROW(1, 3, 1) here
        assertThat(t.values()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1L, "b", 2.5, "c", true));
    }

    @Test
    void errorFailsWithItsOwnMessageAndSafeErrorIsNull() {
        assertInvalid(() -> value("ERROR(CONCAT('no series for ', PatientID))"), "no series for ");
        assertThat(value("SAFE.ERROR('x')")).isNull();
    }

    @Test
    void theNewFunctionsAreStandardSqlOnly() {
        assertInvalid(() -> engine.query(QueryRequest.of("#legacySQL\nSELECT CURRENT_DATE() FROM [my-project:dicom.ct]", "my-project")),
                "function CURRENT_DATE() in legacy SQL");
        assertInvalid(() -> engine.query(QueryRequest.of("#legacySQL\nSELECT SUBSTR(Modality, 1) FROM [my-project:dicom.ct]", "my-project")),
                "function SUBSTR() in legacy SQL");
    }

    // ---- SUBSTR

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SUBSTR('apple', 2)|pple",
        "SUBSTR('apple', 2, 2)|pp",
        "SUBSTR('apple', -2)|le",
        "SUBSTR('apple', 1, 123)|apple",
        "SUBSTR('apple', 123)|''",
        "SUBSTR('apple', 123, 5)|''",
        "SUBSTR('apple', 0, 2)|ap",
        "SUBSTR('apple', -10, 2)|ap",
        "SUBSTR('apple', 3, 0)|''",
        "SUBSTRING('apple', 2, 3)|ppl",
        "SUBSTR('aé😀z', -2, 1)|😀",
        "SUBSTR(CAST(StudyDate AS STRING), 1, 4)|2004",
    })
    void substrFollowsTheReference(String expression, String expected) {
        assertThat(value(expression)).isEqualTo(expected);
    }

    @Test
    void substrNullsAndErrors() {
        assertThat(value("SUBSTR(PatientName.Alphabetic.MiddleName, 1)")).isNull();
        assertThat(value("SUBSTR('apple', NULL)")).isNull();
        assertThat(value("SUBSTR('apple', 1, NULL)")).isNull();
        assertInvalid(() -> value("SUBSTR('apple', 2, -1)"), "SUBSTR: the length must not be negative");
        assertInvalid(() -> value("SUBSTR(`Rows`, 1)"), "No matching signature for function SUBSTR");
        assertInvalid(() -> value("SUBSTR('apple', '1')"), "No matching signature for function SUBSTR");
        assertInvalid(() -> value("SUBSTR('apple')"), "No matching signature for function SUBSTR");
    }

    // ---- ARRAY_TO_STRING

    @Test
    void arrayToStringJoinsAndSkipsNullsUnlessGivenNullText() {
        List<String> drinks = Arrays.asList("coffee", "tea", "milk", null);
        Map<String, QueryParameter> parameters = new HashMap<>();
        parameters.put("drinks", new QueryParameter(ColumnType.STRING, drinks));
        QueryResult result = engine.query(new QueryRequest("SELECT ARRAY_TO_STRING(@drinks, '--') AS skipped,"
                + " ARRAY_TO_STRING(@drinks, '--', 'MISSING') AS replaced FROM " + T, "my-project", parameters, false));

        assertThat(result.rows().get(0).values()).containsEntry("skipped", "coffee--tea--milk")
                .containsEntry("replaced", "coffee--tea--milk--MISSING");
        assertThat(value("ARRAY_TO_STRING(ImageType, '\\\\')")).isEqualTo("ORIGINAL\\PRIMARY\\AXIAL");
        assertThat(value("ARRAY_TO_STRING(DroppedTags, ',')")).isEqualTo("");
        assertThat(value("ARRAY_TO_STRING(ImageType, NULL)")).isNull();
        assertInvalid(() -> value("ARRAY_TO_STRING(Modality, ',')"), "No matching signature for function ARRAY_TO_STRING");
        assertInvalid(() -> value("ARRAY_TO_STRING(ProcedureCodeSequence, ',')"), "No matching signature for function ARRAY_TO_STRING");
    }

    @Test
    void theFunctionExamplesOfTheSchemaDocRunVerbatim() {
        warehouse.createDataset("my-project", "imaging");
        TableUri dicom = new TableUri("my-project", "imaging", "dicom");
        warehouse.createTable(dicom, CtRows.schema());
        Map<String, Object> instance = new LinkedHashMap<>(CtRows.instance(1, 1, 1, 1).values());
        instance.put("OtherElements", List.of(Row.of(Map.of("Tag", "Tag_00090010", "Data", List.of("GEMS_IDEN_01"))),
                Row.of(Map.of("Tag", "Tag_00091001", "Data", List.of("CT_LIGHTSPEED")))));
        warehouse.insertRows(dicom, List.of(Row.of(instance)));
        TableUri json = new TableUri("my-project", "imaging", "dicom_json");
        warehouse.createTable(json, TableSchema.of(Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE)));
        warehouse.insertRows(json, List.of(Row.of(Map.of("SOPInstanceUID", "1.2.3",
                "Metadata", new JsonText("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^John\"}]}}")))));

        // docs/schema.md, "Private elements" and "JSON layout".
        QueryResult creators = engine.query(QueryRequest.of("-- which private creators appear, and how often\n"
                + "SELECT e.Data[SAFE_OFFSET(0)] AS creator, COUNT(*) AS instances\n"
                + "FROM `my-project.imaging.dicom`, UNNEST(OtherElements) AS e\n"
                + "WHERE REGEXP_CONTAINS(e.Tag, r'^Tag_[0-9A-F]{4}00[1-9A-F][0-9A-F]$')\n"
                + "GROUP BY creator ORDER BY instances DESC;", "my-project"));
        QueryResult names = engine.query(QueryRequest.of("SELECT SOPInstanceUID, JSON_VALUE(Metadata, '$.\"00100010\".Value[0].Alphabetic') AS patient_name\n"
                + "FROM `my-project.imaging.dicom_json`;", "my-project"));

        assertThat(creators.rows()).extracting(Row::values).containsExactly(Map.of("creator", "GEMS_IDEN_01", "instances", 1L));
        assertThat(names.rows()).extracting(r -> r.get("patient_name")).containsExactly("Doe^John");
    }

    // ---- STARTS_WITH, ENDS_WITH, ARRAY_LENGTH (already supported; checked against the reference)

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "STARTS_WITH('foo', 'b')#false", "STARTS_WITH('bar', 'b')#true", "STARTS_WITH('baz', '')#true",
        "STARTS_WITH('b', 'bar')#false", "ENDS_WITH('apple', 'e')#true", "ENDS_WITH('banana', 'e')#false",
        "ENDS_WITH('orange', 'e')#true", "ENDS_WITH(Modality, 'T')#true", "STARTS_WITH(Modality, 'c')#false",
    })
    void startsWithAndEndsWith(String expression, boolean expected) {
        assertThat(value(expression)).isEqualTo(expected);
    }

    @Test
    void startsWithEndsWithAndArrayLengthNullsAndErrors() {
        assertThat(value("STARTS_WITH(PatientName.Alphabetic.MiddleName, 'a')")).isNull();
        assertThat(value("ENDS_WITH('a', NULL)")).isNull();
        assertThat(value("ARRAY_LENGTH(ImageType)")).isEqualTo(3L);
        assertThat(value("ARRAY_LENGTH(DroppedTags)")).isEqualTo(0L);
        assertThat(value("ARRAY_LENGTH(NULL)")).isNull();
        assertInvalid(() -> value("STARTS_WITH(`Rows`, '1')"), "No matching signature for function STARTS_WITH");
        assertInvalid(() -> value("ARRAY_LENGTH(Modality)"), "No matching signature for function ARRAY_LENGTH");
    }

    // ---- regular expressions

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "REGEXP_CONTAINS('foo@example.com', r'@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+')#true",
        "REGEXP_CONTAINS('www.example.net', r'@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+')#false",
        "REGEXP_CONTAINS('a@foo.com', r'^([\\w.+-]+@foo\\.com|[\\w.+-]+@bar\\.org)$')#true",
        "REGEXP_CONTAINS('a@foo.computer', r'^([\\w.+-]+@foo\\.com|[\\w.+-]+@bar\\.org)$')#false",
        "REGEXP_CONTAINS('b@bar.org', r'^([\\w.+-]+@foo\\.com|[\\w.+-]+@bar\\.org)$')#true",
        "REGEXP_CONTAINS('abc\\n', 'abc$')#false",
        "REGEXP_CONTAINS('x\\nabc\\n', '(?m)^abc$')#true",
        "REGEXP_CONTAINS('ab12', '^[[:alpha:]]+[[:digit:]]+$')#true",
        "REGEXP_CONTAINS('dig:', '[[:digit:]]')#false",
        "REGEXP_CONTAINS('&', '[a&&b]')#true",
        "REGEXP_CONTAINS('a{', 'a{')#true",
        "REGEXP_CONTAINS('ÉCOLE', '(?i)école')#true",
        "REGEXP_CONTAINS('é', r'\\bé')#false",
        "REGEXP_CONTAINS('CT', r'\\bCT\\b')#true",
        "REGEXP_CONTAINS('a\\u2028b', 'a.b')#true",
    })
    void regexpContainsReadsPatternsAsRe2Does(String expression, boolean expected) {
        assertThat(value(expression.replace("\\u2028", "\u2028"))).isEqualTo(expected);
    }

    @Test
    void regexpContainsOnColumnsNullsAndRefusals() {
        assertThat(value("REGEXP_CONTAINS(SOPClassUID, r'^1\\.2\\.840\\.10008\\.5\\.1\\.4\\.1\\.1\\.2$')")).isEqualTo(true);
        assertThat(value("REGEXP_CONTAINS(PatientName.Alphabetic.MiddleName, 'x')")).isNull();
        assertThat(value("REGEXP_CONTAINS('x', NULL)")).isNull();
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', r'(a)\\1')"), "backreferences");
        assertInvalid(() -> value("REGEXP_CONTAINS('ab', 'a(?=b)')"), "lookahead");
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', 'a*+')"), "possessive");
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', '(?U)a*')"), "U (ungreedy)");
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', 'a{1001}')"), "above 1000");
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', '(a')"), "( without its )");
        // a pattern that is not a literal is read as RE2 for each row
        assertThat(value("REGEXP_CONTAINS(Modality, CONCAT('^', Modality, '$'))")).isEqualTo(true);
        assertInvalid(() -> value("REGEXP_CONTAINS('aa', CONCAT('(', Modality))"), "( without its )");
        assertInvalid(() -> value("REGEXP_CONTAINS(`Rows`, 'a')"), "No matching signature for function REGEXP_CONTAINS");
    }

    @Test
    void re2TranslationSpellsOutRe2Meanings() {
        assertThat(java.util.regex.Pattern.compile(Re2.translate("F", "\\s").java()).matcher("\u000B").find()).isFalse();
        assertThat(java.util.regex.Pattern.compile(Re2.translate("F", "\\v").java()).matcher("\u000B").find()).isTrue();
        assertThat(java.util.regex.Pattern.compile(Re2.translate("F", "\\v").java()).matcher("\n").find()).isFalse();
        assertThat(java.util.regex.Pattern.compile(Re2.translate("F", "\\p{Greek}+").java()).matcher("αβ").matches()).isTrue();
        assertThat(Re2.translate("F", "(?P<name>a)(b)(?:c)").groups()).isEqualTo(2);
    }

    @Test
    void regexpExtractReturnsTheMatchOrItsGroup() {
        assertThat(value("REGEXP_EXTRACT('foo@example.com', r'^[a-zA-Z0-9_.+-]+')")).isEqualTo("foo");
        assertThat(value("REGEXP_EXTRACT('foo@example.com', r'^([a-zA-Z0-9_.+-]+)@')")).isEqualTo("foo");
        assertThat(value("REGEXP_EXTRACT('foo@example.com', r'@(x)?example')")).isNull();
        assertThat(value("REGEXP_EXTRACT('foo', 'bar')")).isNull();
        assertThat(value("REGEXP_EXTRACT('foo', 'x*')")).isEqualTo("");
        assertInvalid(() -> value("REGEXP_EXTRACT('foo', '(f)(o)')"), "at most one capturing group, it has 2");
    }

    // ---- EXTRACT

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DATE '2005-01-03'|2005|1|2005|1",
        "DATE '2007-12-31'|2008|1|2007|52",
        "DATE '2009-01-01'|2009|1|2009|0",
        "DATE '2009-12-31'|2009|53|2009|52",
        "DATE '2017-01-02'|2017|1|2017|1",
        "DATE '2017-05-26'|2017|21|2017|21",
    })
    void extractIsoAndSundayWeeksAsTheReferenceTable(String date, long isoYear, long isoWeek, long year, long week) {
        QueryResult result = engine.query(QueryRequest.of("SELECT EXTRACT(ISOYEAR FROM " + date + ") AS isoyear, EXTRACT(ISOWEEK FROM "
                + date + ") AS isoweek, EXTRACT(YEAR FROM " + date + ") AS year, EXTRACT(WEEK FROM " + date + ") AS week FROM " + T, "my-project"));

        assertThat(result.rows().get(0).values()).containsEntry("isoyear", isoYear).containsEntry("isoweek", isoWeek)
                .containsEntry("year", year).containsEntry("week", week);
        assertThat(result.schema().column("week").type()).isEqualTo(ColumnType.INTEGER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXTRACT(DAY FROM DATE '2013-12-25')|25",
        "EXTRACT(WEEK(SUNDAY) FROM DATE '2017-11-05')|45",
        "EXTRACT(WEEK(MONDAY) FROM DATE '2017-11-05')|44",
        "EXTRACT(DAYOFWEEK FROM DATE '2017-11-05')|1",
        "EXTRACT(DAYOFWEEK FROM DATE '2017-11-04')|7",
        "EXTRACT(DAYOFYEAR FROM StudyDate)|27",
        "EXTRACT(QUARTER FROM DATE '2008-12-25')|4",
        "EXTRACT(MONTH FROM StudyDate)|1",
        "EXTRACT(HOUR FROM StudyTime)|7",
        "EXTRACT(MINUTE FROM StudyTime)|21",
        "EXTRACT(HOUR FROM TIMESTAMP '2008-12-25 05:30:00+00')|5",
        "EXTRACT(HOUR FROM TIMESTAMP '2008-12-25 05:30:00+05')|0",
        "EXTRACT(MILLISECOND FROM TIMESTAMP '2008-12-25 05:30:00.123456+00')|123",
        "EXTRACT(MICROSECOND FROM DATETIME '2008-12-25 05:30:00.123456')|123456",
        "EXTRACT(SECOND FROM DATETIME '2008-12-25 05:30:07.9')|7",
    })
    void extractParts(String expression, long expected) {
        assertThat(value(expression)).isEqualTo(expected);
    }

    @Test
    void extractDateTimeAndDatetimeFromTimestampsInUtc() {
        assertThat(value("EXTRACT(DATE FROM TIMESTAMP '2008-12-25 23:30:00-05')")).isEqualTo(LocalDate.of(2008, 12, 26));
        assertThat(value("EXTRACT(TIME FROM TIMESTAMP '2008-12-25 23:30:00-05')")).isEqualTo(LocalTime.of(4, 30));
        assertThat(value("EXTRACT(DATETIME FROM TIMESTAMP '2008-12-25 23:30:00-05')")).isEqualTo(LocalDateTime.of(2008, 12, 26, 4, 30));
        assertThat(value("EXTRACT(TIME FROM DATETIME '2008-12-25 15:30:00')")).isEqualTo(LocalTime.of(15, 30));
        assertThat(value("EXTRACT(YEAR FROM CAST(NULL AS DATE))")).isNull();
    }

    @Test
    void extractRejectsPartsTheTypeHasNot() {
        assertInvalid(() -> value("EXTRACT(HOUR FROM StudyDate)"), "EXTRACT from DATE does not support the HOUR date part");
        assertInvalid(() -> value("EXTRACT(YEAR FROM StudyTime)"), "EXTRACT from TIME does not support the YEAR date part");
        assertInvalid(() -> value("EXTRACT(FORTNIGHT FROM StudyDate)"), "A valid date part name is required but found FORTNIGHT");
        assertInvalid(() -> value("EXTRACT(YEAR FROM `Rows`)"), "No matching signature for function EXTRACT");
        assertInvalid(() -> value("EXTRACT(WEEK(FUNDAY) FROM StudyDate)"), "A valid date part argument for WEEK is required, but found FUNDAY");
        assertInvalid(() -> value("EXTRACT(YEAR FROM StudyDate AT TIME ZONE 'UTC')"), "EXTRACT from DATE does not support AT TIME ZONE");
    }

    // ---- DATE_DIFF, DATE_ADD, DATE_SUB, CURRENT_*

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DATE '2010-07-07', DATE '2008-12-25', DAY|559",
        "DATE '2008-12-25', DATE '2010-07-07', DAY|-559",
        "DATE '2017-10-15', DATE '2017-10-14', DAY|1",
        "DATE '2017-10-15', DATE '2017-10-14', WEEK|1",
        "DATE '2017-12-30', DATE '2014-12-30', YEAR|3",
        "DATE '2017-12-30', DATE '2014-12-30', ISOYEAR|2",
        "DATE '2017-12-18', DATE '2017-12-17', WEEK|0",
        "DATE '2017-12-18', DATE '2017-12-17', WEEK(MONDAY)|1",
        "DATE '2017-12-18', DATE '2017-12-17', ISOWEEK|1",
        "DATE '2018-01-01', DATE '2017-12-31', MONTH|1",
        "DATE '2018-01-01', DATE '2017-12-31', QUARTER|1",
        "'2018-01-01', StudyDate, YEAR|14",
        "DATE '0001-01-07', DATE '0001-01-01', WEEK|1",
    })
    void dateDiffCountsBoundariesCrossed(String args, long expected) {
        assertThat(value("DATE_DIFF(" + args + ")")).isEqualTo(expected);
    }

    @Test
    void dateAddAndSubKeepToTheMonthEnd() {
        assertThat(value("DATE_ADD(DATE '2008-12-25', INTERVAL 5 DAY)")).isEqualTo(LocalDate.of(2008, 12, 30));
        assertThat(value("DATE_SUB(DATE '2008-12-25', INTERVAL 5 DAY)")).isEqualTo(LocalDate.of(2008, 12, 20));
        assertThat(value("DATE_ADD(DATE '2008-01-31', INTERVAL 1 MONTH)")).isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(value("DATE_SUB(StudyDate, INTERVAL 1 QUARTER)")).isEqualTo(LocalDate.of(2003, 10, 27));
        assertThat(value("DATE_ADD(StudyDate, INTERVAL 2 WEEK)")).isEqualTo(LocalDate.of(2004, 2, 10));
        assertThat(value("DATE_ADD(StudyDate, INTERVAL NULL YEAR)")).isNull();
        assertInvalid(() -> value("DATE_ADD(DATE '9999-12-31', INTERVAL 1 DAY)"), "leaves BigQuery's date range");
        assertInvalid(() -> value("DATE_ADD(StudyDate, INTERVAL 1 HOUR)"), "DATE_ADD does not support the HOUR date part");
        assertInvalid(() -> value("DATE_ADD(StudyDate, 1)"), "Expected INTERVAL expression");
        assertInvalid(() -> value("DATE_ADD(StudyTime, INTERVAL 1 DAY)"), "No matching signature for function DATE_ADD");
        assertInvalid(() -> value("DATE_DIFF(StudyDate, StudyTime, DAY)"), "No matching signature for function DATE_DIFF");
        assertInvalid(() -> value("DATE_DIFF(StudyDate, StudyDate, HOUR)"), "DATE_DIFF does not support the HOUR date part");
    }

    @Test
    void currentDateAndTimestampUseTheInjectedClockInUtc() {
        QueryResult result = engine.query(QueryRequest.of("SELECT CURRENT_DATE() AS d, CURRENT_DATE AS bare,"
                + " CURRENT_DATE('Asia/Tokyo') AS tokyo, CURRENT_TIMESTAMP() AS ts, CURRENT_DATETIME() AS dt,"
                + " DATE_DIFF(CURRENT_DATE(), DATE '1970-06-30', YEAR) AS age FROM " + T, "my-project"));

        assertThat(result.rows().get(0).values()).containsEntry("d", LocalDate.of(2026, 11, 25))
                .containsEntry("bare", LocalDate.of(2026, 11, 25)).containsEntry("tokyo", LocalDate.of(2026, 11, 26))
                .containsEntry("ts", Instant.parse("2026-11-25T23:30:00.123456Z"))
                .containsEntry("dt", LocalDateTime.of(2026, 11, 25, 23, 30, 0, 123_456_000)).containsEntry("age", 56L);
        assertThat(result.schema().column("ts").type()).isEqualTo(ColumnType.TIMESTAMP);
        assertInvalid(() -> value("CURRENT_DATE('Mars/Olympus')"), "invalid time zone Mars/Olympus");
        assertInvalid(() -> value("CURRENT_TIMESTAMP('UTC')"), "No matching signature for function CURRENT_TIMESTAMP");
    }

    // ---- FORMAT_DATE and PARSE_DATE

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%x|12/25/08",
        "%b-%d-%Y|Dec-25-2008",
        "%b %Y|Dec 2008",
        "%A %a %B %h|Thursday Thu December Dec",
        "%e|25",
        "%j %U %W %V %G %g|360 51 51 52 2008 08",
        "%u %w %Q %C %y|4 4 4 20 08",
        "%D %F %E4Y %%|12/25/08 2008-12-25 2008 %",
    })
    void formatDateElements(String format, String expected) {
        assertThat(value("FORMAT_DATE('" + format + "', DATE '2008-12-25')")).isEqualTo(expected);
    }

    @Test
    void formatDateOnColumnsNullsAndRefusals() {
        assertThat(value("FORMAT_DATE('%Y%m%d', StudyDate)")).isEqualTo("20040127");
        assertThat(value("FORMAT_DATE('%e', DATE '2008-12-05')")).isEqualTo(" 5");
        assertThat(value("FORMAT_DATE('%Y', CAST(NULL AS DATE))")).isNull();
        assertInvalid(() -> value("FORMAT_DATE('%H:%M', StudyDate)"), "(FORMAT_DATE: the format element %H) is not supported by the embedded warehouse");
        assertInvalid(() -> value("FORMAT_DATE('%Ey', StudyDate)"), "(FORMAT_DATE: the format element %Ey) is not supported by the embedded warehouse");
        assertInvalid(() -> value("FORMAT_DATE(Modality, StudyDate)"), "FORMAT_DATE with a format string that is not a string literal");
        assertInvalid(() -> value("FORMAT_DATE('%Y', StudyTime)"), "No matching signature for function FORMAT_DATE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%A %b %e %Y|Thursday Dec 25 2008|2008-12-25",
        "%Y%m%d|20081225|2008-12-25",
        "%F|2000-12-30|2000-12-30",
        "%x|12/25/08|2008-12-25",
        "%Y-%m-%d|  2008-1-5 |2008-01-05",
        "%d %B %Y|25   december 2008|2008-12-25",
        "%Y|2008|2008-01-01",
        "%y%m%d|691225|1969-12-25",
    })
    void parseDateReadsTheFormat(String format, String text, String expected) {
        assertThat(value("PARSE_DATE('" + format + "', '" + text + "')")).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void generateUuidIsAVersion4UuidInLowerCasePerRow() {
        java.util.List<String> ids = engine.query(QueryRequest.of("SELECT GENERATE_UUID() AS u FROM UNNEST(GENERATE_ARRAY(1, 50))",
                "my-project")).rows().stream().map(r -> (String) r.get("u")).toList();

        // BigQuery docs: 8-4-4-4-12 lower-case hexadecimal digits, 122 random bits (RFC 4122 section 4.4)
        assertThat(ids).hasSize(50).allSatisfy(id -> assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(ids.stream().distinct()).hasSize(50);
    }

    @Test
    void parseDateNullsAndErrors() {
        assertThat(value("PARSE_DATE('%Y%m%d', PatientName.Alphabetic.MiddleName)")).isNull();
        assertInvalid(() -> value("PARSE_DATE('%Y-%m-%d', '2008/12/25')"), "Failed to parse input string \"2008/12/25\"");
        assertInvalid(() -> value("PARSE_DATE('%Y-%m-%d', '2008-02-30')"), "Failed to parse input string");
        assertInvalid(() -> value("PARSE_DATE('%A %F', 'Monday 2008-12-25')"), "names MONDAY but 2008-12-25 is a THURSDAY");
        assertThat(value("PARSE_DATE('%j', '100')")).isEqualTo(LocalDate.parse("1970-04-10"));
        assertInvalid(() -> value("PARSE_DATE('%Y %j', '2023 366')"), "Year 2023 has 365 days, but the specified day of year was 366");
        assertInvalid(() -> engine.query(QueryRequest.of("SELECT PARSE_DATE('%Y', Modality) AS d, COUNT(*) AS n FROM " + T
                + " GROUP BY d ORDER BY d", "my-project")), "Failed to parse input string \"CT\"");
        assertInvalid(() -> value("PARSE_DATE('%Y', `Rows`)"), "No matching signature for function PARSE_DATE");
    }

    // ---- JSON

    @Test
    void jsonValueOnJsonAndStringColumns() {
        for (String column : List.of("Metadata", "Text")) {
            assertThat(json("JSON_VALUE(" + column + ", '$.StudyInstanceUID')")).isEqualTo("1.2.3");
            assertThat(json("JSON_VALUE(" + column + ", '$.00280030.Value[0]')")).isEqualTo("0.5");
            assertThat(json("JSON_VALUE(" + column + ", '$.\"00280030\".Value[1]')")).isEqualTo("0.661468");
            assertThat(json("JSON_VALUE(" + column + ", '$.Rows')")).isEqualTo("512");
            assertThat(json("JSON_VALUE(" + column + ", '$.\"a.b\"')")).isEqualTo("true");
            assertThat(json("JSON_VALUE(" + column + ", '$.Name')")).isNull();
            assertThat(json("JSON_VALUE(" + column + ", '$.Empty')")).isNull();
            assertThat(json("JSON_VALUE(" + column + ", '$.Missing.Deeper[3]')")).isNull();
        }
        assertThat(json("JSON_QUERY(Metadata, '$.Odd')")).isEqualTo(new JsonText("1.5"));
        assertInvalid(() -> json("JSON_VALUE(Text, '$.Odd')"), "JSON_VALUE of the number 1.50 at $.Odd (a form");
        assertThat(value("JSON_VALUE('{\"name\": \"Jakob\", \"age\": \"6\"}', '$.age')")).isEqualTo("6");
        assertThat(value("JSON_VALUE('{\"fruits\": [\"apple\", \"banana\"]}', '$.fruits')")).isNull();
        assertThat(value("JSON_VALUE('{\"fruits\": [\"apple\", \"banana\"]}', '$.fruits[1]')")).isEqualTo("banana");
        assertThat(value("JSON_VALUE('\"plain\"')")).isEqualTo("plain");
        QueryResult missing = engine.query(QueryRequest.of("SELECT JSON_VALUE(Metadata, '$.Rows') AS v FROM " + J + " WHERE Id = 2", "my-project"));
        assertThat(missing.rows().get(0).get("v")).isNull();
    }

    @Test
    void jsonQueryReturnsJsonForJsonAndStringForString() {
        QueryResult result = engine.query(QueryRequest.of("SELECT JSON_QUERY(Metadata, '$.Name') AS j, JSON_QUERY(Text, '$.Name') AS s,"
                + " JSON_QUERY(Metadata, '$.\"00280030\"') AS sorted, JSON_QUERY(Metadata, '$.Empty') AS n,"
                + " JSON_QUERY(Metadata, '$.Nope') AS missing FROM " + J + " WHERE Id = 1", "my-project"));

        Row row = result.rows().get(0);
        assertThat(row.get("j")).isEqualTo(new JsonText("{\"Alphabetic\":\"Doe^John\"}"));
        assertThat(result.schema().column("j").type()).isEqualTo(ColumnType.JSON);
        assertThat(row.get("s")).isEqualTo("{\"Alphabetic\":\"Doe^John\"}");
        assertThat(result.schema().column("s").type()).isEqualTo(ColumnType.STRING);
        // BigQuery's JSON type keeps an object's members sorted by name.
        assertThat(row.get("sorted")).isEqualTo(new JsonText("{\"Value\":[0.5,0.661468],\"vr\":\"DS\"}"));
        assertInvalid(() -> json("JSON_QUERY(Text, '$.\"00280030\"')"), "whose members are out of name order");
        assertThat(row.get("n")).isEqualTo(new JsonText("null"));
        assertThat(row.get("missing")).isNull();
        assertThat(value("JSON_QUERY('{\"class\": {\"students\": [{\"name\": \"Jane\"}]}}', '$.class')"))
                .isEqualTo("{\"students\":[{\"name\":\"Jane\"}]}");
    }

    @Test
    void jsonFunctionErrors() {
        assertInvalid(() -> value("JSON_VALUE(`Rows`, '$')"), "No matching signature for function JSON_VALUE");
        assertInvalid(() -> value("JSON_VALUE('{}', 'a.b')"), "invalid JSONPath \"a.b\": it must start with $");
        assertInvalid(() -> value("JSON_VALUE('{}', Modality)"), "Argument 2 to JSON_VALUE must be a literal or query parameter");
        // a STRING is read only up to the value found (BigQuery docs: JSON functions, non-validation of STRING inputs);
        // what BigQuery answers for text that is not JSON before it is not known, so it is refused by name
        assertInvalid(() -> value("JSON_VALUE('{not json', '$')"), "JSON_VALUE on a STRING that is not valid JSON");
        assertInvalid(() -> value("JSON_VALUE('{not json', '$')"), "is not supported by the embedded warehouse");
        assertThat(value("JSON_VALUE('{\"a\": 1} {}', '$.a')")).isEqualTo("1");
        assertThat(value("JSON_VALUE('{\"a\": 1, \"b\": [}', '$.a')")).isEqualTo("1");
        assertInvalid(() -> value("JSON_VALUE('{\"a\": 1, \"b\": [}', '$.b')"), "JSON_VALUE on a STRING that is not valid JSON");
        assertInvalid(() -> value("JSON_VALUE('', '$')"), "the input is empty");
        assertThat(value("JSON_VALUE('{\"a\": 1, \"a\": 2}', '$.a')")).isEqualTo("1");
        assertInvalid(() -> value("JSON_VALUE('{\"a\": 1, \"a\": 2, \"b\": 3}', '$.b')"), "Duplicate field 'a'");
        assertInvalid(() -> value("JSON_VALUE(JSON '{\"a\": 1', '$.a')"), "Invalid JSON literal");
    }

    @Test
    void jsonArrayFunctionsGiveNullForAStringThatIsNotJson() {
        // BigQuery docs (JSON_EXTRACT_ARRAY, JSON_EXTRACT_STRING_ARRAY, JSON_VALUE_ARRAY): "If the JSON formatted string
        // is invalid, then NULL is returned" (a NULL array is written as [] in a result, so IS NULL tells them apart)
        assertThat(value("JSON_EXTRACT_STRING_ARRAY('}}', '$') IS NULL")).isEqualTo(true);
        assertThat(value("JSON_VALUE_ARRAY('}}', '$') IS NULL")).isEqualTo(true);
        assertThat(value("JSON_EXTRACT_ARRAY('}}', '$') IS NULL")).isEqualTo(true);
        assertThat(value("JSON_VALUE_ARRAY('[\"a\", ', '$[1]') IS NULL")).isEqualTo(true);
        assertThat(value("JSON_EXTRACT_STRING_ARRAY('{\"a\": [1, }', '$.a') IS NULL")).isEqualTo(true);
        assertThat(value("JSON_VALUE_ARRAY('', '$') IS NULL")).isEqualTo(true);
        // the text is still read only up to the value found (non-validation of STRING inputs)
        assertThat(value("JSON_VALUE_ARRAY('{\"a\": [\"x\", 2]', '$.a')")).isEqualTo(List.of("x", "2"));
        // JSON_QUERY_ARRAY's documentation says nothing of invalid text, and duplicate names stay unknown: refused
        assertInvalid(() -> value("JSON_QUERY_ARRAY('}}', '$')"), "is not supported by the embedded warehouse");
        assertInvalid(() -> value("JSON_VALUE_ARRAY('{\"a\": 1, \"a\": 2, \"b\": [3]}', '$.b')"), "Duplicate field 'a'");
        // an invalid JSONPath is still an error
        assertInvalid(() -> value("JSON_VALUE_ARRAY('}}', 'a')"), "it must start with $");
    }

    @Test
    void aStructWithOnlyNullFieldsIsNotNull() {
        TableUri structs = new TableUri("my-project", "dicom", "structs");
        warehouse.createTable(structs, TableSchema.of(Column.of("Id", ColumnType.INTEGER, Mode.NULLABLE),
                Column.record("R", Mode.NULLABLE, List.of(Column.of("A", ColumnType.INTEGER, Mode.NULLABLE),
                        Column.of("B", ColumnType.STRING, Mode.NULLABLE)))));
        warehouse.insertRows(structs, List.of(Row.of(Map.of("Id", 1L, "R", Row.of(Map.of()))),
                Row.of(Map.of("Id", 2L, "R", Row.of(Map.of("A", 7L)))), Row.of(Map.of("Id", 3L))));

        QueryResult result = engine.query(QueryRequest.of("SELECT Id, R IS NULL AS is_null, R IS NOT NULL AS is_not_null,"
                + " TO_JSON_STRING(R) AS json FROM `my-project.dicom.structs` ORDER BY Id", "my-project"));

        assertThat(result.rows()).extracting(r -> r.get("is_null") + " " + r.get("is_not_null") + " " + r.get("json")).containsExactly(
                "false true {\"A\":null,\"B\":null}", "false true {\"A\":7,\"B\":null}", "true false null");
    }

    @Test
    void toJsonStringOfStructsArraysAndScalars() {
        assertThat(value("TO_JSON_STRING(PatientName.Alphabetic)")).isEqualTo("{\"FamilyName\":\"CompressedSamples1\","
                + "\"GivenName\":\"CT1\",\"MiddleName\":null,\"NamePrefix\":null,\"NameSuffix\":null}");
        assertThat(value("TO_JSON_STRING(ImageType)")).isEqualTo("[\"ORIGINAL\",\"PRIMARY\",\"AXIAL\"]");
        assertThat(value("TO_JSON_STRING(DroppedTags)")).isEqualTo("[]");
        assertThat(value("TO_JSON_STRING(`Rows`)")).isEqualTo("128");
        assertThat(value("TO_JSON_STRING(9007199254740993)")).isEqualTo("\"9007199254740993\"");
        assertThat(value("TO_JSON_STRING(StudyDate)")).isEqualTo("\"2004-01-27\"");
        assertThat(value("TO_JSON_STRING('say \"hi\"\\n')")).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(value("TO_JSON_STRING(NULL)")).isEqualTo("null");
        assertThat(value("TO_JSON_STRING(TRUE)")).isEqualTo("true");
        assertInvalid(() -> value("TO_JSON_STRING(1.5)"), "TO_JSON_STRING of FLOAT64");
        assertInvalid(() -> value("TO_JSON_STRING(ProcedureCodeSequence)"), "TO_JSON_STRING of ARRAY<STRUCT");
        assertInvalid(() -> value("TO_JSON_STRING('<b>')"), "whose JSON escaping the embedded engine does not reproduce");
    }

    @Test
    void anyValueIsTheFirstNonNullValueNotOneAtRandom() {
        // BigQuery docs (ANY_VALUE): rows whose value is NULL are not chosen; its example answers the first row.
        // ZetaSQL's reference answers NULL when the first value is NULL, so this is held here, not in DifferentialTest.
        QueryResult result = engine.query(QueryRequest.of("SELECT ANY_VALUE(x) AS a, ANY_VALUE(IF(x > 250, x, NULL)) AS b,"
                + " ANY_VALUE(CAST(NULL AS STRING)) AS c FROM UNNEST(ARRAY_CONCAT([CAST(NULL AS INT64)], GENERATE_ARRAY(1, 300))) x",
                "my-project"));

        assertThat(result.rows().get(0).get("a")).isEqualTo(1L);
        assertThat(result.rows().get(0).get("b")).isEqualTo(251L);
        assertThat(result.rows().get(0).get("c")).isNull();
    }
}
