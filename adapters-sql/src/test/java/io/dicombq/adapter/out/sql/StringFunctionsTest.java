package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The string functions whose answers ZetaSQL's reference implementation cannot check (it lacks TO_BASE32 and
 * FROM_BASE32), against BigQuery's documented examples and RFC 4648's test vectors, and the inputs the engine
 * refuses rather than guess. Everything else is held to the reference by {@link DifferentialTextQueries}.
 */
class StringFunctionsTest {
    private final H2Warehouse warehouse = H2Warehouse.inMemory("strings-" + UUID.randomUUID());
    private final QueryEngine engine = new H2QueryEngine(warehouse);

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Object value(String expression) {
        return engine.query(QueryRequest.of("SELECT " + expression + " AS v", "my-project")).rows().get(0).get("v");
    }

    @Test
    void base32IsBigQuerysDocumentedExample() {
        // BigQuery docs: TO_BASE32(b'abcde\xFF') is MFRGGZDF74======, and FROM_BASE32 reads it back.
        assertThat(value("TO_BASE32(b'abcde\\xFF')")).isEqualTo("MFRGGZDF74======");
        assertThat((byte[]) value("FROM_BASE32('MFRGGZDF74======')")).containsExactly('a', 'b', 'c', 'd', 'e', 0xff);
        assertThat(value("TO_BASE32(NULL)")).isNull();
        assertThat(value("FROM_BASE32(NULL)")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"'',''", "f,MY======", "fo,MZXQ====", "foo,MZXW6===", "foob,MZXW6YQ=", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI======"})
    void base32FollowsRfc4648(String text, String base32) {
        assertThat(value("TO_BASE32(b'" + text + "')")).isEqualTo(base32);
        assertThat(new String((byte[]) value("FROM_BASE32('" + base32 + "')"), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void castWithFormatBase32IsBigQuerys() {
        // BigQuery docs (format elements, "Format bytes as string") list BASE32; ZetaSQL's reference lacks it.
        assertThat(value("CAST(b'abcde\\xFF' AS STRING FORMAT 'BASE32')")).isEqualTo("MFRGGZDF74======");
        assertThat((byte[]) value("CAST('MFRGGZDF74======' AS BYTES FORMAT 'base32')")).containsExactly('a', 'b', 'c', 'd', 'e', 0xff);
    }

    @Test
    void base32ThatToBase32DoesNotWriteIsRefusedNotGuessed() {
        assertFails("FROM_BASE32('mzxw6===')", "not upper-case padded base32");
        assertFails("FROM_BASE32('MZXW6')", "not upper-case padded base32");
        // SAFE. does not hide a refusal: BigQuery's answer is not known, it need not be NULL
        assertFails("SAFE.FROM_BASE32('MZXW6')", "not upper-case padded base32");
    }

    @Test
    void formatRefusesWhatH2CannotTell() {
        // H2 loses the sign of a FLOAT64 zero, which ZetaSQL's %T writes (-0.0).
        assertFails("FORMAT('%T', 0.0)", "FORMAT %t/%T of a FLOAT64 zero (the sign of zero is not kept) is not supported");
        assertFails("FORMAT('%t', JSON '{\"b\":1,\"a\":2}')", "FORMAT of a JSON object is not supported");
        assertFails("FORMAT(CONCAT('%', 'd'), 1)", "FORMAT with a format string that is not a literal");
        assertThat(value("FORMAT('%T', JSON '[1,2]')")).isEqualTo("JSON \"[1,2]\"");
    }

    @Test
    void safeOnAFunctionThatFailsIsNullAndOnATotalOneIsPlain() {
        assertThat(value("SAFE.LPAD('a', -1)")).isNull();
        assertThat(value("SAFE.LPAD('a', 3)")).isEqualTo("  a");
        assertThat(value("SAFE.REVERSE('abc')")).isEqualTo("cba");
        assertThat(value("SAFE.TO_HEX(b'\\x01')")).isEqualTo("01");
    }

    private void assertFails(String expression, String message) {
        assertThatThrownBy(() -> value(expression)).isInstanceOf(DicombqException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DicombqException) e).error().code()).isEqualTo(Code.INVALID_ARGUMENT));
    }
}
