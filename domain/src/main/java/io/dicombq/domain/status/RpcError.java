package io.dicombq.domain.status;

import java.util.Objects;

/** An error as the Healthcare API reports it: a google.rpc code and a message telling the user what to do. */
public record RpcError(Code code, String message) {
    public RpcError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code == Code.OK) {
            throw new IllegalArgumentException("an error cannot have code OK");
        }
    }

    public static RpcError of(Code code, String message) {
        return new RpcError(code, message);
    }

    public DicombqException toException() {
        return new DicombqException(this);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
