package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.ReadOptions;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dump's arguments parsed by hand, so the executable does not load picocli (173 Java 5 class files that class data
 * sharing refuses and the old verifier checks: 0.3-0.4 s of CPU per run, docs/BENCHMARKS.md). Only arguments whose
 * meaning is plain are taken here: files, {@code @FILE} lists of them, and dump's options used once each. Anything
 * else (help, version, a repeated or unknown option, a bad value, no file, {@code --}, quoting in an {@code @FILE})
 * gives no result, and {@link DumpCommand}'s picocli model answers it, with its help text and error messages.
 */
final class DumpArguments {
    private static final Set<String> INHERITED = Set.of(WarehouseOptions.DATA_DIR, WarehouseOptions.WAREHOUSE,
            WarehouseOptions.BIGQUERY_ENDPOINT, WarehouseOptions.BIGQUERY_PROJECT);

    private boolean pretty;
    private boolean fileMeta;
    private boolean noInlineBinary;
    private int bulkThreshold = ReadOptions.DEFAULT_BULK_THRESHOLD;
    private final Set<String> seen = new HashSet<>();
    private final List<Path> files = new ArrayList<>();

    private DumpArguments() {
    }

    /** The options, or empty when picocli must answer (see the class comment). */
    static Optional<DumpOptions> parse(List<String> args) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (!expand(arg, expanded)) {
                return Optional.empty();
            }
        }
        DumpArguments parsed = new DumpArguments();
        for (int i = 0; i < expanded.size(); i++) {
            String arg = expanded.get(i);
            if (!arg.startsWith("-")) {
                if (!parsed.addFile(arg)) {
                    return Optional.empty();
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!parsed.seen.add(name)) {
                return Optional.empty(); // picocli: "option '--pretty' should be specified only once"
            }
            if (equals < 0 && parsed.flag(name)) {
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < expanded.size() && !expanded.get(i + 1).startsWith("-")) {
                value = expanded.get(++i);
            } else {
                return Optional.empty();
            }
            if (!parsed.option(name, value)) {
                return Optional.empty();
            }
        }
        if (parsed.files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DumpOptions(parsed.pretty, parsed.fileMeta, !parsed.noInlineBinary, parsed.bulkThreshold,
                parsed.files));
    }

    /**
     * Picocli's {@code @FILE} (an argument file): its words, split at white space and control characters, are the
     * arguments. Only lists without quotes, comments or nested {@code @} files are expanded here.
     */
    private static boolean expand(String arg, List<String> expanded) {
        if (!arg.startsWith("@")) {
            expanded.add(arg);
            return true;
        }
        File list = new File(arg.substring(1));
        if (arg.length() == 1 || arg.startsWith("@@") || !list.isFile() || !list.canRead()) {
            return false;
        }
        String text;
        try {
            // picocli reads it with a FileReader: the platform's charset
            text = new String(Files.readAllBytes(list.toPath()), Charset.defaultCharset());
        } catch (IOException e) {
            return false;
        }
        // as an array: String.charAt is a call with its own checks for each character under C1 (a long list is 300 KB)
        char[] chars = new char[text.length() + 1];
        text.getChars(0, text.length(), chars, 0);
        chars[text.length()] = ' ';
        int start = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '"' || c == '\'' || c == '#') {
                return false;
            }
            if (c > ' ' && start < 0) {
                start = i;
            } else if (c <= ' ' && start >= 0) {
                if (chars[start] == '@') {
                    return false;
                }
                expanded.add(text.substring(start, i));
                start = -1;
            }
        }
        return true;
    }

    private boolean addFile(String arg) {
        if (arg.isEmpty()) {
            return false;
        }
        try {
            files.add(Path.of(arg));
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Sets the flag {@code name} names; false if it is not one of dump's flags. */
    private boolean flag(String name) {
        switch (name) {
            case DumpOptions.PRETTY -> pretty = true;
            case DumpOptions.FILE_META -> fileMeta = true;
            case DumpOptions.NO_INLINE_BINARY -> noInlineBinary = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Takes an option with a value; false if the name is unknown or the value is not one picocli would take as is. */
    private boolean option(String name, String value) {
        if (name.equals(DumpOptions.BULK_THRESHOLD)) {
            if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            try {
                bulkThreshold = Integer.parseInt(value);
                return true;
            } catch (NumberFormatException e) {
                return false; // too large for an int
            }
        }
        return INHERITED.contains(name) && inheritedValueIsValid(name, value);
    }

    /** dicombq's own options, which every command accepts and dump ignores; their values are checked as picocli does. */
    private static boolean inheritedValueIsValid(String name, String value) {
        try {
            return switch (name) {
                case WarehouseOptions.DATA_DIR -> Path.of(value) != null;
                case WarehouseOptions.WAREHOUSE -> WarehouseOptions.Kind.named(value) != null;
                case WarehouseOptions.BIGQUERY_ENDPOINT -> new URI(value) != null;
                default -> true;
            };
        } catch (InvalidPathException | URISyntaxException e) {
            return false;
        }
    }
}
