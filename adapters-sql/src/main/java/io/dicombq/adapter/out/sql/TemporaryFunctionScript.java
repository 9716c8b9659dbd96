package io.dicombq.adapter.out.sql;

import com.google.common.collect.ImmutableList;
import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.Function;
import com.google.zetasql.FunctionProtos.FunctionOptionsProto;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.Parser;
import com.google.zetasql.ZetaSQLFunctions.FunctionEnums.Mode;
import com.google.zetasql.ZetaSQLOptions.LanguageFeature;
import com.google.zetasql.ZetaSQLOptions.ResolvedASTRewrite;
import com.google.zetasql.ZetaSQLResolvedNodeKind.ResolvedNodeKind;
import com.google.zetasql.parser.ASTNodes.ASTCreateFunctionStatement;
import com.google.zetasql.parser.ASTNodes.ASTQueryStatement;
import com.google.zetasql.parser.ASTNodes.ASTStatement;
import com.google.zetasql.resolvedast.ResolvedCreateStatementEnums.CreateScope;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateFunctionStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * BigQuery's script of {@code CREATE TEMP FUNCTION name(args) [RETURNS type] AS (expr);} statements followed by one
 * query (BigQuery docs: user-defined functions, CREATE FUNCTION statement). Each CREATE is resolved by ZetaSQL and the
 * function added to the request's {@link RequestCatalog} as a templated SQL function: the analyzer resolves the body
 * at each call with the call's argument types (after coercion to declared ones), so a body is typed as BigQuery types
 * it, and inlines it (its SQL-function inliner: each argument bound once, in a scalar subquery, then the body).
 */
final class TemporaryFunctionScript {
    private TemporaryFunctionScript() {
    }

    /** BigQuery's language, with the statements of such a script and templated ({@code ANY TYPE}) arguments. */
    static LanguageOptions language() {
        LanguageOptions language = ZetaSqlFrontEnd.bigQueryLanguage();
        language.setSupportedStatementKinds(EnumSet.of(ResolvedNodeKind.RESOLVED_QUERY_STMT,
                ResolvedNodeKind.RESOLVED_CREATE_FUNCTION_STMT));
        language.enableLanguageFeature(LanguageFeature.FEATURE_TEMPLATE_FUNCTIONS);
        // resolved, so that an aggregate function is refused by name rather than as a syntax error
        language.enableLanguageFeature(LanguageFeature.FEATURE_CREATE_AGGREGATE_FUNCTION);
        return language;
    }

    /** The analyzer's options for such a script: those of a query, with calls of SQL functions inlined. */
    static AnalyzerOptions options(AnalyzerOptions query) {
        query.setLanguageOptions(language());
        query.enableRewrite(ResolvedASTRewrite.REWRITE_INLINE_SQL_FUNCTIONS, true);
        return query;
    }

    /**
     * Resolves the script's statements in order, adding each function to {@code catalog}, and gives the final query.
     * Invalid SQL fails with the analyzer's message and position in the whole text.
     */
    static ResolvedQueryStmt analyze(String sql, AnalyzerOptions options, RequestCatalog catalog) {
        List<ASTStatement> statements = Parser.parseScript(sql, options.getLanguageOptions())
                .getStatementListNode().getStatementList();
        ParseResumeLocation location = new ParseResumeLocation(sql);
        ResolvedStatement last = null;
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.get(i) instanceof ASTCreateFunctionStatement || statements.get(i) instanceof ASTQueryStatement)) {
                // BEGIN … END, DECLARE, IF, LOOP: script statements the analyzer does not resolve
                throw refusal(statements.get(i).nodeKindString());
            }
            last = Analyzer.analyzeNextStatement(location, options, catalog);
            boolean final_ = i == statements.size() - 1;
            if (last instanceof ResolvedCreateFunctionStmt create && !final_) {
                add(create, catalog);
            } else if (!(last instanceof ResolvedQueryStmt) || !final_) {
                throw ResolvedTranslator.refuse(SCRIPT);
            }
        }
        return (ResolvedQueryStmt) last;
    }

    /** The refusal of any other script: statements other than temporary functions before one final query. */
    static final String SCRIPT = "A script (several statements, BigQuery's multi-statement query) other than"
            + " CREATE TEMP FUNCTION statements before one query";

    /** The refusal of a script holding a statement of this kind (the analyzer's name for it). */
    static DicombqException refusal(String kind) {
        return ResolvedTranslator.refuse(SCRIPT + " (this one holds a statement of kind " + kind + ")");
    }

    private static void add(ResolvedCreateFunctionStmt create, RequestCatalog catalog) {
        String name = String.join(".", create.getNamePath());
        if (create.getCreateScope() != CreateScope.CREATE_TEMP) {
            throw ResolvedTranslator.refuse("CREATE FUNCTION without TEMP (a persistent function, " + name + ")");
        }
        if (name.contains(".")) {
            // BigQuery docs, CREATE FUNCTION statement: a temporary function's name cannot contain a period
            throw new DicombqException(Code.INVALID_ARGUMENT, "The name of a temporary function cannot contain '.': "
                    + name + "; give it a name without a dataset or project, or create a persistent function");
        }
        if (create.getIsAggregate()) {
            throw ResolvedTranslator.refuse("An aggregate function (CREATE TEMP AGGREGATE FUNCTION " + name + ")");
        }
        if (create.getIsRemote() || !create.getLanguage().equalsIgnoreCase("SQL")) {
            throw ResolvedTranslator.refuse("A function in LANGUAGE " + create.getLanguage() + " (" + name + ")");
        }
        if (catalog.hasShared(name)) {
            // ZetaSQL's native catalog takes one function per name: the analyzer process would abort on the second
            throw ResolvedTranslator.refuse("A temporary function named like the function " + name.toUpperCase(Locale.ROOT)
                    + " the catalog already has");
        }
        if (catalog.hasTemporary(name)) {
            switch (create.getCreateMode()) {
                case CREATE_IF_NOT_EXISTS:
                    return;
                case CREATE_OR_REPLACE:
                    break;
                default:
                    // BigQuery fails here; its wording is not documented
                    throw ResolvedTranslator.refuse("A second CREATE TEMP FUNCTION " + name
                            + " without OR REPLACE");
            }
        }
        // the name as written in the analyzer's messages (ZetaSQL names a SQL function so: MakeFunctionFromCreateFunction)
        FunctionOptionsProto functionOptions = FunctionOptionsProto.newBuilder()
                .setSqlName(name).setUsesUpperCaseSqlName(false).build();
        catalog.addTemporary(new Function.TemplatedSQLFunction(ImmutableList.copyOf(create.getNamePath()),
                create.getSignature(), create.getArgumentNameList(), new ParseResumeLocation(create.getCode()),
                Mode.SCALAR, functionOptions));
    }
}
