package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.sql.Ast.Expr;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the supported subset of BigQuery Standard SQL: one SELECT with FROM (tables,
 * correlated UNNEST, joins), WHERE, GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET. Any other construct is rejected
 * with INVALID_ARGUMENT naming it, so the engine never answers a query it does not understand.
 */
final class Parser {
    /** Words that cannot be column names without backticks (BigQuery reserved keywords, in the subset's reach). */
    private static final Set<String> RESERVED = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BY",
            "CASE", "CAST", "CROSS", "CURRENT", "DEFAULT", "DESC", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS",
            "FALSE", "FROM", "FULL", "GROUP", "HAVING", "IF", "IN", "INNER", "INTERSECT", "INTERVAL", "IS", "JOIN",
            "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "QUALIFY", "RIGHT", "SELECT", "STRUCT", "THEN", "TRUE", "UNION", "UNNEST", "USING", "WHEN", "WHERE",
            "WINDOW", "WITH");
    private static final Set<String> CLAUSE_END = Set.of("FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "INTERSECT", "EXCEPT", "WINDOW", "QUALIFY", "ON", "JOIN", "INNER", "LEFT", "RIGHT", "FULL",
            "CROSS", "OFFSET");

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Ast.Select parse(String sql) {
        Parser parser = new Parser(Lexer.tokenize(sql));
        return parser.statement();
    }

    private Ast.Select statement() {
        Token first = peek();
        if (first.isWord("WITH")) {
            throw unsupported("WITH clauses", first);
        }
        if (!first.isWord("SELECT")) {
            throw unsupported(first.kind() == Token.Kind.END ? "an empty query" : "statements other than SELECT ("
                    + first.text().toUpperCase(Locale.ROOT) + ")", first);
        }
        Ast.Select select = select();
        if (peek().isWord("UNION") || peek().isWord("INTERSECT") || peek().isWord("EXCEPT")) {
            throw unsupported("set operations (" + peek().text().toUpperCase(Locale.ROOT) + ")", peek());
        }
        while (peek().isSymbol(";")) {
            pos++;
        }
        if (peek().kind() != Token.Kind.END) {
            throw syntax(peek());
        }
        return select;
    }

    private Ast.Select select() {
        expectWord("SELECT");
        if (peek().isWord("AS")) {
            throw unsupported("SELECT AS STRUCT / VALUE", peek());
        }
        boolean distinct = acceptWord("DISTINCT");
        acceptWord("ALL");
        List<Ast.SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (acceptSymbol(","));
        if (!peek().isWord("FROM")) {
            throw unsupported("SELECT without FROM", peek());
        }
        pos++;
        List<Ast.Source> from = from();
        Expr where = acceptWord("WHERE") ? expr() : null;
        List<Expr> groupBy = new ArrayList<>();
        if (acceptWord("GROUP")) {
            expectWord("BY");
            if (peek().isWord("ROLLUP") || peek().isWord("CUBE") || peek().isWord("GROUPING")) {
                throw unsupported("GROUP BY " + peek().text().toUpperCase(Locale.ROOT), peek());
            }
            do {
                groupBy.add(expr());
            } while (acceptSymbol(","));
        }
        Expr having = acceptWord("HAVING") ? expr() : null;
        if (peek().isWord("QUALIFY") || peek().isWord("WINDOW")) {
            throw unsupported(peek().text().toUpperCase(Locale.ROOT) + " clauses", peek());
        }
        List<Ast.OrderItem> orderBy = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                Expr e = expr();
                boolean descending = acceptWord("DESC");
                if (!descending) {
                    acceptWord("ASC");
                }
                if (peek().isWord("NULLS")) {
                    throw unsupported("NULLS FIRST / NULLS LAST", peek());
                }
                orderBy.add(new Ast.OrderItem(e, descending));
            } while (acceptSymbol(","));
        }
        Long limit = null;
        Long offset = null;
        if (acceptWord("LIMIT")) {
            limit = integer();
            if (acceptWord("OFFSET")) {
                offset = integer();
            }
        }
        return new Ast.Select(distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    private long integer() {
        Token t = next();
        if (t.kind() != Token.Kind.INTEGER) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Syntax error: expected an integer literal but got "
                    + t.describe() + " at " + t.where());
        }
        return Long.parseLong(t.text());
    }

    private Ast.SelectItem selectItem() {
        if (acceptSymbol("*")) {
            rejectStarModifiers();
            return new Ast.SelectItem(null, null, null, true);
        }
        if (peek().kind() == Token.Kind.WORD || peek().kind() == Token.Kind.QUOTED) {
            if (peekAt(1).isSymbol(".") && peekAt(2).isSymbol("*")) {
                String qualifier = identifier();
                pos += 2;
                rejectStarModifiers();
                return new Ast.SelectItem(null, null, qualifier, true);
            }
        }
        Expr e = expr();
        String alias = alias();
        return new Ast.SelectItem(e, alias, null, false);
    }

    private void rejectStarModifiers() {
        if (peek().isWord("EXCEPT") || peek().isWord("REPLACE")) {
            throw unsupported("SELECT * " + peek().text().toUpperCase(Locale.ROOT), peek());
        }
    }

    private String alias() {
        if (acceptWord("AS")) {
            return identifier();
        }
        Token t = peek();
        if (t.kind() == Token.Kind.QUOTED || (t.kind() == Token.Kind.WORD && !isReserved(t) && !CLAUSE_END.contains(upper(t)))) {
            return identifier();
        }
        return null;
    }

    private List<Ast.Source> from() {
        List<Ast.Source> sources = new ArrayList<>();
        sources.add(source(Ast.JoinKind.FIRST));
        while (true) {
            Ast.JoinKind kind;
            if (acceptSymbol(",")) {
                kind = Ast.JoinKind.COMMA;
            } else if (acceptWord("CROSS")) {
                expectWord("JOIN");
                kind = Ast.JoinKind.CROSS;
            } else if (acceptWord("INNER")) {
                expectWord("JOIN");
                kind = Ast.JoinKind.INNER;
            } else if (acceptWord("JOIN")) {
                kind = Ast.JoinKind.INNER;
            } else if (acceptWord("LEFT")) {
                acceptWord("OUTER");
                expectWord("JOIN");
                kind = Ast.JoinKind.LEFT;
            } else if (peek().isWord("RIGHT") || peek().isWord("FULL")) {
                throw unsupported(upper(peek()) + " JOIN", peek());
            } else {
                return sources;
            }
            sources.add(source(kind));
        }
    }

    private Ast.Source source(Ast.JoinKind join) {
        Token at = peek();
        Ast.Source source;
        if (at.isWord("UNNEST")) {
            pos++;
            expectSymbol("(");
            if (peek().isSymbol("[")) {
                throw unsupported("UNNEST of an array literal", peek());
            }
            Expr array = expr();
            expectSymbol(")");
            String alias = alias();
            String offsetAlias = null;
            if (acceptWord("WITH")) {
                expectWord("OFFSET");
                offsetAlias = alias();
                if (offsetAlias == null) {
                    offsetAlias = "offset";
                }
            }
            source = new Ast.UnnestSource(array, alias, offsetAlias, join, null, at);
        } else if (at.kind() == Token.Kind.LEGACY_TABLE) {
            pos++;
            source = new Ast.TableSource(List.of(at.text()), true, alias(), join, null, at);
        } else if (at.isSymbol("(")) {
            throw unsupported("subqueries in FROM", at);
        } else {
            source = new Ast.TableSource(tablePath(), false, null, join, null, at);
            String alias = alias();
            Ast.TableSource t = (Ast.TableSource) source;
            source = new Ast.TableSource(t.path(), false, alias, join, null, at);
        }
        if (peek().isWord("TABLESAMPLE") || peek().isWord("FOR")) {
            throw unsupported(upper(peek()), peek());
        }
        if (join == Ast.JoinKind.INNER || join == Ast.JoinKind.LEFT) {
            if (peek().isWord("USING")) {
                throw unsupported("JOIN … USING", peek());
            }
            Expr on = null;
            if (acceptWord("ON")) {
                on = expr();
            } else if (!(source instanceof Ast.UnnestSource)) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "Syntax error: JOIN needs an ON clause at " + peek().where());
            }
            source = source instanceof Ast.UnnestSource
                    ? new Ast.UnnestSource(((Ast.UnnestSource) source).array(), ((Ast.UnnestSource) source).alias(),
                    ((Ast.UnnestSource) source).offsetAlias(), join, on, at)
                    : new Ast.TableSource(((Ast.TableSource) source).path(), ((Ast.TableSource) source).legacy(),
                    ((Ast.TableSource) source).alias(), join, on, at);
        }
        return source;
    }

    /** A table path: identifiers and backticked names joined by dots; a backticked name may hold dots itself. */
    private List<String> tablePath() {
        List<String> parts = new ArrayList<>();
        do {
            Token t = next();
            if (t.kind() == Token.Kind.QUOTED) {
                for (String part : t.text().split("\\.", -1)) {
                    parts.add(part);
                }
            } else if (t.kind() == Token.Kind.WORD && !isReserved(t)) {
                parts.add(t.text());
            } else {
                throw syntax(t);
            }
        } while (acceptSymbol("."));
        return parts;
    }

    // ---- expressions, by BigQuery operator precedence (lowest first)

    private Expr expr() {
        Expr left = and();
        while (peek().isWord("OR")) {
            Token at = next();
            left = new Ast.Binary("OR", left, and(), at);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().isWord("AND")) {
            Token at = next();
            left = new Ast.Binary("AND", left, not(), at);
        }
        return left;
    }

    private Expr not() {
        if (peek().isWord("NOT")) {
            Token at = next();
            return new Ast.Unary("NOT", not(), at);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        Token at = peek();
        if (at.kind() == Token.Kind.SYMBOL && Set.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(at.text())) {
            pos++;
            return new Ast.Binary(at.text().equals("<>") ? "!=" : at.text(), left, additive(), at);
        }
        if (at.isWord("IS")) {
            pos++;
            boolean not = acceptWord("NOT");
            if (acceptWord("NULL")) {
                return new Ast.IsNull(left, not, at);
            }
            throw unsupported("IS " + (not ? "NOT " : "") + upper(peek()), peek());
        }
        boolean not = false;
        if (at.isWord("NOT") && (peekAt(1).isWord("IN") || peekAt(1).isWord("LIKE") || peekAt(1).isWord("BETWEEN"))) {
            pos++;
            not = true;
        }
        Token op = peek();
        if (op.isWord("LIKE")) {
            pos++;
            return new Ast.Like(left, additive(), not, op);
        }
        if (op.isWord("BETWEEN")) {
            pos++;
            Expr low = additive();
            expectWord("AND");
            return new Ast.Between(left, low, additive(), not, op);
        }
        if (op.isWord("IN")) {
            pos++;
            if (acceptWord("UNNEST")) {
                expectSymbol("(");
                Expr array = expr();
                expectSymbol(")");
                return new Ast.InUnnest(left, array, not, op);
            }
            expectSymbol("(");
            if (peek().isWord("SELECT")) {
                throw unsupported("subqueries", peek());
            }
            List<Expr> list = new ArrayList<>();
            do {
                list.add(expr());
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new Ast.InList(left, list, not, op);
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token at = next();
            left = new Ast.Binary(at.text(), left, multiplicative(), at);
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("||")) {
            Token at = next();
            left = new Ast.Binary(at.text(), left, unary(), at);
        }
        return left;
    }

    private Expr unary() {
        if (peek().isSymbol("-") || peek().isSymbol("+")) {
            Token at = next();
            return new Ast.Unary(at.text(), unary(), at);
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token at = peek();
            if (at.isSymbol("[")) {
                pos++;
                Ast.SubscriptKind kind = Ast.SubscriptKind.OFFSET;
                Expr index;
                Token word = peek();
                if (word.kind() == Token.Kind.WORD && peekAt(1).isSymbol("(")
                        && Set.of("OFFSET", "SAFE_OFFSET", "ORDINAL", "SAFE_ORDINAL").contains(upper(word))) {
                    kind = Ast.SubscriptKind.valueOf(upper(word));
                    pos += 2;
                    index = expr();
                    expectSymbol(")");
                } else {
                    index = expr();
                }
                expectSymbol("]");
                e = new Ast.Subscript(e, kind, index, at);
            } else if (at.isSymbol(".") && !(e instanceof Ast.Path)) {
                pos++;
                e = new Ast.FieldAccess(e, identifier(), at);
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Ast.Literal(Ast.LiteralKind.STRING, t.text(), t);
            case INTEGER:
                return new Ast.Literal(Ast.LiteralKind.INTEGER, t.text(), t);
            case FLOAT:
                return new Ast.Literal(Ast.LiteralKind.FLOAT, t.text(), t);
            case PARAMETER:
                return new Ast.Parameter(t.text(), t);
            case QUOTED:
                return path(t);
            case SYMBOL:
                if (t.isSymbol("(")) {
                    if (peek().isWord("SELECT")) {
                        throw unsupported("subqueries", peek());
                    }
                    Expr inner = expr();
                    if (peek().isSymbol(",")) {
                        throw unsupported("STRUCT tuples", peek());
                    }
                    expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("[")) {
                    throw unsupported("array literals", t);
                }
                throw syntax(t);
            case WORD:
                return word(t);
            default:
                throw syntax(t);
        }
    }

    private Expr word(Token t) {
        String word = upper(t);
        switch (word) {
            case "TRUE":
            case "FALSE":
                return new Ast.Literal(Ast.LiteralKind.BOOLEAN, word, t);
            case "NULL":
                return new Ast.Literal(Ast.LiteralKind.NULL, word, t);
            case "CASE":
                return caseWhen(t);
            case "CAST":
            case "SAFE_CAST":
                expectSymbol("(");
                Expr value = expr();
                expectWord("AS");
                String type = typeName();
                expectSymbol(")");
                return new Ast.Cast(value, type, word.equals("SAFE_CAST"), t);
            case "EXISTS":
                throw unsupported("EXISTS subqueries", t);
            case "EXTRACT":
                if (peek().isSymbol("(")) {
                    return extract(t);
                }
                break;
            case "CURRENT_DATE":
            case "CURRENT_DATETIME":
            case "CURRENT_TIME":
            case "CURRENT_TIMESTAMP":
                if (!peek().isSymbol("(")) {
                    // BigQuery allows these without parentheses.
                    return new Ast.Call(word, List.of(), false, false, t);
                }
                break;
            case "ARRAY":
            case "STRUCT":
            case "INTERVAL":
                throw unsupported(word + " constructors", t);
            case "DATE":
            case "TIME":
            case "DATETIME":
            case "TIMESTAMP":
                if (peek().kind() == Token.Kind.STRING) {
                    return new Ast.Cast(new Ast.Literal(Ast.LiteralKind.STRING, next().text(), t), word, false, t);
                }
                break;
            default:
                break;
        }
        if (peek().isSymbol("(")) {
            return call(t);
        }
        if (isReserved(t)) {
            throw syntax(t);
        }
        return path(t);
    }

    private String typeName() {
        Token t = next();
        if (t.kind() != Token.Kind.WORD) {
            throw syntax(t);
        }
        if (peek().isSymbol("<") || peek().isSymbol("(")) {
            throw unsupported("parameterised or composite types in CAST (" + upper(t) + ")", peek());
        }
        return upper(t);
    }

    private Expr caseWhen(Token at) {
        Expr operand = peek().isWord("WHEN") ? null : expr();
        List<Ast.When> whens = new ArrayList<>();
        while (acceptWord("WHEN")) {
            Expr condition = expr();
            expectWord("THEN");
            whens.add(new Ast.When(condition, expr()));
        }
        if (whens.isEmpty()) {
            throw syntax(peek());
        }
        Expr otherwise = acceptWord("ELSE") ? expr() : null;
        expectWord("END");
        return new Ast.CaseWhen(operand, whens, otherwise, at);
    }

    /**
     * {@code EXTRACT(part FROM value)}, kept as a call {@code EXTRACT(part, value)} whose part is a bare name or
     * {@code WEEK(weekday)}.
     */
    private Expr extract(Token at) {
        expectSymbol("(");
        Expr part = datePart();
        expectWord("FROM");
        Expr value = expr();
        if (peek().isWord("AT")) {
            throw unsupported("EXTRACT … AT TIME ZONE", peek());
        }
        expectSymbol(")");
        return new Ast.Call("EXTRACT", List.of(part, value), false, false, at);
    }

    /** A date part: a name such as {@code DAY}, or {@code WEEK(MONDAY)}. */
    private Expr datePart() {
        Token t = next();
        if (t.kind() != Token.Kind.WORD) {
            throw syntax(t);
        }
        Expr part = new Ast.Path(List.of(upper(t)), t);
        if (peek().isSymbol("(")) {
            pos++;
            Token weekday = next();
            if (weekday.kind() != Token.Kind.WORD) {
                throw syntax(weekday);
            }
            expectSymbol(")");
            part = new Ast.Call(upper(t), List.of(new Ast.Path(List.of(upper(weekday)), weekday)), false, false, t);
        }
        return part;
    }

    /** {@code INTERVAL n part}, only as the second argument of DATE_ADD / DATE_SUB; kept as a call INTERVAL(n, part). */
    private Expr interval() {
        Token at = next();
        Expr amount = expr();
        return new Ast.Call("INTERVAL", List.of(amount, datePart()), false, false, at);
    }

    private Expr call(Token name) {
        expectSymbol("(");
        String function = upper(name);
        boolean takesInterval = function.equals("DATE_ADD") || function.equals("DATE_SUB");
        if (acceptSymbol("*")) {
            expectSymbol(")");
            rejectOver();
            return new Ast.Call(function, List.of(), false, true, name);
        }
        boolean distinct = acceptWord("DISTINCT");
        List<Expr> args = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                args.add(takesInterval && args.size() == 1 && peek().isWord("INTERVAL") ? interval() : expr());
            } while (acceptSymbol(","));
        }
        if (peek().isWord("ORDER") || peek().isWord("LIMIT") || peek().isWord("IGNORE") || peek().isWord("RESPECT")) {
            throw unsupported(upper(peek()) + " inside " + function + "()", peek());
        }
        expectSymbol(")");
        rejectOver();
        return new Ast.Call(function, args, distinct, false, name);
    }

    private void rejectOver() {
        if (peek().isWord("OVER")) {
            throw unsupported("window functions (OVER)", peek());
        }
    }

    private Expr path(Token first) {
        List<String> parts = new ArrayList<>();
        addParts(parts, first);
        while (peek().isSymbol(".") && (peekAt(1).kind() == Token.Kind.WORD || peekAt(1).kind() == Token.Kind.QUOTED)) {
            pos++;
            addParts(parts, next());
        }
        return new Ast.Path(parts, first);
    }

    private static void addParts(List<String> parts, Token t) {
        if (t.kind() == Token.Kind.QUOTED) {
            for (String part : t.text().split("\\.", -1)) {
                parts.add(part);
            }
        } else {
            parts.add(t.text());
        }
    }

    // ---- token helpers

    private String identifier() {
        Token t = next();
        if (t.kind() == Token.Kind.QUOTED || (t.kind() == Token.Kind.WORD && !isReserved(t))) {
            return t.text();
        }
        throw syntax(t);
    }

    private static boolean isReserved(Token t) {
        return t.kind() == Token.Kind.WORD && RESERVED.contains(upper(t));
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    private boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Syntax error: expected keyword " + word + " but got "
                    + peek().describe() + " at " + peek().where());
        }
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Syntax error: expected \"" + symbol + "\" but got "
                    + peek().describe() + " at " + peek().where());
        }
    }

    private static DicombqException syntax(Token t) {
        return new DicombqException(Code.INVALID_ARGUMENT, "Syntax error: unexpected " + t.describe() + " at " + t.where());
    }

    static DicombqException unsupported(String construct, Token at) {
        return new DicombqException(Code.INVALID_ARGUMENT, Refusals.message(construct + " at " + at.where()));
    }
}
