package io.dicombq.application.query;

import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints query results for people and scripts, the way {@code bq query --format=…} does: a JSON array of
 * objects whose scalars are strings (as the BigQuery API returns cells, so INT64 never loses precision), CSV,
 * or an aligned table. Nested values print as JSON in CSV and table cells.
 */
public final class ResultFormatter {
    private ResultFormatter() {
    }

    /** A JSON array with one object per row; NULL is {@code null}, RECORD an object, REPEATED an array. */
    public static void json(QueryResult result, Appendable out, boolean pretty) {
        JsonWriter writer = pretty ? JsonWriter.pretty(out) : JsonWriter.compact(out);
        writer.beginArray();
        for (Row row : result.rows()) {
            record(writer, result.schema().columns(), row);
        }
        writer.endArray();
        append(out, "\n");
    }

    /** RFC 4180 CSV; with {@code header} the first line names the columns. NULL is an empty field. */
    public static void csv(QueryResult result, Appendable out, boolean header) {
        List<Column> columns = result.schema().columns();
        if (header) {
            List<String> names = new ArrayList<>();
            columns.forEach(c -> names.add(c.name()));
            csvLine(names, out);
        }
        for (Row row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (Column column : columns) {
                String cell = cell(column, row.get(column.name()));
                cells.add(cell == null ? "" : cell);
            }
            csvLine(cells, out);
        }
    }

    /** An aligned table with a header, NULL printed as {@code NULL}. */
    public static void table(QueryResult result, Appendable out) {
        List<Column> columns = result.schema().columns();
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.name()));
        lines.add(header);
        for (Row row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (Column column : columns) {
                String cell = cell(column, row.get(column.name()));
                cells.add(cell == null ? "NULL" : cell.replace("\n", "\\n"));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).codePointCount(0, line.get(i).length()));
            }
        }
        String rule = rule(widths);
        append(out, rule);
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder text = new StringBuilder("|");
            List<String> line = lines.get(l);
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                text.append(' ').append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()))).append(" |");
            }
            append(out, text.append('\n').toString());
            if (l == 0) {
                append(out, rule);
            }
        }
        if (lines.size() > 1) {
            append(out, rule);
        }
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        return rule.append('\n').toString();
    }

    /** The text of one cell: scalars as BigQuery writes them, nested values as compact JSON. */
    private static String cell(Column column, Object value) {
        if (value == null && !column.isRepeated()) {
            return null;
        }
        if (column.isRepeated() || column.isRecord()) {
            StringBuilder json = new StringBuilder();
            JsonWriter writer = JsonWriter.compact(json);
            value(writer, column, value);
            return json.toString();
        }
        return BigQueryText.of(value);
    }

    private static void record(JsonWriter writer, List<Column> fields, Row row) {
        writer.beginObject();
        for (Column field : fields) {
            writer.name(field.name());
            value(writer, field, row.get(field.name()));
        }
        writer.endObject();
    }

    private static void value(JsonWriter writer, Column column, Object value) {
        if (column.isRepeated()) {
            writer.beginArray();
            if (value != null) {
                for (Object item : (List<?>) value) {
                    single(writer, column, item);
                }
            }
            writer.endArray();
            return;
        }
        single(writer, column, value);
    }

    private static void single(JsonWriter writer, Column column, Object value) {
        if (value == null) {
            writer.nullValue();
        } else if (column.isRecord()) {
            record(writer, column.fields(), (Row) value);
        } else {
            writer.value(BigQueryText.of(value));
        }
    }

    private static void csvLine(List<String> cells, Appendable out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(i > 0 ? "," : "").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        append(out, line.append('\n').toString());
    }

    private static void append(Appendable out, String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
