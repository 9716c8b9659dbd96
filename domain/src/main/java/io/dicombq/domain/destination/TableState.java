package io.dicombq.domain.destination;

/** The state of a destination table when an export starts (specification 1.2 columns). */
public enum TableState {
    ABSENT, EMPTY, HAS_ROWS
}
