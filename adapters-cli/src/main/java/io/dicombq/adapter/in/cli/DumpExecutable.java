package io.dicombq.adapter.in.cli;

import picocli.CommandLine;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code dicombq dump} as the executable runs it: the arguments parsed by hand ({@link DumpArguments}) and the files
 * dumped without building a picocli command line; help, version and usage errors from {@link DumpCommand}'s model.
 */
final class DumpExecutable {
    private DumpExecutable() {
    }

    /** Dumps to the process's standard output and error, in the charsets picocli would use; the exit code. */
    static int run(List<String> args) {
        Charset charset = consoleCharset("sun.stdout.encoding");
        // a PrintStream, as System.out: write errors (a closed pipe) are swallowed as picocli's PrintWriter swallows them
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, charset), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), consoleCharset("sun.stderr.encoding")), true);
        try {
            // the JSON is made as UTF-8: in a UTF-8 console its bytes go out as they are, else through the charset
            return run(args, out, charset.equals(StandardCharsets.UTF_8) ? stdout : null, err);
        } finally {
            out.flush();
            stdout.flush();
        }
    }

    static int run(List<String> args, PrintWriter out, PrintWriter err) {
        return run(args, out, null, err);
    }

    /** {@code utf8}: where the JSON lines go as bytes, else (null) they are printed on {@code out}. */
    private static int run(List<String> args, PrintWriter out, OutputStream utf8, PrintWriter err) {
        Optional<DumpOptions> options = DumpArguments.parse(args);
        try {
            if (options.isEmpty()) {
                CommandLine dump = DicombqCommand.newDumpCommandLine();
                dump.setOut(out);
                dump.setErr(err);
                return dump.execute(args.toArray(String[]::new));
            }
            JsonLinesDump dump = new JsonLinesDump(options.get());
            return utf8 != null ? dump.run(utf8, err) : dump.run(out, err);
        } catch (RuntimeException e) {
            // as dicombq's picocli handler reports a command's failure (DicombqCommand)
            err.println("ERROR: " + ErrorLine.of(e));
            return DicombqCommand.EXIT_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Picocli's choice (CommandLine.getStdoutEncoding): the JVM's console encoding if it set one, else the default. */
    private static Charset consoleCharset(String property) {
        String encoding = System.getProperty(property);
        if (encoding == null) {
            return Charset.defaultCharset();
        }
        try {
            // Windows names UTF-8 code page 65001
            return Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
