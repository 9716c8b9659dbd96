package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import io.dicombq.adapter.out.h2.catalog.Names;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SAFE.f(…)}: NULL where {@code f} itself would fail, while an error in evaluating an argument still fails
 * (BigQuery docs: SAFE. prefix). The call is rendered over placeholder arguments, so every runtime function in that
 * rendering is {@code f}'s own; those that can fail are swapped for their {@link SafeRuntime} twins, then the
 * arguments are put in.
 */
final class SafeCalls {
    /** Functions whose failures all happen in a runtime function with a twin, or are guarded below. */
    private static final Set<String> FUNCTIONS = Set.of("substr", "substring", "regexp_extract", "regexp_replace",
            "json_value", "json_query", "date_add", "date_sub", "date_diff", "format_date", "parse_date", "date_trunc",
            "datetime_trunc", "timestamp_trunc", "time_trunc", "last_day", "generate_array", "generate_date_array", "div",
            "mod", "abs", "date_bucket", "datetime_bucket", "timestamp_bucket",
            // string, bytes and encoding functions (SafeValueRuntime)
            "lpad", "rpad", "instr", "left", "right", "repeat", "translate", "ascii", "chr", "edit_distance", "from_base64",
            "from_base32", "from_hex", "code_points_to_string", "code_points_to_bytes", "regexp_extract_all", "regexp_instr",
            "regexp_substr",
            // arrays and JSON (SafeValueRuntime; the others cannot fail)
            "array_first", "array_last", "array_slice", "array_first_n", "array_last_n", "array_remove_first_n",
            "array_remove_last_n", "array_reverse", "array_is_distinct", "array_includes", "array_includes_any",
            "array_includes_all", "array_min", "array_max", "parse_json", "int64", "float64", "bool", "lax_bool", "lax_int64",
            "lax_float64", "lax_string", "json_type", "json_extract", "json_extract_scalar", "json_query_array",
            "json_extract_array", "json_value_array", "json_extract_string_array", "json_object", "json_keys",
            "json_remove", "json_set", "json_array_append", "json_array_insert", "json_strip_nulls", "to_json", "json_array",
            // FORMAT fails only where the engine refuses (its format is checked by the analyzer)
            "format");
    private static final Pattern PLACEHOLDER = Pattern.compile("\u0001safe-argument-(\\d+)\u0001");

    private SafeCalls() {
    }

    static String render(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        if (!FUNCTIONS.contains(name) && !TimeFunctions.SAFE.contains(name)) {
            throw ResolvedTranslator.refuse("SAFE." + ResolvedFunctions.sqlName(call));
        }
        List<ResolvedExpr> args = call.getArgumentList();
        Map<ResolvedExpr, String> placeholders = new IdentityHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            placeholders.put(args.get(i), "\u0001safe-argument-" + i + "\u0001");
        }
        String template = t.withPlaceholders(placeholders, () -> ResolvedFunctions.render(call, name, t));
        for (String[] twin : java.util.stream.Stream.of(SafeRuntime.TWINS, SafeTimeRuntime.TWINS, SafeValueRuntime.TWINS)
                .flatMap(java.util.Arrays::stream).toList()) {
            template = template.replace(Names.meta(twin[0]) + "(", Names.meta(twin[1]) + "(");
        }
        if (name.equals("mod")) {
            // H2's MOD fails on a zero divisor, as BigQuery's does.
            template = "CASE WHEN " + placeholders.get(args.get(1)) + " = 0 THEN NULL ELSE " + template + " END";
        } else if (name.equals("abs") && call.getType().isInt64()) {
            // ABS of the smallest INT64 overflows.
            template = "CASE WHEN " + placeholders.get(args.get(0)) + " = " + Long.MIN_VALUE + " THEN NULL ELSE " + template + " END";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(t.expr(args.get(Integer.parseInt(m.group(1))))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
