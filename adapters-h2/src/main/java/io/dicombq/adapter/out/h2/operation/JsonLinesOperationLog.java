package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.OperationLog;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Each operation's per-instance errors as a JSON-lines file {@code DATA_DIR/operation-logs/ID.jsonl}; its
 * {@code logsUrl} is that file's {@code file://} URL.
 */
public final class JsonLinesOperationLog implements OperationLog {
    private final Path directory;

    public JsonLinesOperationLog(Path dataDirectory) {
        this.directory = dataDirectory.toAbsolutePath().resolve("operation-logs");
    }

    public Path file(OperationName operation) {
        return directory.resolve(operation.id() + ".jsonl");
    }

    @Override
    public String url(OperationName operation) {
        return file(operation).toUri().toString();
    }

    @Override
    public synchronized void append(OperationName operation, InstanceFailure failure) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(operation), failure.jsonLine() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "dicombq could not write the log of " + operation + " at "
                    + file(operation) + ": " + e.getMessage());
        }
    }
}
