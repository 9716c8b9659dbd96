package io.dicombq.adapter.out.sql;

import java.util.List;

/** The syntax tree of the supported BigQuery subset (docs/sql.md). */
final class Ast {
    private Ast() {
    }

    sealed interface Expr permits Literal, Parameter, Path, Call, Cast, Binary, Unary, IsNull, InList, InUnnest,
            Between, Like, CaseWhen, Subscript, FieldAccess, Translated {
        Token at();
    }

    enum LiteralKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    record Literal(LiteralKind kind, String text, Token at) implements Expr {
    }

    record Parameter(String name, Token at) implements Expr {
    }

    /** A dotted name: column, alias.column, column.field.field, … */
    record Path(List<String> parts, Token at) implements Expr {
    }

    /** A function call; {@code star} for COUNT(*). */
    record Call(String name, List<Expr> args, boolean distinct, boolean star, Token at) implements Expr {
    }

    record Cast(Expr value, String typeName, boolean safe, Token at) implements Expr {
    }

    record Binary(String operator, Expr left, Expr right, Token at) implements Expr {
    }

    record Unary(String operator, Expr operand, Token at) implements Expr {
    }

    record IsNull(Expr value, boolean not, Token at) implements Expr {
    }

    record InList(Expr value, List<Expr> list, boolean not, Token at) implements Expr {
    }

    record InUnnest(Expr value, Expr array, boolean not, Token at) implements Expr {
    }

    record Between(Expr value, Expr low, Expr high, boolean not, Token at) implements Expr {
    }

    record Like(Expr value, Expr pattern, boolean not, Token at) implements Expr {
    }

    record When(Expr condition, Expr result) {
    }

    record CaseWhen(Expr operand, List<When> whens, Expr otherwise, Token at) implements Expr {
    }

    enum SubscriptKind { OFFSET, SAFE_OFFSET, ORDINAL, SAFE_ORDINAL }

    record Subscript(Expr array, SubscriptKind kind, Expr index, Token at) implements Expr {
    }

    record FieldAccess(Expr value, String field, Token at) implements Expr {
    }

    /** An argument already rendered by the ZetaSQL front end, handed to the hand-written functions as is. */
    record Translated(Typed typed, Token at) implements Expr {
    }

    // ---- query structure

    /** A select-list item: an expression with an optional alias, or {@code *} / {@code alias.*}. */
    record SelectItem(Expr expr, String alias, String starQualifier, boolean star) {
    }

    enum JoinKind { FIRST, COMMA, CROSS, INNER, LEFT }

    sealed interface Source permits TableSource, UnnestSource {
        JoinKind join();

        Expr on();
    }

    /** A table: path parts (backticks split on dots), or a legacy {@code [project:dataset.table]}. */
    record TableSource(List<String> path, boolean legacy, String alias, JoinKind join, Expr on, Token at) implements Source {
    }

    record UnnestSource(Expr array, String alias, String offsetAlias, JoinKind join, Expr on, Token at) implements Source {
    }

    record OrderItem(Expr expr, boolean descending) {
    }

    record Select(boolean distinct, List<SelectItem> items, List<Source> from, Expr where, List<Expr> groupBy,
                  Expr having, List<OrderItem> orderBy, Long limit, Long offset) {
    }
}
