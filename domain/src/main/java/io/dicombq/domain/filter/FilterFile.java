package io.dicombq.domain.filter;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.Objects;

/**
 * Reads a filter file (specification 4) into a {@link FilterSelection}: UTF-8, one path per line, lines ending in
 * {@code \n} or {@code \r\n}. Blank lines and white space around a path are ignored and duplicates are harmless;
 * the first line of any other shape rejects the whole file with INVALID_ARGUMENT naming its number. Streams:
 * memory grows with the distinct paths, not with the file.
 */
public final class FilterFile {
    /** Longest line accepted: three 64-character UIDs and the path words fit many times over. */
    static final int MAX_LINE_LENGTH = 4096;

    private final String source;

    private FilterFile(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A reader of filter files whose errors name {@code source} (a path or URI the user will recognise). */
    public static FilterFile named(String source) {
        return new FilterFile(source);
    }

    /** Reads UTF-8 bytes; bytes that are not UTF-8 are refused, not replaced. Does not close the stream. */
    public FilterSelection read(InputStream in) {
        return read(new StrictUtf8Reader(in));
    }

    /** Reads the text of a filter file. Does not close the reader. */
    public FilterSelection read(Reader reader) {
        FilterSelection.Builder selection = FilterSelection.builder();
        LineSplitter lines = new LineSplitter(reader, MAX_LINE_LENGTH);
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                addLine(selection, lines.lineNumber(), line);
            }
        } catch (LineSplitter.LineTooLongException e) {
            throw invalid(lines.lineNumber(), "the line is longer than " + MAX_LINE_LENGTH + " characters; "
                    + "a line is " + FilterPath.SHAPES);
        } catch (CharacterCodingException e) {
            throw invalid(lines.lineNumber(), "the file is not valid UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DicombqException(RpcError.of(Code.INVALID_ARGUMENT,
                    "cannot read filter file " + source + ": " + e.getMessage()), e);
        }
        return selection.build();
    }

    /** Reads lines already split (line 1 first), e.g. from {@code Files.lines} or a query's output. */
    public FilterSelection read(Iterable<String> lines) {
        FilterSelection.Builder selection = FilterSelection.builder();
        int number = 0;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            addLine(selection, ++number, it.next());
        }
        return selection.build();
    }

    private void addLine(FilterSelection.Builder selection, int number, String line) {
        String path = line.strip();
        if (number == 1 && path.startsWith("\uFEFF")) {
            // a byte order mark is not part of the first path
            path = path.substring(1).strip();
        }
        if (path.isEmpty()) {
            return;
        }
        try {
            selection.add(FilterPath.parse(path));
        } catch (DicombqException e) {
            throw invalid(number, e.getMessage());
        }
    }

    private DicombqException invalid(int lineNumber, String problem) {
        return new DicombqException(Code.INVALID_ARGUMENT, "filter file " + source + ", line " + lineNumber + ": "
                + problem);
    }
}
