package io.dicombq.domain.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeTest {

    /** google/rpc/code.proto: every canonical code, its number and the HTTP status it maps to. */
    @ParameterizedTest
    @CsvSource({
            "OK, 0, 200", "CANCELLED, 1, 499", "UNKNOWN, 2, 500", "INVALID_ARGUMENT, 3, 400",
            "DEADLINE_EXCEEDED, 4, 504", "NOT_FOUND, 5, 404", "ALREADY_EXISTS, 6, 409", "PERMISSION_DENIED, 7, 403",
            "RESOURCE_EXHAUSTED, 8, 429", "FAILED_PRECONDITION, 9, 400", "ABORTED, 10, 409", "OUT_OF_RANGE, 11, 400",
            "UNIMPLEMENTED, 12, 501", "INTERNAL, 13, 500", "UNAVAILABLE, 14, 503", "DATA_LOSS, 15, 500",
            "UNAUTHENTICATED, 16, 401"})
    void numbersAndHttpStatuses(Code code, int number, int httpStatus) {
        assertThat(code.number()).isEqualTo(number);
        assertThat(code.httpStatus()).isEqualTo(httpStatus);
    }

    @Test
    void thereAreSeventeenCodes() {
        assertThat(Code.values()).hasSize(17);
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void ofNumberFindsEachCode(Code code) {
        assertThat(Code.ofNumber(code.number())).isSameAs(code);
    }

    @Test
    void ofNumberRefusesUnknownNumbers() {
        assertThatThrownBy(() -> Code.ofNumber(17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no google.rpc code with number 17");
        assertThatThrownBy(() -> Code.ofNumber(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorCarriesItsCodeAndMessageThroughAnException() {
        RpcError error = RpcError.of(Code.NOT_FOUND, "DICOM store projects/p/locations/l/datasets/d/dicomStores/s not found");
        DicombqException exception = error.toException();

        assertThat(exception.error()).isEqualTo(error);
        assertThat(exception.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(exception).hasMessage(error.message());
        assertThat(error).hasToString("NOT_FOUND: DICOM store projects/p/locations/l/datasets/d/dicomStores/s not found");
        assertThat(new DicombqException(error, new IllegalStateException("cause"))).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrorCannotBeOk() {
        assertThatThrownBy(() -> RpcError.of(Code.OK, "fine")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RpcError.of(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RpcError.of(Code.INTERNAL, null)).isInstanceOf(NullPointerException.class);
    }
}
