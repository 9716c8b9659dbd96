package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.Map;

import static io.dicombq.adapter.out.sql.StringFunctions.runtime;

/**
 * The IP address functions of a resolved statement (BigQuery docs: net functions), rendered as calls of
 * {@link NetRuntime}. NET.HOST, NET.REG_DOMAIN and NET.PUBLIC_SUFFIX read the public suffix list, which the engine does
 * not hold: they stay refused by name.
 */
final class NetFunctions {
    private static final Map<String, String> RUNTIME = Map.of(
            "ip_from_string", "ip_from_text", "safe_ip_from_string", "ip_from_text_or_null",
            "ip_to_string", "ip_to_text", "ip_net_mask", "ip_net_mask", "ip_trunc", "ip_trunc",
            "ipv4_from_int64", "ipv4_from_int", "ipv4_to_int64", "ipv4_to_int");

    private NetFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        // ZetaSQL names them without their NET. prefix, which only their SQL name keeps
        String function = ResolvedFunctions.sqlName(call).startsWith("NET.") ? RUNTIME.get(name) : null;
        return function == null ? null : runtime(function, call.getArgumentList(), t);
    }
}
