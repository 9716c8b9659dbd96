package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private JsonLineRows() {
    }

    /** The row {@code line} holds; {@code where} names it in errors ("line 12"). */
    static Row read(String line, List<Column> columns, boolean ignoreUnknown, String where) {
        try (JsonParser parser = WireJson.MAPPER.createParser(line)) {
            return read(parser, columns, ignoreUnknown, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #read(String, List, boolean, String)}, for a line of ASCII bytes (any text reads the same as them). */
    static Row readAscii(byte[] bytes, int offset, int length, List<Column> columns, boolean ignoreUnknown, String where) {
        try (JsonParser parser = WireJson.MAPPER.createParser(bytes, offset, length)) {
            return read(parser, columns, ignoreUnknown, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row read(JsonParser parser, List<Column> columns, boolean ignoreUnknown, String where) {
        try {
            parser.nextToken();
            Row row = object(parser, columns, ignoreUnknown, where);
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
    private static Row object(JsonParser parser, List<Column> columns, boolean ignoreUnknown, Object where)
            throws IOException {
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
            Object value = value(parser, column, ignoreUnknown, new WireValues.Field(where, column.name()));
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

    private static Object value(JsonParser parser, Column column, boolean ignoreUnknown, Object where)
            throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!column.isRepeated()) {
            return scalar(parser, column, ignoreUnknown, where);
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw WireValues.invalid(where + ": a REPEATED field needs a JSON array, found " + tree(parser).getNodeType());
        }
        List<Object> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                throw WireValues.invalid(where + ": an array cannot hold NULL elements");
            }
            elements.add(scalar(parser, column, ignoreUnknown, where));
        }
        return elements;
    }

    private static Object scalar(JsonParser parser, Column column, boolean ignoreUnknown, Object where)
            throws IOException {
        if (column.type() == ColumnType.RECORD) {
            return object(parser, column.fields(), ignoreUnknown, where);
        }
        if (column.type() == ColumnType.STRING && parser.currentToken() == JsonToken.VALUE_STRING) {
            // most leaves of an export: the text itself, as WireValues.scalar takes it from a text node
            return parser.getText();
        }
        return WireValues.scalar(column, tree(parser), ignoreUnknown, where);
    }

    /** The value at the parser's current token as a tree (a leaf, or a JSON column's document). */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNode node = VALUE.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }
}
