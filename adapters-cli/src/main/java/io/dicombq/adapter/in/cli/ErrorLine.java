package io.dicombq.adapter.in.cli;

import io.dicombq.domain.status.DicombqException;

/** The one line a failed command prints after "ERROR: ", with or without picocli on the class path's hot path. */
final class ErrorLine {
    private ErrorLine() {
    }

    /** {@code CODE: message} for dicombq's errors, the exception itself for anything unexpected. */
    static String of(Throwable exception) {
        if (exception instanceof DicombqException dicombq) {
            return dicombq.code() + ": " + dicombq.getMessage();
        }
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
