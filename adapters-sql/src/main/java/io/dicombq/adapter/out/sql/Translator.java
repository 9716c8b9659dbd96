package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.H2Types;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.adapter.out.sql.Ast.Expr;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates a parsed BigQuery SELECT into H2 SQL, resolving every name against the catalog so each expression
 * has a BigQuery type. The types decide the rewrites: CONCAT and CAST AS STRING format values like BigQuery,
 * {@code a.b.c} becomes ROW field access, correlated UNNEST joins the numbers table, GROUP BY ordinals and
 * aliases expand to their expressions. The result schema comes from the same types.
 */
final class Translator {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "COUNTIF", "MIN", "MAX", "SUM", "AVG");

    /** The translated query: H2 SQL (parameters inlined as typed literals) and the BigQuery result schema. */
    record Translation(String sql, TableSchema schema) {
    }

    private sealed interface Bound permits BoundTable, BoundUnnest {
    }

    /** A table in FROM: the name queries use for it, its catalog entry and its H2 alias. */
    private record BoundTable(String name, TableEntry entry, String sqlAlias) implements Bound {
    }

    /** An UNNEST in FROM: its element, the H2 expression of the current element, and the offset. */
    private record BoundUnnest(String name, Column element, String elementSql, String offsetName, String offsetSql)
            implements Bound {
    }

    private final Function<TableUri, TableEntry> tables;
    private final String defaultProject;
    private final Map<String, QueryParameter> parameters;
    private final boolean legacy;
    /** CURRENT_DATE and friends read this, once per query. */
    private final Clock clock;
    private Instant now;
    private final List<Bound> scope = new ArrayList<>();
    private int aliases;

    Translator(Function<TableUri, TableEntry> tables, String defaultProject, Map<String, QueryParameter> parameters,
               boolean legacy, Clock clock) {
        this.clock = clock;
        this.tables = tables;
        this.defaultProject = defaultProject;
        this.parameters = parameters;
        this.legacy = legacy;
    }

    Translation translate(Ast.Select select) {
        StringBuilder from = new StringBuilder();
        for (Ast.Source source : select.from()) {
            bind(source, from);
        }
        List<String> names = new ArrayList<>();
        List<Typed> items = new ArrayList<>();
        List<Expr> itemExprs = new ArrayList<>();
        int anonymous = 0;
        for (Ast.SelectItem item : select.items()) {
            if (item.star()) {
                expandStar(item.starQualifier(), names, items, itemExprs);
                continue;
            }
            Typed typed = expr(item.expr());
            String name = item.alias() != null ? item.alias() : implicitName(item.expr());
            if (name == null) {
                // BigQuery names anonymous result columns f0_, f1_, … in order.
                name = "f" + anonymous++ + "_";
            }
            names.add(name);
            items.add(typed);
            itemExprs.add(item.expr());
        }
        requireUniqueNames(names);

        StringBuilder sql = new StringBuilder("SELECT ");
        if (select.distinct()) {
            for (Typed item : items) {
                if (item.isArray() || item.isRecord()) {
                    throw invalid("Column of type " + item.typeName() + " cannot be used in SELECT DISTINCT");
                }
            }
            sql.append("DISTINCT ");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(items.get(i).sql()).append(" AS ").append(Names.quote(names.get(i)));
            Column type = items.get(i).type();
            columns.add(type == null ? Column.of(names.get(i), ColumnType.INTEGER, Mode.NULLABLE)
                    : new Column(names.get(i), type.type(), type.mode(), type.fields(), type.rangeElement()));
        }
        sql.append(" FROM ").append(from);
        if (select.where() != null) {
            sql.append(" WHERE ").append(condition(select.where(), "WHERE"));
        }
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            for (int i = 0; i < select.groupBy().size(); i++) {
                sql.append(i > 0 ? ", " : "").append(groupKey(select.groupBy().get(i), names, items, itemExprs));
            }
        }
        if (select.having() != null) {
            sql.append(" HAVING ").append(condition(select.having(), "HAVING"));
        }
        if (!select.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < select.orderBy().size(); i++) {
                Ast.OrderItem order = select.orderBy().get(i);
                sql.append(i > 0 ? ", " : "").append(orderKey(order.expr(), names, items))
                        // BigQuery sorts NULLs first ascending and last descending.
                        .append(order.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST");
            }
        }
        if (select.limit() != null) {
            sql.append(" LIMIT ").append(select.limit());
            if (select.offset() != null) {
                sql.append(" OFFSET ").append(select.offset());
            }
        }
        return new Translation(sql.toString(), new TableSchema(columns));
    }

    // ---- FROM

    private void bind(Ast.Source source, StringBuilder from) {
        String join;
        switch (source.join()) {
            case FIRST:
                join = "";
                break;
            case LEFT:
                join = " LEFT JOIN ";
                break;
            default:
                join = " INNER JOIN ";
                break;
        }
        if (source instanceof Ast.TableSource) {
            Ast.TableSource table = (Ast.TableSource) source;
            TableEntry entry = tables.apply(tableUri(table));
            String sqlAlias = "s" + ++aliases;
            String name = table.alias() != null ? table.alias() : entry.uri().table();
            scope.add(new BoundTable(name, entry, sqlAlias));
            from.append(join).append(entry.physicalSql()).append(" AS ").append(Names.quote(sqlAlias));
            if (source.join() == Ast.JoinKind.COMMA || source.join() == Ast.JoinKind.CROSS) {
                from.append(" ON TRUE");
            } else if (source.on() != null) {
                from.append(" ON ").append(condition(source.on(), "ON"));
            }
            return;
        }
        Ast.UnnestSource unnest = (Ast.UnnestSource) source;
        if (legacy) {
            throw invalid("UNNEST is standard SQL; legacy SQL queries cannot use it");
        }
        if (source.join() == Ast.JoinKind.FIRST) {
            throw unsupported("UNNEST as the first FROM item (it must follow the table whose array it expands)");
        }
        Typed array = expr(unnest.array());
        if (!array.isArray()) {
            throw invalid("Values referenced in UNNEST must be arrays. UNNEST contains expression of type " + array.typeName());
        }
        String numbers = "s" + ++aliases;
        String index = Names.quote(numbers) + ".n";
        String name = unnest.alias() != null ? unnest.alias() : implicitName(unnest.array());
        String elementSql = "(" + array.sql() + ")[" + index + "]";
        scope.add(new BoundUnnest(name, array.element(), elementSql, unnest.offsetAlias(), "(" + index + " - 1)"));
        // H2 cannot correlate UNNEST; joining a numbers table on n <= CARDINALITY(array) can (BIGQUERY_EMULATION.md §2).
        from.append(join).append(Catalog.numsTable()).append(" AS ").append(Names.quote(numbers))
                .append(" ON ").append(index).append(" <= CARDINALITY(").append(array.sql()).append(')');
        if (source.on() != null) {
            from.append(" AND ").append(condition(source.on(), "ON"));
        }
    }

    private TableUri tableUri(Ast.TableSource table) {
        List<String> parts = new ArrayList<>();
        if (table.legacy()) {
            String reference = table.path().get(0);
            int colon = reference.lastIndexOf(':');
            if (colon >= 0) {
                parts.add(reference.substring(0, colon));
            }
            for (String part : reference.substring(colon + 1).split("\\.", -1)) {
                parts.add(part);
            }
        } else {
            parts.addAll(table.path());
        }
        String shown = String.join(".", parts);
        if (parts.stream().anyMatch(String::isEmpty) || parts.size() > 3) {
            throw invalid("Invalid table name: " + shown);
        }
        if (parts.size() == 3) {
            return new TableUri(parts.get(0), parts.get(1), parts.get(2));
        }
        if (parts.size() == 2) {
            if (defaultProject == null || defaultProject.isBlank()) {
                throw invalid("Table \"" + shown + "\" must be qualified with a project: no default project is set");
            }
            return new TableUri(defaultProject, parts.get(0), parts.get(1));
        }
        throw invalid("Table \"" + shown + "\" must be qualified with a dataset (e.g. dataset.table)");
    }

    private void expandStar(String qualifier, List<String> names, List<Typed> items, List<Expr> itemExprs) {
        boolean found = false;
        for (Bound bound : scope) {
            if (bound instanceof BoundTable) {
                BoundTable table = (BoundTable) bound;
                if (qualifier != null && !table.name().equalsIgnoreCase(qualifier)) {
                    continue;
                }
                found = true;
                for (Column column : table.entry().schema().columns()) {
                    names.add(column.name());
                    items.add(new Typed(Names.quote(table.sqlAlias()) + "." + Names.quote(column.name()), column));
                    itemExprs.add(null);
                }
            } else {
                BoundUnnest unnest = (BoundUnnest) bound;
                if (qualifier != null) {
                    if (!qualifier.equalsIgnoreCase(unnest.name())) {
                        continue;
                    }
                    if (!unnest.element().isRecord()) {
                        throw invalid("Dot-star is not supported for type " + Typed.describe(unnest.element()));
                    }
                    found = true;
                    for (Column field : unnest.element().fields()) {
                        names.add(field.name());
                        items.add(new Typed("(" + unnest.elementSql() + ")." + Names.quote(field.name()), field));
                        itemExprs.add(null);
                    }
                    continue;
                }
                found = true;
                if (unnest.name() != null) {
                    names.add(unnest.name());
                    items.add(new Typed(unnest.elementSql(), unnest.element()));
                    itemExprs.add(null);
                }
                if (unnest.offsetName() != null) {
                    names.add(unnest.offsetName());
                    items.add(Typed.of(unnest.offsetSql(), ColumnType.INTEGER));
                    itemExprs.add(null);
                }
            }
        }
        if (!found) {
            throw invalid("Unrecognized name: " + qualifier);
        }
    }

    // ---- GROUP BY / ORDER BY

    private String groupKey(Expr key, List<String> names, List<Typed> items, List<Expr> itemExprs) {
        Integer ordinal = ordinal(key, items.size(), "GROUP BY");
        if (ordinal != null) {
            Expr source = itemExprs.get(ordinal);
            if (source != null && containsAggregate(source)) {
                throw invalid("GROUP BY position " + (ordinal + 1) + " refers to an aggregate expression");
            }
            return groupable(items.get(ordinal));
        }
        int alias = selectAlias(key, names);
        if (alias >= 0 && !resolvesAsColumn(key)) {
            return groupable(items.get(alias));
        }
        return groupable(expr(key));
    }

    private static String groupable(Typed key) {
        if (key.isArray() || key.isRecord()) {
            throw invalid("Grouping by expressions of type " + key.typeName() + " is not allowed");
        }
        return key.sql();
    }

    private String orderKey(Expr key, List<String> names, List<Typed> items) {
        Integer ordinal = ordinal(key, items.size(), "ORDER BY");
        Typed typed;
        String sql;
        if (ordinal != null) {
            typed = items.get(ordinal);
            sql = String.valueOf(ordinal + 1);
        } else {
            int alias = selectAlias(key, names);
            if (alias >= 0) {
                typed = items.get(alias);
                sql = Names.quote(names.get(alias));
            } else {
                typed = expr(key);
                sql = typed.sql();
            }
        }
        if (typed.isArray() || typed.isRecord()) {
            throw invalid("ORDER BY does not support expressions of type " + typed.typeName());
        }
        return sql;
    }

    private static Integer ordinal(Expr key, int count, String clause) {
        if (key instanceof Ast.Literal && ((Ast.Literal) key).kind() == Ast.LiteralKind.INTEGER) {
            long position = Long.parseLong(((Ast.Literal) key).text());
            if (position < 1 || position > count) {
                throw invalid(clause + " position " + position + " is out of range: the SELECT list has " + count + " columns");
            }
            return (int) position - 1;
        }
        return null;
    }

    private static int selectAlias(Expr key, List<String> names) {
        if (key instanceof Ast.Path && ((Ast.Path) key).parts().size() == 1) {
            String name = ((Ast.Path) key).parts().get(0);
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean resolvesAsColumn(Expr key) {
        try {
            expr(key);
            return true;
        } catch (DicombqException e) {
            return false;
        }
    }

    private static boolean containsAggregate(Expr e) {
        if (e instanceof Ast.Call) {
            Ast.Call call = (Ast.Call) e;
            return AGGREGATES.contains(call.name()) || call.args().stream().anyMatch(Translator::containsAggregate);
        }
        if (e instanceof Ast.Binary) {
            return containsAggregate(((Ast.Binary) e).left()) || containsAggregate(((Ast.Binary) e).right());
        }
        if (e instanceof Ast.Unary) {
            return containsAggregate(((Ast.Unary) e).operand());
        }
        if (e instanceof Ast.Cast) {
            return containsAggregate(((Ast.Cast) e).value());
        }
        if (e instanceof Ast.CaseWhen) {
            Ast.CaseWhen c = (Ast.CaseWhen) e;
            return (c.operand() != null && containsAggregate(c.operand()))
                    || c.whens().stream().anyMatch(w -> containsAggregate(w.condition()) || containsAggregate(w.result()))
                    || (c.otherwise() != null && containsAggregate(c.otherwise()));
        }
        return false;
    }

    // ---- expressions

    private String condition(Expr e, String clause) {
        Typed typed = expr(e);
        if (!typed.isNull() && !typed.is(ColumnType.BOOLEAN)) {
            throw invalid(clause + " clause should return type BOOL, but returns " + typed.typeName());
        }
        return typed.sql();
    }

    Typed expr(Expr e) {
        if (e instanceof Ast.Translated) {
            return ((Ast.Translated) e).typed();
        }
        if (e instanceof Ast.Literal) {
            return literal((Ast.Literal) e);
        }
        if (e instanceof Ast.Parameter) {
            return parameter((Ast.Parameter) e);
        }
        if (e instanceof Ast.Path) {
            return path((Ast.Path) e);
        }
        if (e instanceof Ast.FieldAccess) {
            Ast.FieldAccess access = (Ast.FieldAccess) e;
            return field(expr(access.value()), access.field());
        }
        if (e instanceof Ast.Subscript) {
            return subscript((Ast.Subscript) e);
        }
        if (e instanceof Ast.Call) {
            return Functions.call((Ast.Call) e, this);
        }
        if (e instanceof Ast.Cast) {
            Ast.Cast cast = (Ast.Cast) e;
            return Casts.cast(expr(cast.value()), cast.typeName(), cast.safe());
        }
        if (e instanceof Ast.Binary) {
            return binary((Ast.Binary) e);
        }
        if (e instanceof Ast.Unary) {
            return unary((Ast.Unary) e);
        }
        if (e instanceof Ast.IsNull) {
            Ast.IsNull isNull = (Ast.IsNull) e;
            Typed value = expr(isNull.value());
            return Typed.of("(" + value.sql() + nullTest(value, isNull.not()) + ")", ColumnType.BOOLEAN);
        }
        if (e instanceof Ast.InList) {
            return inList((Ast.InList) e);
        }
        if (e instanceof Ast.InUnnest) {
            Ast.InUnnest in = (Ast.InUnnest) e;
            Typed value = expr(in.value());
            Typed array = expr(in.array());
            if (!array.isArray() || array.element().isRecord()) {
                throw invalid("IN UNNEST needs an array of scalars, not " + array.typeName());
            }
            Comparisons.requireComparable(value, Typed.of("", array.element().type()), "IN UNNEST");
            String test = "(" + value.sql() + " = ANY(" + array.sql() + "))";
            return Typed.of(in.not() ? "(NOT " + test + ")" : test, ColumnType.BOOLEAN);
        }
        if (e instanceof Ast.Between) {
            Ast.Between between = (Ast.Between) e;
            Typed value = expr(between.value());
            Typed low = expr(between.low());
            Typed high = expr(between.high());
            Comparisons.requireComparable(value, low, "BETWEEN");
            Comparisons.requireComparable(value, high, "BETWEEN");
            return Typed.of("(" + value.sql() + (between.not() ? " NOT" : "") + " BETWEEN " + low.sql() + " AND "
                    + high.sql() + ")", ColumnType.BOOLEAN);
        }
        if (e instanceof Ast.Like) {
            Ast.Like like = (Ast.Like) e;
            Typed value = expr(like.value());
            Typed pattern = expr(like.pattern());
            for (Typed side : List.of(value, pattern)) {
                if (!side.isNull() && !side.is(ColumnType.STRING)) {
                    throw invalid("No matching signature for operator LIKE for argument type " + side.typeName());
                }
            }
            // BigQuery's LIKE escapes with backslash, as H2's does by default.
            return Typed.of("(" + value.sql() + (like.not() ? " NOT" : "") + " LIKE " + pattern.sql() + ")", ColumnType.BOOLEAN);
        }
        if (e instanceof Ast.CaseWhen) {
            return caseWhen((Ast.CaseWhen) e);
        }
        throw new IllegalStateException("unhandled expression " + e);
    }

    /**
     * {@code IS [NOT] NULL}. For a STRUCT, SQL's IS NULL is true when every field is NULL and IS NOT NULL only
     * when none is; BigQuery asks whether the STRUCT itself is NULL, which is H2's IS [NOT] DISTINCT FROM NULL.
     */
    static String nullTest(Typed value, boolean not) {
        return nullTest(value.isRecord(), not);
    }

    /** The test's SQL suffix for a value that is a STRUCT ({@code record}) or not; the one rule of both dialects. */
    static String nullTest(boolean record, boolean not) {
        if (record) {
            return not ? " IS DISTINCT FROM NULL" : " IS NOT DISTINCT FROM NULL";
        }
        return not ? " IS NOT NULL" : " IS NULL";
    }

    private Typed literal(Ast.Literal literal) {
        switch (literal.kind()) {
            case STRING:
                return Typed.of(Literals.string(literal.text()), ColumnType.STRING);
            case INTEGER:
                try {
                    return Typed.of("CAST(" + Long.parseLong(literal.text()) + " AS BIGINT)", ColumnType.INTEGER);
                } catch (NumberFormatException e) {
                    throw invalid("Invalid integer literal: " + literal.text());
                }
            case FLOAT:
                return Typed.of("CAST(" + literal.text() + " AS DOUBLE PRECISION)", ColumnType.FLOAT);
            case BOOLEAN:
                return Typed.of(literal.text(), ColumnType.BOOLEAN);
            default:
                return Typed.untypedNull();
        }
    }

    private Typed parameter(Ast.Parameter parameter) {
        QueryParameter value = null;
        for (Map.Entry<String, QueryParameter> entry : parameters.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(parameter.name())) {
                value = entry.getValue();
            }
        }
        if (value == null) {
            throw invalid("Query parameter '" + parameter.name() + "' not found");
        }
        Column type = Column.of("_", value.type(), Mode.NULLABLE);
        if (value.value() instanceof List) {
            type = Column.of("_", value.type(), Mode.REPEATED);
        }
        return new Typed(Literals.of(type, value.value()), type);
    }

    private Typed path(Ast.Path path) {
        List<String> parts = path.parts();
        String first = parts.get(0);
        List<Typed> candidates = new ArrayList<>();
        int consumed = 1;
        for (Bound bound : scope) {
            if (bound instanceof BoundTable) {
                BoundTable table = (BoundTable) bound;
                if (table.name().equalsIgnoreCase(first)) {
                    if (parts.size() < 2) {
                        throw unsupported("using table alias " + first + " as a value (a whole row as a STRUCT)");
                    }
                    Column column = table.entry().schema().column(parts.get(1));
                    if (column == null) {
                        throw invalid("Name " + parts.get(1) + " not found inside " + first);
                    }
                    candidates.add(columnOf(table, column));
                    consumed = 2;
                }
                Column column = table.entry().schema().column(first);
                if (column != null) {
                    candidates.add(columnOf(table, column));
                }
            } else {
                BoundUnnest unnest = (BoundUnnest) bound;
                if (first.equalsIgnoreCase(unnest.name())) {
                    candidates.add(new Typed(unnest.elementSql(), unnest.element()));
                }
                if (first.equalsIgnoreCase(unnest.offsetName())) {
                    candidates.add(Typed.of(unnest.offsetSql(), ColumnType.INTEGER));
                }
            }
        }
        if (candidates.isEmpty()) {
            throw invalid("Unrecognized name: " + first);
        }
        if (candidates.size() > 1) {
            throw invalid("Name " + first + " is ambiguous: it names more than one column or alias in FROM; qualify it");
        }
        Typed value = candidates.get(0);
        for (int i = consumed; i < parts.size(); i++) {
            value = field(value, parts.get(i));
        }
        if (legacy && value.isArray()) {
            throw unsupported("repeated fields in legacy SQL (they flatten there); use standard SQL");
        }
        return value;
    }

    private static Typed columnOf(BoundTable table, Column column) {
        return new Typed(Names.quote(table.sqlAlias()) + "." + Names.quote(column.name()), column);
    }

    private static Typed field(Typed value, String name) {
        if (value.isArray()) {
            throw invalid("Cannot access field " + name + " on a value with type " + value.typeName());
        }
        if (!value.isRecord()) {
            throw invalid("Cannot access field " + name + " on a value with type " + value.typeName());
        }
        Column field = value.type().field(name);
        if (field == null) {
            throw invalid("Field name " + name + " does not exist in " + value.typeName());
        }
        // H2 reads a ROW field as (row).field.
        return new Typed("(" + value.sql() + ")." + Names.quote(field.name()), field);
    }

    private Typed subscript(Ast.Subscript subscript) {
        Typed array = expr(subscript.array());
        if (!array.isArray()) {
            throw invalid("Array element access with array position is not supported on type " + array.typeName());
        }
        Typed index = expr(subscript.index());
        if (!index.is(ColumnType.INTEGER)) {
            throw invalid("Array position must be INT64, not " + index.typeName());
        }
        boolean zeroBased = subscript.kind() == Ast.SubscriptKind.OFFSET || subscript.kind() == Ast.SubscriptKind.SAFE_OFFSET;
        if (subscript.kind() == Ast.SubscriptKind.SAFE_OFFSET || subscript.kind() == Ast.SubscriptKind.SAFE_ORDINAL) {
            String position = zeroBased ? "(" + index.sql() + " + 1)" : index.sql();
            return new Typed("CASE WHEN " + position + " BETWEEN 1 AND CARDINALITY(" + array.sql() + ") THEN ("
                    + array.sql() + ")[" + position + "] END", array.element());
        }
        // OFFSET/ORDINAL out of range fails in BigQuery's words
        return new Typed(ResolvedFunctions.checkedSubscript(array.sql(), index.sql(), zeroBased ? 0 : 1), array.element());
    }

    private Typed binary(Ast.Binary binary) {
        String op = binary.operator();
        Typed left = expr(binary.left());
        Typed right = expr(binary.right());
        switch (op) {
            case "AND":
            case "OR":
                for (Typed side : List.of(left, right)) {
                    if (!side.isNull() && !side.is(ColumnType.BOOLEAN)) {
                        throw invalid("No matching signature for operator " + op + " for argument type " + side.typeName());
                    }
                }
                return Typed.of("(" + left.sql() + " " + op + " " + right.sql() + ")", ColumnType.BOOLEAN);
            case "=":
            case "!=":
            case "<":
            case "<=":
            case ">":
            case ">=":
                Comparisons.requireComparable(left, right, op);
                return Typed.of("(" + left.sql() + " " + (op.equals("!=") ? "<>" : op) + " " + right.sql() + ")", ColumnType.BOOLEAN);
            case "||":
                return Functions.concat(List.of(left, right));
            default:
                return Comparisons.arithmetic(op, left, right);
        }
    }

    private Typed unary(Ast.Unary unary) {
        Typed operand = expr(unary.operand());
        if (unary.operator().equals("NOT")) {
            if (!operand.isNull() && !operand.is(ColumnType.BOOLEAN)) {
                throw invalid("No matching signature for operator NOT for argument type " + operand.typeName());
            }
            return Typed.of("(NOT " + operand.sql() + ")", ColumnType.BOOLEAN);
        }
        if (!operand.isNull() && !operand.isNumeric()) {
            throw invalid("No matching signature for operator " + unary.operator() + " for argument type " + operand.typeName());
        }
        return new Typed("(" + unary.operator() + operand.sql() + ")", operand.type());
    }

    private Typed inList(Ast.InList in) {
        Typed value = expr(in.value());
        StringBuilder list = new StringBuilder();
        for (Expr item : in.list()) {
            Typed typed = expr(item);
            Comparisons.requireComparable(value, typed, "IN");
            list.append(list.length() > 0 ? ", " : "").append(typed.sql());
        }
        return Typed.of("(" + value.sql() + (in.not() ? " NOT IN (" : " IN (") + list + "))", ColumnType.BOOLEAN);
    }

    private Typed caseWhen(Ast.CaseWhen caseWhen) {
        StringBuilder sql = new StringBuilder("CASE");
        Typed operand = caseWhen.operand() == null ? null : expr(caseWhen.operand());
        if (operand != null) {
            sql.append(' ').append(operand.sql());
        }
        Column type = null;
        List<Typed> results = new ArrayList<>();
        for (Ast.When when : caseWhen.whens()) {
            Typed condition = expr(when.condition());
            if (operand != null) {
                Comparisons.requireComparable(operand, condition, "CASE");
            } else if (!condition.isNull() && !condition.is(ColumnType.BOOLEAN)) {
                throw invalid("CASE WHEN condition must be BOOL, not " + condition.typeName());
            }
            Typed result = expr(when.result());
            results.add(result);
            sql.append(" WHEN ").append(condition.sql()).append(" THEN ").append(result.sql());
        }
        if (caseWhen.otherwise() != null) {
            Typed otherwise = expr(caseWhen.otherwise());
            results.add(otherwise);
            sql.append(" ELSE ").append(otherwise.sql());
        }
        for (Typed result : results) {
            if (type == null && !result.isNull()) {
                type = result.type();
            } else if (type != null && !result.isNull()) {
                Comparisons.requireSameFamily(Typed.of("", type.type()), result, "CASE");
            }
        }
        return new Typed(sql.append(" END").toString(), type);
    }

    // ---- names and errors

    /** BigQuery's implicit alias: the last name of a path or field access; other expressions have none. */
    private static String implicitName(Expr e) {
        if (e instanceof Ast.Path) {
            List<String> parts = ((Ast.Path) e).parts();
            return parts.get(parts.size() - 1);
        }
        if (e instanceof Ast.FieldAccess) {
            return ((Ast.FieldAccess) e).field();
        }
        return null;
    }

    private static void requireUniqueNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid("Duplicate column names in the result are not supported. Found duplicate(s): " + name);
            }
        }
    }

    boolean legacy() {
        return legacy;
    }

    /**
     * The query's time, read once, so every CURRENT_* call of one query sees the same instant (BigQuery docs:
     * CURRENT_TIMESTAMP is evaluated once per query), in BigQuery's microseconds.
     */
    Instant now() {
        if (now == null) {
            now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        return now;
    }

    static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }

    static DicombqException unsupported(String construct) {
        // One wording for every refusal, the GoogleSQL path's (ResolvedTranslator.refuse): the construct, then why.
        return new DicombqException(Code.INVALID_ARGUMENT, Refusals.message(construct));
    }

    static String h2Type(Column column) {
        return H2Types.of(column);
    }
}
