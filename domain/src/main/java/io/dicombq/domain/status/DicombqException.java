package io.dicombq.domain.status;

/** Carries an {@link RpcError} through layers that cannot return it as a value. */
public final class DicombqException extends RuntimeException {
    private final RpcError error;

    public DicombqException(RpcError error) {
        super(error.message());
        this.error = error;
    }

    public DicombqException(RpcError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public DicombqException(Code code, String message) {
        this(new RpcError(code, message));
    }

    public RpcError error() {
        return error;
    }

    public Code code() {
        return error.code();
    }
}
