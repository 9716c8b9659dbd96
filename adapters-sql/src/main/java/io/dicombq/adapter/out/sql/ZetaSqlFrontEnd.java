package io.dicombq.adapter.out.sql;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.LanguageFeature;
import com.google.zetasql.ZetaSQLOptions.ParameterMode;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GoogleSQL resolved by ZetaSQL, the analyzer BigQuery uses (specification 6.1): BigQuery's language options, the
 * built-in functions, and a catalog of the warehouse tables that queries name. One per process: the analyzer runs
 * in a native library that takes seconds to start, and the catalog stays registered with it between queries
 * (re-registered only when a query names a table it lacks or whose schema changed).
 */
final class ZetaSqlFrontEnd {
    private static volatile ZetaSqlFrontEnd instance;
    /**
     * gRPC, inside ZetaSQL's client, warns on every start that it found no name resolvers: it needs none (its
     * channel is in-process), so the warning is noise on a command's standard error. Held here so it stays set.
     */
    private static final java.util.logging.Logger GRPC_RESOLVERS =
            java.util.logging.Logger.getLogger("com.google.zetasql.io.grpc.NameResolverRegistry");

    static {
        GRPC_RESOLVERS.setLevel(java.util.logging.Level.SEVERE);
    }

    /** An analyzed query: its resolved AST and the warehouse table behind each catalog table id. */
    record Analysis(ResolvedStatement statement, Map<Long, TableEntry> tables) {
    }

    private final LanguageOptions language;
    private final SimpleCatalog root;
    /** Catalog path (lower case, dot-joined) → the table registered there, with the schema it was built from. */
    private final Map<String, Registered> registered = new HashMap<>();
    private final Map<String, SimpleCatalog> children = new HashMap<>();

    private record Registered(SimpleTable table, TableUri uri, TableSchema schema) {
    }

    private ZetaSqlFrontEnd() {
        language = bigQueryLanguage();
        root = new SimpleCatalog("warehouse");
        root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
        // BigQuery has CONTAINS_SUBSTR; this version of ZetaSQL's built-in functions does not.
        root.addFunction(ContainsSubstr.declaration());
        NativeLibraryCache.keep();
    }

    static ZetaSqlFrontEnd get() {
        ZetaSqlFrontEnd local = instance;
        if (local == null) {
            synchronized (ZetaSqlFrontEnd.class) {
                local = instance;
                if (local == null) {
                    local = new ZetaSqlFrontEnd();
                    instance = local;
                }
            }
        }
        return local;
    }

    /**
     * The language BigQuery speaks: external product mode (FLOAT64, no unsigned or proto types) and the features
     * BigQuery documents, not ZetaSQL's maximum (BigQuery docs: query syntax, functions, data types).
     */
    static LanguageOptions bigQueryLanguage() {
        LanguageOptions options = new LanguageOptions();
        options.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        Set<LanguageFeature> features = EnumSet.of(
                LanguageFeature.FEATURE_ANALYTIC_FUNCTIONS,
                LanguageFeature.FEATURE_TABLESAMPLE,
                LanguageFeature.FEATURE_NUMERIC_TYPE,
                LanguageFeature.FEATURE_BIGNUMERIC_TYPE,
                LanguageFeature.FEATURE_JSON_TYPE,
                LanguageFeature.FEATURE_JSON_ARRAY_FUNCTIONS,
                LanguageFeature.FEATURE_JSON_VALUE_EXTRACTION_FUNCTIONS,
                LanguageFeature.FEATURE_JSON_LAX_VALUE_EXTRACTION_FUNCTIONS,
                LanguageFeature.FEATURE_JSON_CONSTRUCTOR_FUNCTIONS,
                LanguageFeature.FEATURE_JSON_MUTATOR_FUNCTIONS,
                LanguageFeature.FEATURE_JSON_KEYS_FUNCTION,
                LanguageFeature.FEATURE_V_1_4_JSON_ARRAY_VALUE_EXTRACTION_FUNCTIONS,
                LanguageFeature.FEATURE_V_1_4_JSON_MORE_VALUE_EXTRACTION_FUNCTIONS,
                LanguageFeature.FEATURE_INTERVAL_TYPE,
                LanguageFeature.FEATURE_GEOGRAPHY,
                LanguageFeature.FEATURE_RANGE_TYPE,
                LanguageFeature.FEATURE_NAMED_ARGUMENTS,
                LanguageFeature.FEATURE_TABLE_VALUED_FUNCTIONS,
                LanguageFeature.FEATURE_GROUP_BY_ROLLUP,
                LanguageFeature.FEATURE_INVERSE_TRIG_FUNCTIONS,
                LanguageFeature.FEATURE_CBRT_FUNCTIONS,
                LanguageFeature.FEATURE_TIME_BUCKET_FUNCTIONS,
                LanguageFeature.FEATURE_ROUND_WITH_ROUNDING_MODE,
                LanguageFeature.FEATURE_V_1_1_ORDER_BY_COLLATE,
                LanguageFeature.FEATURE_V_1_1_WITH_ON_SUBQUERY,
                LanguageFeature.FEATURE_V_1_1_SELECT_STAR_EXCEPT_REPLACE,
                LanguageFeature.FEATURE_V_1_1_ORDER_BY_IN_AGGREGATE,
                LanguageFeature.FEATURE_V_1_1_LIMIT_IN_AGGREGATE,
                LanguageFeature.FEATURE_V_1_1_HAVING_IN_AGGREGATE,
                LanguageFeature.FEATURE_V_1_1_NULL_HANDLING_MODIFIER_IN_ANALYTIC,
                LanguageFeature.FEATURE_V_1_1_NULL_HANDLING_MODIFIER_IN_AGGREGATE,
                LanguageFeature.FEATURE_V_1_1_FOR_SYSTEM_TIME_AS_OF,
                LanguageFeature.FEATURE_V_1_2_CIVIL_TIME,
                LanguageFeature.FEATURE_V_1_2_SAFE_FUNCTION_CALL,
                LanguageFeature.FEATURE_V_1_2_GROUP_BY_STRUCT,
                LanguageFeature.FEATURE_V_1_2_GROUP_BY_ARRAY,
                LanguageFeature.FEATURE_V_1_2_WEEK_WITH_WEEKDAY,
                LanguageFeature.FEATURE_V_1_3_ALLOW_DASHES_IN_TABLE_NAME,
                LanguageFeature.FEATURE_V_1_3_CONCAT_MIXED_TYPES,
                LanguageFeature.FEATURE_V_1_3_WITH_RECURSIVE,
                LanguageFeature.FEATURE_V_1_3_DECIMAL_ALIAS,
                LanguageFeature.FEATURE_V_1_3_UNNEST_AND_FLATTEN_ARRAYS,
                LanguageFeature.FEATURE_V_1_3_ALLOW_REGEXP_EXTRACT_OPTIONALS,
                LanguageFeature.FEATURE_V_1_3_DATE_TIME_CONSTRUCTORS,
                LanguageFeature.FEATURE_V_1_3_DATE_ARITHMETICS,
                LanguageFeature.FEATURE_V_1_3_ADDITIONAL_STRING_FUNCTIONS,
                LanguageFeature.FEATURE_V_1_3_EXTENDED_DATE_TIME_SIGNATURES,
                LanguageFeature.FEATURE_V_1_3_INLINE_LAMBDA_ARGUMENT,
                LanguageFeature.FEATURE_V_1_3_PIVOT,
                LanguageFeature.FEATURE_V_1_3_UNPIVOT,
                LanguageFeature.FEATURE_V_1_3_IS_DISTINCT,
                LanguageFeature.FEATURE_V_1_3_FORMAT_IN_CAST,
                LanguageFeature.FEATURE_V_1_3_QUALIFY,
                LanguageFeature.FEATURE_PIPES,
                LanguageFeature.FEATURE_V_1_3_REPEAT,
                LanguageFeature.FEATURE_V_1_3_LIKE_ANY_SOME_ALL,
                LanguageFeature.FEATURE_V_1_3_TYPEOF_FUNCTION,
                LanguageFeature.FEATURE_V_1_3_NULLS_FIRST_LAST_IN_ORDER_BY,
                LanguageFeature.FEATURE_V_1_3_ARRAY_GREATEST_LEAST,
                LanguageFeature.FEATURE_V_1_3_COLLATION_SUPPORT,
                LanguageFeature.FEATURE_V_1_3_ANNOTATION_FRAMEWORK,
                LanguageFeature.FEATURE_V_1_4_BARE_ARRAY_ACCESS,
                LanguageFeature.FEATURE_V_1_4_SINGLE_TABLE_NAME_ARRAY_PATH,
                LanguageFeature.FEATURE_V_1_4_GROUPING_BUILTIN,
                LanguageFeature.FEATURE_V_1_4_GROUPING_SETS,
                LanguageFeature.FEATURE_V_1_4_LIKE_ANY_SOME_ALL_ARRAY,
                LanguageFeature.FEATURE_V_1_4_NULLIFZERO_ZEROIFNULL,
                LanguageFeature.FEATURE_V_1_4_ARRAY_ZIP,
                LanguageFeature.FEATURE_V_1_4_GROUP_BY_ALL,
                LanguageFeature.FEATURE_V_1_4_DISABLE_FLOAT32,
                LanguageFeature.FEATURE_V_1_4_PI_FUNCTIONS,
                LanguageFeature.FEATURE_V_1_4_WITH_EXPRESSION);
        options.setEnabledLanguageFeatures(features);
        // QUALIFY is a reserved keyword in BigQuery (lexical structure), so QUALIFY may follow FROM directly.
        options.enableReservableKeyword("QUALIFY");
        return options;
    }

    /** The analyzer's options for BigQuery: its language, UTC as the default time zone (BigQuery docs: time zones). */
    static AnalyzerOptions analyzerOptions(LanguageOptions language) {
        AnalyzerOptions options = new AnalyzerOptions();
        options.setLanguageOptions(language);
        options.setPruneUnusedColumns(true);
        options.setDefaultTimezone("UTC");
        // LIKE ANY/ALL stays a function call: the rewrite into a subquery over UNNEST would be a correlated subquery.
        options.enableRewrite(com.google.zetasql.ZetaSQLOptions.ResolvedASTRewrite.REWRITE_LIKE_ANY_ALL, false);
        // ARRAY_FIRST, ARRAY_LAST, ARRAY_SLICE… stay calls (ArrayFunctions): inlined, they read the array in a subquery.
        options.enableRewrite(com.google.zetasql.ZetaSQLOptions.ResolvedASTRewrite.REWRITE_BUILTIN_FUNCTION_INLINER, false);
        return options;
    }

    private static com.google.zetasql.Type typeOf(QueryParameter parameter) {
        return ZetaTypes.of(Column.of("_", parameter.type(), parameter.value() instanceof List ? Mode.REPEATED : Mode.NULLABLE));
    }

    /** The analyzer's words for a statement other than a query (its supported statement kinds are queries). */
    private static final String NOT_A_QUERY = "Statement not supported: ";

    /**
     * Resolves one GoogleSQL statement. Invalid SQL is {@code INVALID_ARGUMENT} with ZetaSQL's message, which
     * ends with {@code [at line:column]} as BigQuery's does.
     */
    synchronized Analysis analyze(String sql, String defaultProject, Map<String, QueryParameter> parameters,
                                  Function<TableUri, TableEntry> tables) {
        AnalyzerOptions options = analyzerOptions(language);
        if (parameters.keySet().stream().anyMatch(QueryParameter::isPositional)) {
            options.setParameterMode(ParameterMode.PARAMETER_POSITIONAL);
            for (int position = 1; position <= parameters.size(); position++) {
                options.addPositionalQueryParameter(typeOf(parameters.get(QueryParameter.positional(position))));
            }
        } else {
            for (Map.Entry<String, QueryParameter> parameter : parameters.entrySet()) {
                options.addQueryParameter(parameter.getKey(), typeOf(parameter.getValue()));
            }
        }
        Map<Long, TableEntry> entries = new HashMap<>();
        DicombqException missing = null;
        List<List<String>> names;
        boolean script = false;
        try {
            names = Analyzer.extractTableNamesFromStatement(sql, options);
        } catch (SqlException e) {
            // a script: statements after the first, or one only the script grammar has (DECLARE, SET, BEGIN, IF, LOOP)
            if (!syntaxError(e) || !readsAsScript(sql, TemporaryFunctionScript.options(analyzerOptions(language)))) {
                throw rejected(e);
            }
            // CREATE TEMP FUNCTION statements then a query (anything else such a script holds is refused below)
            script = true;
            options = TemporaryFunctionScript.options(options);
            try {
                names = Analyzer.extractTableNamesFromScript(sql, options);
            } catch (SqlException notFunctions) {
                String message = String.valueOf(notFunctions.getMessage());
                throw message.startsWith(NOT_A_QUERY) ? TemporaryFunctionScript.refusal(statementKind(message))
                        : invalid(notFunctions);
            }
        }
        boolean dirty = false;
        List<Runnable> changes = new ArrayList<>();
        List<Object[]> wanted = new ArrayList<>();
        for (List<String> path : names) {
            TableUri uri;
            try {
                uri = uri(path, defaultProject);
            } catch (DicombqException e) {
                missing = missing == null ? e : missing;
                continue;
            }
            TableEntry entry;
            try {
                entry = tables.apply(uri);
            } catch (DicombqException e) {
                // maybe a WITH name rather than a table: the analyzer decides, and this error is kept for then
                missing = missing == null ? e : missing;
                continue;
            }
            String key = key(path);
            Registered known = registered.get(key);
            if (known == null || !known.schema().equals(entry.schema()) || !known.uri().equals(uri)) {
                dirty = true;
            }
            wanted.add(new Object[] {path, uri, entry});
        }
        if (dirty) {
            if (root.isRegistered()) {
                root.unregister();
            }
            for (Object[] want : wanted) {
                @SuppressWarnings("unchecked")
                List<String> path = (List<String>) want[0];
                put(path, (TableUri) want[1], ((TableEntry) want[2]).schema());
            }
        }
        if (!root.isRegistered()) {
            root.register();
        }
        for (Object[] want : wanted) {
            @SuppressWarnings("unchecked")
            List<String> path = (List<String>) want[0];
            entries.put(registered.get(key(path)).table().getId(), (TableEntry) want[2]);
        }
        try {
            ResolvedStatement statement = script
                    // the script's functions live in a layer of this request: the shared catalog stays as it is
                    ? TemporaryFunctionScript.analyze(sql, options, new RequestCatalog(root))
                    : Analyzer.analyzeStatement(sql, options, root);
            return new Analysis(statement, entries);
        } catch (SqlException e) {
            if (missing != null && e.getMessage() != null && e.getMessage().startsWith("Table not found")) {
                throw missing;
            }
            if (e.getMessage() != null && e.getMessage().contains(ZetaTypes.TOO_DEEP)) {
                throw ResolvedTranslator.refuse("A field nested deeper than " + ZetaTypes.MAX_RECORD_DEPTH
                        + " levels of RECORD columns (the analyzer is given that many: docs/sql.md)");
            }
            throw rejected(e);
        } catch (RuntimeException e) {
            if (channelFailure(e)) {
                throw ResolvedTranslator.refuse("A query whose analysis does not fit ZetaSQL's message"
                        + " channel (nesting past protobuf's limit)");
            }
            // ZetaSQL's Java client cannot read back every value its analyzer resolves (a GEOGRAPHY literal).
            if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("Type not supported")) {
                throw ResolvedTranslator.refuse("Values of type " + e.getMessage().substring("Type not supported".length()).strip());
            }
            throw e;
        }
    }

    /**
     * The analyzer's verdict, as a refusal by name where the text is a valid statement other than a query (DDL, DML,
     * CREATE FUNCTION). A script (a text one statement cannot hold but ZetaSQL's script grammar reads) never gets here:
     * {@link #analyze} takes it to {@link TemporaryFunctionScript}, which refuses what else it holds.
     */
    private static DicombqException rejected(SqlException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(NOT_A_QUERY)) {
            return ResolvedTranslator.refuse("The statement " + statementKind(message) + " (only queries run here)");
        }
        return invalid(e);
    }

    /** The statement kind an analyzer's "Statement not supported: KIND [at l:c]" names. */
    private static String statementKind(String message) {
        return message.substring(NOT_A_QUERY.length()).replaceFirst(" \\[at [0-9:]+\\]$", "");
    }

    private static boolean syntaxError(SqlException e) {
        return String.valueOf(e.getMessage()).startsWith("Syntax error:");
    }

    private static boolean readsAsScript(String sql, AnalyzerOptions options) {
        try {
            Analyzer.extractTableNamesFromScript(sql, options);
            return true;
        } catch (SqlException e) {
            // parsed as a script, whose statements are not all queries
            return String.valueOf(e.getMessage()).startsWith(NOT_A_QUERY);
        }
    }

    /** ZetaSQL's own transport error, not a verdict on the SQL: "Failed to read message." from its JNI channel. */
    private static boolean channelFailure(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().endsWith("Failed to read message.")) {
                return true;
            }
        }
        return false;
    }

    private void put(List<String> path, TableUri uri, TableSchema schema) {
        String key = key(path);
        SimpleCatalog parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String prefix = key(path.subList(0, i + 1));
            SimpleCatalog child = children.get(prefix);
            if (child == null) {
                child = parent.addNewSimpleCatalog(path.get(i));
                children.put(prefix, child);
            }
            parent = child;
        }
        String name = path.get(path.size() - 1);
        Registered old = registered.remove(key);
        if (old != null) {
            parent.removeSimpleTable(name);
        }
        List<SimpleColumn> columns = new ArrayList<>();
        for (Column column : schema.columns()) {
            columns.add(new SimpleColumn(name, column.name(), ZetaTypes.of(column)));
        }
        SimpleTable table = new SimpleTable(name, columns);
        table.setFullName(String.join(".", path));
        parent.addSimpleTable(name, table);
        registered.put(key, new Registered(table, uri, schema));
    }

    private static String key(List<String> path) {
        return String.join("\u0000", path).toLowerCase(Locale.ROOT);
    }

    /** BigQuery's table path: the parts joined with dots (a backticked part may hold several), then split. */
    static TableUri uri(List<String> path, String defaultProject) {
        List<String> parts = new ArrayList<>();
        for (String part : path) {
            for (String piece : part.split("\\.", -1)) {
                parts.add(piece);
            }
        }
        String shown = String.join(".", parts);
        if (parts.stream().anyMatch(String::isEmpty) || parts.size() > 3) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Invalid table name: " + shown);
        }
        if (parts.size() == 3) {
            return new TableUri(parts.get(0), parts.get(1), parts.get(2));
        }
        if (parts.size() == 2) {
            if (defaultProject == null || defaultProject.isBlank()) {
                throw new DicombqException(Code.INVALID_ARGUMENT,
                        "Table \"" + shown + "\" must be qualified with a project: no default project is set");
            }
            return new TableUri(defaultProject, parts.get(0), parts.get(1));
        }
        throw new DicombqException(Code.INVALID_ARGUMENT,
                "Table \"" + shown + "\" must be qualified with a dataset (e.g. dataset.table)");
    }

    private static DicombqException invalid(SqlException e) {
        return new DicombqException(new io.dicombq.domain.status.RpcError(Code.INVALID_ARGUMENT, e.getMessage()), e);
    }
}
