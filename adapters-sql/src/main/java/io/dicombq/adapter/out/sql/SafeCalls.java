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
            "mod", "abs", "date_bucket", "datetime_bucket", "timestamp_bucket");
    private static final Pattern PLACEHOLDER = Pattern.compile("\u0001safe-argument-(\\d+)\u0001");

    private SafeCalls() {
    }

    static String render(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        // STRING(JSON) fails in a runtime function that has no SAFE twin
        boolean jsonConversion = name.equals("string") && call.getArgumentList().get(0).getType().isJson();
        if (!FUNCTIONS.contains(name) && (!TimeFunctions.SAFE.contains(name) || jsonConversion)) {
            throw ResolvedTranslator.refuse("SAFE." + ResolvedFunctions.sqlName(call));
        }
        List<ResolvedExpr> args = call.getArgumentList();
        Map<ResolvedExpr, String> placeholders = new IdentityHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            placeholders.put(args.get(i), "\u0001safe-argument-" + i + "\u0001");
        }
        String template = t.withPlaceholders(placeholders, () -> ResolvedFunctions.render(call, name, t));
        for (String[] twin : java.util.stream.Stream.concat(java.util.Arrays.stream(SafeRuntime.TWINS),
                java.util.Arrays.stream(SafeTimeRuntime.TWINS)).toList()) {
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
