package io.dicombq.adapter.in.cli;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code --limit} of the list commands, as gcloud's: at most that many items, in the list's order. */
final class ListOptions {
    @Option(names = "--limit", paramLabel = "LIMIT",
            description = "The most items to list (default: all), as gcloud's --limit.")
    Integer limit;

    <T> List<T> apply(List<T> items) {
        if (limit == null) {
            return items;
        }
        if (limit < 1) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--limit must be at least 1, was " + limit
                    + "; leave it out to list everything");
        }
        return items.size() <= limit ? items : items.subList(0, limit);
    }

    /** gcloud says on standard error when a list is empty; this also names what was listed, and why it may be empty. */
    static void reportEmpty(PrintWriter err, String listed, String hint) {
        err.println("Listed 0 items in " + listed + "." + (hint.isEmpty() ? "" : " " + hint));
        err.flush();
    }
}
