package io.dicombq.application.port.out;

/** Who runs operations: this process's identity, and whether another worker is still alive (restart semantics). */
public interface Workers {

    WorkerId current();

    /** False when the worker's process has ended (crashed, killed, or exited without finishing its operation). */
    boolean isAlive(WorkerId worker);
}
