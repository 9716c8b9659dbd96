package io.dicombq.domain.status;

/** The google.rpc canonical codes dicombq reports, with the HTTP status each maps to (google/rpc/code.proto). */
public enum Code {
    OK(0, 200),
    CANCELLED(1, 499),
    UNKNOWN(2, 500),
    INVALID_ARGUMENT(3, 400),
    DEADLINE_EXCEEDED(4, 504),
    NOT_FOUND(5, 404),
    ALREADY_EXISTS(6, 409),
    PERMISSION_DENIED(7, 403),
    RESOURCE_EXHAUSTED(8, 429),
    FAILED_PRECONDITION(9, 400),
    ABORTED(10, 409),
    OUT_OF_RANGE(11, 400),
    UNIMPLEMENTED(12, 501),
    INTERNAL(13, 500),
    UNAVAILABLE(14, 503),
    DATA_LOSS(15, 500),
    UNAUTHENTICATED(16, 401);

    private final int number;
    private final int httpStatus;

    Code(int number, int httpStatus) {
        this.number = number;
        this.httpStatus = httpStatus;
    }

    public int number() {
        return number;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The code an HTTP status stands for when no google.rpc code came with it (google/rpc/code.proto's HTTP
     * mapping read backwards; other 4xx are the client's error, other 5xx the server's).
     */
    public static Code ofHttpStatus(int status) {
        return switch (status) {
            case 200 -> OK;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 409 -> ABORTED;
            case 429 -> RESOURCE_EXHAUSTED;
            case 499 -> CANCELLED;
            case 501 -> UNIMPLEMENTED;
            case 503 -> UNAVAILABLE;
            case 504 -> DEADLINE_EXCEEDED;
            default -> status >= 400 && status < 500 ? INVALID_ARGUMENT : status >= 500 ? INTERNAL : UNKNOWN;
        };
    }

    public static Code ofNumber(int number) {
        for (Code code : values()) {
            if (code.number == number) {
                return code;
            }
        }
        throw new IllegalArgumentException("no google.rpc code with number " + number);
    }
}
