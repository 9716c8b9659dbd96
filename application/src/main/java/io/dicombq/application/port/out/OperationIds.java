package io.dicombq.application.port.out;

/** Makes new operation IDs (the Healthcare API uses long decimal numbers). */
public interface OperationIds {
    String next();
}
