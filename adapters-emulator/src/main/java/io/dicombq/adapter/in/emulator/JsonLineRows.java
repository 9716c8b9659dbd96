package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import io.dicombq.domain.json.ByteWords;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One line of a newline-delimited JSON load as a row, read token by token: a load of wide rows spent a fifth of its
 * time building each line's JSON tree only to walk it once. It answers exactly as {@link WireValues#fromJson} over
 * that tree (same values, same errors), and leaves each leaf value and each JSON column's document to it.
 */
final class JsonLineRows {
    /** Reads one value at the parser's token; the line's own end is checked once, after the row. */
    private static final ObjectReader VALUE = WireJson.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private final boolean ignoreUnknown;
    /** The line's bytes when they are all ASCII (else null), and where the parser's input starts and ends in them. */
    private final byte[] ascii;
    private final int offset;
    private final int end;

    private JsonLineRows(JsonParser parser, boolean ignoreUnknown, byte[] ascii, int offset, int end) {
        this.parser = parser;
        this.ignoreUnknown = ignoreUnknown;
        this.ascii = ascii;
        this.offset = offset;
        this.end = end;
    }

    /**
     * The row the UTF-8 line {@code bytes[offset, offset + length)} holds; {@code ascii} says that all its bytes are
     * ASCII; {@code where} names it in errors ("line 12").
     */
    static Row read(byte[] bytes, int offset, int length, boolean ascii, List<Column> columns, boolean ignoreUnknown,
                    String where) {
        try (JsonParser parser = WireJson.MAPPER.createParser(bytes, offset, length)) {
            return new JsonLineRows(parser, ignoreUnknown, ascii ? bytes : null, offset, offset + length).row(columns, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row row(List<Column> columns, String where) {
        try {
            parser.nextToken();
            Row row = object(columns, where);
            if (parser.nextToken() != null) {
                throw WireValues.invalid("the " + where + " is not valid JSON: Trailing token (of type "
                        + parser.currentToken() + ") found after value");
            }
            return row;
        } catch (JsonProcessingException e) {
            throw WireValues.invalid("the " + where + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at the parser's current token (which it consumes) as a row of {@code columns}. */
    private Row object(List<Column> columns, Object where) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            // not an object: the tree path words the error
            return WireValues.fromJson(columns, tree(parser), ignoreUnknown, where);
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        int next = 0;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            int position = WireValues.position(columns, next, name);
            if (position < 0) {
                if (!ignoreUnknown) {
                    throw WireValues.invalid(where + ": no such field: " + name + ".");
                }
                parser.skipChildren();
                continue;
            }
            Column column = columns.get(position);
            next = position + 1;
            Object value = value(column, new WireValues.Field(where, column.name()));
            // a repeated key keeps its first place and its last value, as in a JSON tree
            if (value == null) {
                values.remove(column.name());
            } else {
                values.put(column.name(), value);
            }
        }
        WireValues.requireRequired(columns, values, where);
        return Row.handOver(values);
    }

    private Object value(Column column, Object where) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!column.isRepeated()) {
            return scalar(column, where);
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw WireValues.invalid(where + ": a REPEATED field needs a JSON array, found " + tree(parser).getNodeType());
        }
        List<Object> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                throw WireValues.invalid(where + ": an array cannot hold NULL elements");
            }
            elements.add(scalar(column, where));
        }
        return elements;
    }

    private Object scalar(Column column, Object where) throws IOException {
        if (column.type() == ColumnType.RECORD) {
            return object(column.fields(), where);
        }
        if (column.type() == ColumnType.STRING && parser.currentToken() == JsonToken.VALUE_STRING) {
            // most leaves of an export: the text itself, as WireValues.scalar takes it from a text node
            return text();
        }
        return WireValues.scalar(column, tree(parser), ignoreUnknown, where);
    }

    /**
     * The string at the parser's token. Of an ASCII line, a string without escapes or control characters is its bytes
     * between the quotes, taken as they are (the parser then skips it): decoding the long base64 values of private
     * elements to characters and compacting them back into a string was a fifth of a realistic load (docs/BENCHMARKS.md,
     * session 14). Anything else the parser decodes (RFC 8259 section 7).
     */
    private String text() throws IOException {
        if (ascii != null) {
            int open = offset + (int) parser.currentTokenLocation().getByteOffset();
            int from = open + 1;
            // a word at a time to the closing quote (ByteWords' exact tests), then byte by byte in the word holding it
            for (int lastWord = end - ByteWords.SIZE; from <= lastWord; from += ByteWords.SIZE) {
                long word = ByteWords.at(ascii, from);
                if (ByteWords.has(word, (byte) '"') || ByteWords.has(word, (byte) '\\') || ByteWords.hasBelow(word, 0x20)) {
                    break;
                }
            }
            for (int i = from; i < end; i++) {
                byte b = ascii[i];
                if (b == '"') {
                    return new String(ascii, open + 1, i - open - 1, StandardCharsets.ISO_8859_1);
                }
                if (b == '\\' || b < 0x20) {
                    break;
                }
            }
        }
        return parser.getText();
    }

    /** The value at the parser's current token as a tree (a leaf, or a JSON column's document). */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNode node = VALUE.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }
}
