package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCast;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;

import java.util.List;

import static io.dicombq.adapter.out.sql.StringFunctions.runtime;

/**
 * Encodings, code points, normalization and hashes of a resolved statement (BigQuery docs: string functions, hash
 * functions), rendered as calls of {@link EncodingRuntime}; FORMAT and the regular expressions follow in
 * {@link FormatFunctions}.
 */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is not one of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean bytes = !args.isEmpty() && args.get(0).getType().isBytes();
        switch (name) {
            case "to_base64":
            case "from_base64":
            case "to_base32":
            case "from_base32":
            case "to_hex":
            case "from_hex":
                return runtime(name, args, t);
            case "to_code_points":
                return "CAST(" + runtime(bytes ? "bytes_code_points" : "text_code_points", args, t) + " AS BIGINT ARRAY)";
            case "code_points_to_string":
                return runtime("code_points_text", args, t);
            case "code_points_to_bytes":
                return runtime("code_points_bytes", args, t);
            case "safe_convert_bytes_to_string":
                return runtime("lenient_utf8", args, t);
            case "normalize":
            case "normalize_and_casefold": {
                String mode = args.size() > 1 ? ResolvedFunctions.datePart(args.get(1)) : "NFC";
                return ResolvedFunctions.call("normalize_text", t.expr(args.get(0)), "'" + mode + "'",
                        name.equals("normalize") ? "FALSE" : "TRUE");
            }
            case "md5":
            case "sha1":
            case "sha256":
            case "sha512": {
                String algorithm = name.equals("md5") ? "MD5" : "SHA-" + name.substring(3);
                return runtime(bytes ? "bytes_digest" : "text_digest", args, t, "'" + algorithm + "'");
            }
            case "farm_fingerprint":
                return runtime(bytes ? "bytes_fingerprint" : "text_fingerprint", args, t);
            default:
                return FormatFunctions.call(name, call, t);
        }
    }

    /** {@code CAST} between BYTES and STRING with a FORMAT (see {@link BytesFormat}), or null for other casts. */
    static String castWithFormat(ResolvedCast cast, ResolvedTranslator t) {
        Type from = cast.getExpr().getType();
        Type to = cast.getType();
        boolean toText = from.isBytes() && to.isString();
        if (cast.getFormat() == null || cast.getTimeZone() != null || !toText && !(from.isString() && to.isBytes())) {
            return null;
        }
        return ResolvedFunctions.call(toText ? "bytes_as_text" : "text_as_bytes", t.expr(cast.getExpr()),
                t.expr(cast.getFormat()), cast.getReturnNullOnError() ? "TRUE" : "FALSE");
    }
}
