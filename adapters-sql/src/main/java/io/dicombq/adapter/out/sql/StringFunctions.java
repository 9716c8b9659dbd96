package io.dicombq.adapter.out.sql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * String and bytes functions of a resolved statement (BigQuery docs: string functions), rendered as calls of
 * {@link StringRuntime}; encodings, hashes and FORMAT are in {@link EncodingFunctions}. The STRING forms of LOWER,
 * UPPER, SUBSTR, REPLACE, SPLIT, STARTS_WITH, ENDS_WITH and ARRAY_TO_STRING stay with the hand-written translator.
 */
final class StringFunctions {
    /** Functions of this family that cannot fail, so {@code SAFE.} changes nothing (BigQuery docs: SAFE. prefix). */
    static final Set<String> TOTAL = Set.of("strpos", "reverse", "byte_length", "octet_length", "unicode", "soundex",
            "initcap", "to_base64", "to_base32", "to_hex", "to_code_points", "safe_convert_bytes_to_string", "md5",
            "sha1", "sha256", "sha512", "normalize", "farm_fingerprint", "length", "lower", "upper", "replace", "split",
            "starts_with", "ends_with", "trim", "ltrim", "rtrim", "char_length", "character_length", "array_to_string",
            "regexp_contains");

    private StringFunctions() {
    }

    /**
     * The H2 SQL of {@code name}, or {@code null} when it is not one of these functions (or forms). {@code SAFE.}
     * is {@link SafeCalls}'s: it swaps in the {@link SafeValueRuntime} twins of the runtime functions that can fail.
     */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean bytes = !args.isEmpty() && args.get(0).getType().isBytes();
        String prefix = bytes ? "bytes_" : "text_";
        switch (name) {
            case "lpad":
            case "rpad":
                return runtime(prefix + "pad", args, t, args.size() > 2 ? null : bytes ? "X'20'" : "' '",
                        name.equals("lpad") ? "TRUE" : "FALSE");
            case "strpos":
                return runtime(prefix + "strpos", args, t);
            case "instr":
                return runtime(prefix + "instr", args, t, args.size() > 2 ? null : "CAST(1 AS BIGINT)",
                        args.size() > 3 ? null : "CAST(1 AS BIGINT)");
            case "left":
            case "right":
                return runtime(prefix + "edge", args, t, name.equals("left") ? "TRUE" : "FALSE");
            case "reverse":
                return runtime(prefix + "reverse", args, t);
            case "repeat":
                return runtime(prefix + "repeat", args, t);
            case "translate":
                return runtime(prefix + "translate", args, t);
            case "ascii":
                return runtime(prefix + "ascii", args, t);
            case "trim":
            case "ltrim":
            case "rtrim":
                String side = name.equals("trim") ? "'B'" : name.equals("ltrim") ? "'L'" : "'R'";
                return args.size() == 1 ? runtime("text_trim_space", args, t, side) : runtime(prefix + "trim_chars", args, t, side);
            case "initcap":
                return runtime("text_initcap", args, t, args.size() > 1 ? null : "CAST(NULL AS CHARACTER VARYING)",
                        args.size() > 1 ? "TRUE" : "FALSE");
            case "byte_length":
            case "octet_length":
                return runtime(bytes ? "bytes_length" : "text_byte_length", args, t);
            case "chr":
                return runtime("text_chr", args, t);
            case "unicode":
                return runtime("text_unicode", args, t);
            case "soundex":
                return runtime("text_soundex", args, t);
            case "array_to_string":
                if (!args.get(1).getType().isBytes()) {
                    return null;
                }
                return runtime("bytes_array_to_string", args, t, args.size() > 2 ? null : "CAST(NULL AS BINARY VARYING)",
                        args.size() > 2 ? "TRUE" : "FALSE");
            case "length":
            case "char_length":
            case "character_length":
                return runtime(bytes ? "bytes_length" : "text_length", args, t);
            case "edit_distance":
                return runtime(prefix + "edit_distance", args, t, args.size() > 2 ? null : "CAST(NULL AS BIGINT)");
            default:
                return bytes ? bytesForm(name, call, t) : EncodingFunctions.call(name, call, t);
        }
    }

    /** The BYTES forms of functions whose STRING forms are rendered elsewhere. */
    private static String bytesForm(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "lower":
            case "upper":
                return runtime("bytes_case", args, t, name.equals("upper") ? "TRUE" : "FALSE");
            case "substr":
            case "substring":
                return runtime("bytes_substr", args, t, args.size() > 2 ? null : "CAST(NULL AS BIGINT)",
                        args.size() > 2 ? "TRUE" : "FALSE");
            case "replace":
                return runtime("bytes_replace", args, t);
            case "split":
                return "CAST(" + runtime("bytes_split", args, t, args.size() > 1 ? null : "X'2c'") + " AS "
                        + ResolvedTranslator.h2Type(call.getType()) + ")";
            case "starts_with":
                return runtime("bytes_starts_with", args, t);
            case "ends_with":
                return runtime("bytes_ends_with", args, t);

            default:
                return EncodingFunctions.call(name, call, t);
        }
    }

    /**
     * A runtime call with the arguments, then {@code extra} in order: a non-null extra is appended, a null one
     * stands for an argument the call has (an optional argument given), so it adds nothing.
     */
    static String runtime(String function, List<ResolvedExpr> args, ResolvedTranslator t, String... extra) {
        List<String> sql = new ArrayList<>();
        for (ResolvedExpr arg : args) {
            sql.add(t.expr(arg));
        }
        for (String e : extra) {
            if (e != null) {
                sql.add(e);
            }
        }
        return ResolvedFunctions.call(function, sql.toArray(new String[0]));
    }
}
