package io.dicombq.domain.filter;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines at {@code \n}, dropping one {@code \r} before it (specification 4: {@code \n} or
 * {@code \r\n}). A lone {@code \r} is not a line end, so it stays in the line and makes it invalid. Refuses a
 * line longer than a limit instead of buffering it, so a file without line ends cannot exhaust memory.
 */
final class LineSplitter {
    private final Reader reader;
    private final int maxLineLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private int lineNumber;
    private boolean ended;

    LineSplitter(Reader reader, int maxLineLength) {
        this.reader = reader;
        this.maxLineLength = maxLineLength;
    }

    /** The number of the line last returned (or being read, when reading failed), from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end, or null after the last one. */
    String next() throws IOException {
        if (ended) {
            return null;
        }
        lineNumber++;
        line.setLength(0);
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    ended = true;
                    if (line.length() > maxLineLength) {
                        throw new LineTooLongException();
                    }
                    // text after the last \n is a last line; a file that ends with \n has none
                    return line.length() > 0 ? line.toString() : null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (line.length() > maxLineLength + 1) {
                throw new LineTooLongException();
            }
            if (position < limit) {
                position++;
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                if (line.length() > maxLineLength) {
                    throw new LineTooLongException();
                }
                return line.toString();
            }
        }
    }

    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line too long");
        }
    }
}
