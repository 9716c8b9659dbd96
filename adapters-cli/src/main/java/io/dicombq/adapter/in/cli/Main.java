package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.h2.H2Jvm;

import java.util.Arrays;

/** The {@code dicombq} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        H2Jvm.configure();
        if (args.length > 0 && args[0].equals("dump")) {
            System.exit(DumpExecutable.run(Arrays.asList(args).subList(1, args.length)));
        }
        H2Jvm.initialiseFileSystems();
        System.exit(DicombqCommand.newCommandLine(args).execute(args));
    }
}
