package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

/** The scalar functions of issue 13's mathematics, array and JSON family, each rendered by its own class. */
final class MathArrayJsonFunctions {
    private MathArrayJsonFunctions() {
    }

    /**
     * The H2 SQL of {@code name}, or {@code null} when none of {@link NumberFunctions}, {@link ArrayFunctions} and
     * {@link JsonDocumentFunctions} owns it.
     */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        String sql = NumberFunctions.call(name, call, t);
        if (sql == null) {
            sql = ArrayFunctions.call(name, call, t);
        }
        return sql != null ? sql : JsonDocumentFunctions.call(name, call, t);
    }
}
