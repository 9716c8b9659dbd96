package io.dicombq.adapter.out.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath of JSON_EXTRACT and its family (BigQuery docs: JSON functions, "JSONPath format"): {@code $}, then
 * {@code .name}, {@code ['name']} or {@code ["name"]} members and {@code [n]} array positions.
 */
final class LegacyJsonPath {
    private LegacyJsonPath() {
    }

    /** The steps: String member names and Integer array positions. */
    static List<Object> parse(String function, String path) {
        List<Object> steps = new ArrayList<>();
        if (!path.startsWith("$")) {
            throw bad(function, path, "it must start with $");
        }
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < path.length() && ".[".indexOf(path.charAt(i)) < 0) {
                    i++;
                }
                if (i == start) {
                    throw bad(function, path, "a member name is missing after '.'");
                }
                steps.add(path.substring(start, i));
            } else if (c == '[' && i + 1 < path.length() && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
                char quote = path.charAt(i + 1);
                int end = path.indexOf(quote, i + 2);
                if (end < 0 || end + 1 >= path.length() || path.charAt(end + 1) != ']') {
                    throw bad(function, path, "a quoted member name is not closed");
                }
                steps.add(path.substring(i + 2, end));
                i = end + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                String index = end < 0 ? "" : path.substring(i + 1, end).trim();
                if (!index.matches("[0-9]{1,9}")) {
                    throw bad(function, path, "only [n] array positions and ['name'] members are supported inside []");
                }
                steps.add(Integer.valueOf(index));
                i = end + 1;
            } else {
                throw bad(function, path, "unexpected '" + c + "'");
            }
        }
        return steps;
    }

    private static InvalidValueException bad(String function, String path, String why) {
        return new InvalidValueException(function + ": invalid JSONPath \"" + path + "\": " + why);
    }
}
