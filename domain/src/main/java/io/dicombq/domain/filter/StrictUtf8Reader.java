package io.dicombq.domain.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails on the first byte sequence that is not UTF-8, but only after handing over every
 * character before it, so the reader of lines knows on which line the bad bytes are (the JDK's
 * InputStreamReader throws without returning the characters it decoded first).
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private long bytesBefore;
    private boolean endOfInput;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = new CharacterCodingException() {
                    @Override
                    public String getMessage() {
                        return "byte " + (bytesBefore + bytes.position() + 1) + " starts a sequence that is not UTF-8";
                    }
                };
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                throw pending;
            }
            if (result.isOverflow() || out.position() > offset) {
                return out.position() - offset;
            }
            if (endOfInput) {
                decoder.flush(out);
                return out.position() > offset ? out.position() - offset : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
