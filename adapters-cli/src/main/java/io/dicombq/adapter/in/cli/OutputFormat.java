package io.dicombq.adapter.in.cli;

/** {@code --format}: human-readable text (YAML-like, as gcloud prints) or JSON for machines. */
public enum OutputFormat {
    TEXT, JSON
}
