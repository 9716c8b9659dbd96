package io.dicombq.adapter.in.cli;

import picocli.CommandLine;

/** The {@code dicombq} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DicombqCommand.newCommandLine().execute(args));
    }
}
