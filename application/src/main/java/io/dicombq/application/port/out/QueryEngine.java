package io.dicombq.application.port.out;

/**
 * Runs BigQuery SQL against a warehouse. Anything outside the engine's supported subset is INVALID_ARGUMENT
 * naming the construct, never a wrong answer.
 */
public interface QueryEngine {
    QueryResult query(QueryRequest request);
}
