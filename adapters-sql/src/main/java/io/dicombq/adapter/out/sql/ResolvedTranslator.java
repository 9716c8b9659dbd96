package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedFunctionCallBaseEnums.ErrorMode;
import com.google.zetasql.resolvedast.ResolvedNode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionGroup;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedArrayScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCast;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumnBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFilterScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetStructField;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedJoinScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLimitOffsetScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMakeStruct;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedParameter;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedProjectScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRecursiveRefScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRecursiveScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSingleRowScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSubqueryExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTableScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowFrame;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowFrameExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithRefScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithEntry;
import com.google.zetasql.resolvedast.ResolvedNonScalarFunctionCallBaseEnums.NullHandlingModifier;
import com.google.zetasql.resolvedast.ResolvedOrderByItemEnums.NullOrderMode;
import com.google.zetasql.resolvedast.ResolvedWindowFrameEnums;
import com.google.zetasql.resolvedast.ResolvedWindowFrameExprEnums;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.H2Types;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a statement resolved by ZetaSQL as H2 SQL. Names, types and implicit coercions are already decided by the
 * analyzer; this class only chooses H2 spellings that give BigQuery's answer. Every scan becomes a derived table whose
 * columns are named after ZetaSQL's unique column ids ({@code "c12"}), so references, correlation and CTEs need no
 * name resolution. What cannot run exactly is refused naming the resolved construct (specification 6.1).
 */
final class ResolvedTranslator {
    private final Map<Long, TableEntry> tables;
    /** The hand-written translator: its BigQuery functions (SUBSTR, REGEXP_*, JSON_*, dates…) are reused. */
    private final Translator functions;
    private final Map<String, ResolvedScan> withEntries = new HashMap<>();
    /** Columns whose value is an SQL expression rather than a derived-table column (UNNEST's element in ON). */
    private final Map<Long, String> substituted = new HashMap<>();
    /** Columns holding values read from a warehouse table as stored (not computed by the query). */
    private final Set<Long> storedColumns = new HashSet<>();
    /** Arguments rendered as placeholders while a SAFE. call is rendered (see {@link SafeCalls}). */
    private final Map<ResolvedExpr, String> placeholders = new java.util.IdentityHashMap<>();
    /** The recursive CTEs whose recursive term is being rendered, innermost first. */
    private final java.util.Deque<ResolvedRecursiveScan> recursion = new java.util.ArrayDeque<>();
    /** For each of {@link #recursion}, how deep in statements of their own its recursive term is rendered. */
    private final java.util.Deque<Integer> recursionStatements = new java.util.ArrayDeque<>();
    /** How deep in statements of their own ({@link #isolated}) what is being rendered is. */
    private int statements;
    /** How many correlated subqueries enclose what is being rendered. */
    private int correlated;
    private int aliases;
    /** Whether the statement compares under COLLATE 'und:ci' ({@link Collations}), so collated = and != do. */
    private boolean caseInsensitive;

    ResolvedTranslator(Map<Long, TableEntry> tables, Translator functions) {
        this.tables = tables;
        this.functions = functions;
    }

    Translator.Translation translate(ResolvedStatement statement) {
        if (!(statement instanceof ResolvedQueryStmt)) {
            throw refuse("statement " + statement.nodeKindString() + " (only queries run on the embedded warehouse)");
        }
        ResolvedQueryStmt query = (ResolvedQueryStmt) statement;
        caseInsensitive = Collations.caseInsensitive(statement);
        UnorderedValues.refuseIn(statement);
        if (query.getIsValueTable()) {
            // BigQuery documents value tables in subqueries, not the columns of a query result that is one.
            throw refuse("SELECT AS STRUCT / SELECT AS VALUE as the query's result (a value table)");
        }
        List<Column> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int anonymous = 0;
        for (ResolvedOutputColumn output : query.getOutputColumnList()) {
            String name = output.getName();
            if (name.startsWith("$")) {
                // BigQuery names anonymous result columns f0_, f1_, … in order.
                name = "f" + anonymous++ + "_";
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new DicombqException(Code.INVALID_ARGUMENT,
                        "Duplicate column names in the result are not supported. Found duplicate(s): " + name);
            }
            Column column = ZetaTypes.column(name, output.getColumn().getType());
            if (column == null) {
                throw refuse("result column " + name + " of type " + ZetaTypes.name(output.getColumn().getType()));
            }
            columns.add(column);
            select.add(col(output.getColumn()) + " AS " + Names.quote(name));
        }
        String sql = ordered(query.getQuery(), String.join(", ", select));
        return new Translator.Translation(sql, new TableSchema(columns));
    }

    /**
     * A SELECT of {@code selectList} over {@code scan}, keeping its order when it has one: an ORDER BY (and the
     * LIMIT over it) is rendered at this level, since H2 need not keep a derived table's order.
     */
    private String ordered(ResolvedScan scan, String selectList) {
        ResolvedLimitOffsetScan limit = null;
        ResolvedScan inner = scan;
        // Projections over the ORDER BY (SELECT AS STRUCT … ORDER BY builds its STRUCT last) are computed beside
        // the ordered rows, so the ORDER BY stays at this level.
        List<ResolvedProjectScan> after = new ArrayList<>();
        while (inner instanceof ResolvedProjectScan && orderedOrLimited(((ResolvedProjectScan) inner).getInputScan())) {
            after.add(0, (ResolvedProjectScan) inner);
            inner = ((ResolvedProjectScan) inner).getInputScan();
        }
        if (!after.isEmpty()) {
            ResolvedScan ordered = inner;
            if (ordered instanceof ResolvedLimitOffsetScan && !(((ResolvedLimitOffsetScan) ordered).getInputScan() instanceof ResolvedOrderByScan)) {
                return "SELECT " + selectList + " FROM (" + scan(scan) + ") AS " + alias();
            }
            ResolvedLimitOffsetScan limited = ordered instanceof ResolvedLimitOffsetScan ? (ResolvedLimitOffsetScan) ordered : null;
            ResolvedOrderByScan order = (ResolvedOrderByScan) (limited == null ? ordered : limited.getInputScan());
            String rows = scan(order.getInputScan());
            for (ResolvedProjectScan projection : after) {
                String input = alias();
                rows = "SELECT " + input + ".*, " + String.join(", ", projection.getExprList().stream()
                        .map(c -> expr(c.getExpr()) + " AS " + col(c.getColumn())).toList()) + " FROM (" + rows + ") AS " + input;
            }
            return "SELECT " + selectList + " FROM (" + rows + ") AS " + alias() + orderBy(order.getOrderByItemList())
                    + (limited == null ? "" : limitOffset(limited));
        }
        if (inner instanceof ResolvedLimitOffsetScan && ((ResolvedLimitOffsetScan) inner).getInputScan() instanceof ResolvedOrderByScan) {
            limit = (ResolvedLimitOffsetScan) inner;
            inner = limit.getInputScan();
        }
        if (inner instanceof ResolvedOrderByScan) {
            ResolvedOrderByScan order = (ResolvedOrderByScan) inner;
            String alias = alias();
            return "SELECT " + selectList + " FROM (" + scan(order.getInputScan()) + ") AS " + alias
                    + orderBy(order.getOrderByItemList()) + (limit == null ? "" : limitOffset(limit));
        }
        return "SELECT " + selectList + " FROM (" + scan(scan) + ") AS " + alias();
    }

    // ---- scans: each renders SELECT … producing exactly its column list, named by column id

    private String scan(ResolvedScan scan) {
        Flat flat = flat(scan);
        if (flat != null) {
            List<String> select = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (ResolvedColumn column : scan.getColumnList()) {
                if (seen.add(column.getId())) {
                    select.add(flat.columns().get(column.getId()) + " AS " + col(column));
                }
            }
            return "SELECT " + nonEmpty(select) + flat.fromWhere();
        }
        if (scan instanceof ResolvedTableScan) {
            return tableScan((ResolvedTableScan) scan);
        }
        if (scan instanceof ResolvedSingleRowScan) {
            return "SELECT TRUE AS \"_\"";
        }
        if (scan instanceof ResolvedProjectScan) {
            ResolvedProjectScan project = (ResolvedProjectScan) scan;
            Map<Long, String> computed = computed(project.getExprList());
            return "SELECT " + columns(scan.getColumnList(), computed) + " FROM (" + scan(project.getInputScan()) + ") AS " + alias();
        }
        if (scan instanceof ResolvedFilterScan) {
            ResolvedFilterScan filter = (ResolvedFilterScan) scan;
            return "SELECT " + columns(scan.getColumnList(), Map.of()) + " FROM (" + scan(filter.getInputScan()) + ") AS "
                    + alias() + " WHERE " + expr(filter.getFilterExpr());
        }
        if (scan instanceof ResolvedJoinScan) {
            return join((ResolvedJoinScan) scan);
        }
        if (scan instanceof ResolvedArrayScan) {
            return arrayScan((ResolvedArrayScan) scan);
        }
        if (scan instanceof ResolvedAggregateScan) {
            return aggregate((ResolvedAggregateScan) scan);
        }
        if (scan instanceof ResolvedOrderByScan || scan instanceof ResolvedLimitOffsetScan) {
            if (scan instanceof ResolvedLimitOffsetScan && !(((ResolvedLimitOffsetScan) scan).getInputScan() instanceof ResolvedOrderByScan)) {
                ResolvedLimitOffsetScan limit = (ResolvedLimitOffsetScan) scan;
                return "SELECT " + columns(scan.getColumnList(), Map.of()) + " FROM (" + scan(limit.getInputScan()) + ") AS "
                        + alias() + limitOffset(limit);
            }
            return ordered(scan, columns(scan.getColumnList(), Map.of()));
        }
        if (scan instanceof ResolvedSetOperationScan) {
            return setOperation((ResolvedSetOperationScan) scan);
        }
        if (scan instanceof ResolvedWithScan) {
            ResolvedWithScan with = (ResolvedWithScan) scan;
            // BigQuery evaluates a non-recursive CTE where it is referenced (BigQuery docs: WITH clause); a
            // recursive one is computed there too ({@link RecursiveCtes}).
            for (ResolvedWithEntry entry : with.getWithEntryList()) {
                withEntries.put(entry.getWithQueryName(), entry.getWithSubquery());
            }
            return scan(with.getQuery());
        }
        if (scan instanceof ResolvedWithRefScan) {
            ResolvedWithRefScan ref = (ResolvedWithRefScan) scan;
            ResolvedScan entry = withEntries.get(ref.getWithQueryName());
            List<String> select = new ArrayList<>();
            for (int i = 0; i < ref.getColumnList().size(); i++) {
                select.add(col(entry.getColumnList().get(i)) + " AS " + col(ref.getColumnList().get(i)));
            }
            return "SELECT " + nonEmpty(select) + " FROM (" + scan(entry) + ") AS " + alias();
        }
        if (scan instanceof ResolvedAnalyticScan) {
            return analytic((ResolvedAnalyticScan) scan);
        }
        if (scan instanceof ResolvedRecursiveScan) {
            return RecursiveCtes.rows((ResolvedRecursiveScan) scan, this);
        }
        if (scan instanceof ResolvedRecursiveRefScan) {
            if (recursion.isEmpty() || recursionStatements.peek() != statements) {
                // its rows are the parameter of the recursive term's own statement, out of reach from another one
                throw refuse("a recursive CTE's self-reference inside IFERROR, ISERROR or another recursive CTE");
            }
            return RecursiveCtes.previousIteration(recursion.peek(), (ResolvedRecursiveRefScan) scan, this);
        }
        throw refuse(describe(scan));
    }

    private String tableScan(ResolvedTableScan scan) {
        TableEntry entry = tables.get(scan.getTable().getId());
        if (entry == null) {
            throw new IllegalStateException("no warehouse table behind " + scan.getTable().getFullName());
        }
        String alias = alias();
        List<String> select = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < scan.getColumnList().size(); i++) {
            ResolvedColumn column = scan.getColumnList().get(i);
            if (seen.add(column.getId())) {
                String name = entry.schema().columns().get(scan.getColumnIndexList().get(i).intValue()).name();
                select.add(alias + "." + Names.quote(name) + " AS " + col(column));
            }
            storedColumns.add(column.getId());
        }
        return "SELECT " + nonEmpty(select) + " FROM " + entry.physicalSql() + " AS " + alias;
    }

    private String join(ResolvedJoinScan join) {
        String kind;
        switch (join.getJoinType()) {
            case INNER:
                kind = " INNER JOIN ";
                break;
            case LEFT:
                kind = " LEFT JOIN ";
                break;
            case RIGHT:
                kind = " RIGHT JOIN ";
                break;
            case FULL:
                return fullJoin(join);
            default:
                throw refuse("join type " + join.getJoinType());
        }
        String condition = join.getJoinExpr() == null ? "TRUE" : expr(join.getJoinExpr());
        return "SELECT " + columns(join.getColumnList(), Map.of()) + " FROM (" + scan(join.getLeftScan()) + ") AS " + alias()
                + kind + "(" + scan(join.getRightScan()) + ") AS " + alias() + " ON " + condition;
    }

    /**
     * FULL JOIN, which H2 lacks: the LEFT JOIN's rows, then the right rows no left row matched (a RIGHT JOIN whose
     * left side is absent, told by a marker column that every left row has).
     */
    private String fullJoin(ResolvedJoinScan join) {
        String marker = "\"m" + ++aliases + "\"";
        List<String> branches = new ArrayList<>();
        for (String kind : List.of(" LEFT JOIN ", " RIGHT JOIN ")) {
            String left = alias();
            String condition = join.getJoinExpr() == null ? "TRUE" : expr(join.getJoinExpr());
            String sql = "SELECT " + columns(join.getColumnList(), Map.of()) + " FROM (SELECT " + left + ".*, TRUE AS " + marker
                    + " FROM (" + scan(join.getLeftScan()) + ") AS " + left + ") AS " + alias() + kind + "(" + scan(join.getRightScan())
                    + ") AS " + alias() + " ON " + condition;
            branches.add(kind.equals(" LEFT JOIN ") ? sql : sql + " WHERE " + marker + " IS NULL");
        }
        return "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") AS " + alias();
    }

    /**
     * UNNEST: H2 cannot correlate its UNNEST, so the array's positions come from joining the numbers table on
     * {@code n <= CARDINALITY(array)} (BIGQUERY_EMULATION.md §2); LEFT keeps rows whose array is empty or NULL. An
     * array built in the query may be longer than that table, so its length is checked ({@link UnnestPositions}); an
     * UNNEST with no input (nothing to correlate with) is flat (see {@link #flatUnnest}).
     */
    private String arrayScan(ResolvedArrayScan scan) {
        if (scan.getArrayExprList().size() != 1) {
            throw refuse("UNNEST of several arrays at once");
        }
        // The input first: its table scans tell which columns are stored.
        String input = scan.getInputScan() == null ? null : scan(scan.getInputScan());
        ResolvedExpr arrayExpr = scan.getArrayExprList().get(0);
        String array = expr(arrayExpr);
        ResolvedColumn elementColumn = scan.getElementColumnList().get(0);
        boolean stored = stored(arrayExpr);
        if (stored) {
            storedColumns.add(elementColumn.getId());
        }
        if (input != null && !(arrayExpr instanceof ResolvedColumnRef) && !stored) {
            // An array computed per row (GENERATE_ARRAY, SPLIT…) is computed once, beside the input's columns, rather
            // than once for each of its positions.
            String materialized = "\"u" + ++aliases + "\"";
            String inner = alias();
            input = "SELECT " + inner + ".*, " + array + " AS " + materialized + " FROM (" + input + ") AS " + inner;
            array = materialized;
        }
        String numbers = alias();
        String n = numbers + ".N";
        String element = "(" + array + ")[" + n + "]";
        Map<Long, String> computed = new HashMap<>();
        computed.put(elementColumn.getId(), element);
        if (scan.getArrayOffsetColumn() != null) {
            computed.put(scan.getArrayOffsetColumn().getColumn().getId(), "CAST(" + n + " - 1 AS BIGINT)");
        }
        String length = "CARDINALITY(" + array + ")";
        String on = n + " <= " + (stored ? length : UnnestPositions.checkedLength(length));
        if (scan.getJoinExpr() != null) {
            substituted.putAll(computed);
            try {
                on += " AND " + expr(scan.getJoinExpr());
            } finally {
                computed.keySet().forEach(substituted::remove);
            }
        }
        String select = "SELECT " + columns(scan.getColumnList(), computed);
        if (scan.getInputScan() == null) {
            return select + " FROM " + Catalog.numsTable() + " AS " + numbers + " WHERE " + on;
        }
        return select + " FROM (" + input + ") AS " + alias()
                + (scan.getIsOuter() ? " LEFT JOIN " : " INNER JOIN ") + Catalog.numsTable() + " AS " + numbers + " ON " + on;
    }

    /**
     * The SQL of {@code e} for a rendering that repeats it: an expression whose value could differ between two
     * evaluations (it calls RAND or GENERATE_UUID) is refused rather than read inconsistently.
     */
    String repeatable(ResolvedExpr e, String construct) {
        if (random(e)) {
            throw refuse(construct + " of a value computed with RAND()");
        }
        return expr(e);
    }

    /** Whether two evaluations of {@code e} could differ: it calls RAND or GENERATE_UUID. */
    static boolean random(ResolvedExpr e) {
        boolean[] random = {false};
        e.accept(new com.google.zetasql.resolvedast.ResolvedNodes.Visitor() {
            @Override
            public void visit(ResolvedFunctionCall node) {
                random[0] |= node.getFunction().getName().equalsIgnoreCase("rand")
                        || node.getFunction().getName().equalsIgnoreCase("generate_uuid");
                super.visit(node);
            }
        });
        return random[0];
    }

    /** {@code e} rendered with the columns of {@code bound} spelled as the given SQL (a lambda's arguments). */
    String exprWith(Map<Long, String> bound, ResolvedExpr e) {
        StringBuilder sql = new StringBuilder();
        within(new Flat("", List.of(), bound), () -> sql.append(expr(e)));
        return sql.toString();
    }

    /**
     * An array read from a warehouse table (a column, a field of one, an element of a stored sequence): the
     * warehouse's numbers table covers its length, since it grows whenever a longer array is written.
     */
    boolean stored(ResolvedExpr array) {
        if (array instanceof ResolvedColumnRef) {
            return storedColumns.contains(((ResolvedColumnRef) array).getColumn().getId());
        }
        if (array instanceof ResolvedGetStructField) {
            return stored(((ResolvedGetStructField) array).getExpr());
        }
        return false;
    }

    /**
     * A chain of projections and filters over one table, as one FROM … WHERE with each column's expression: H2 plans
     * a single SELECT with its indexes (a covering index, a sorted GROUP BY) where nested derived tables defeat them.
     */
    private record Flat(String from, List<String> where, String groupBy, Map<Long, String> columns) {
        Flat(String from, List<String> where, Map<Long, String> columns) {
            this(from, where, "", columns);
        }

        String fromWhere() {
            return from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + groupBy;
        }
    }

    private Flat flat(ResolvedScan scan) {
        if (scan instanceof ResolvedTableScan) {
            ResolvedTableScan table = (ResolvedTableScan) scan;
            TableEntry entry = tables.get(table.getTable().getId());
            if (entry == null) {
                return null;
            }
            String alias = alias();
            Map<Long, String> columns = new HashMap<>();
            for (int i = 0; i < table.getColumnList().size(); i++) {
                String name = entry.schema().columns().get(table.getColumnIndexList().get(i).intValue()).name();
                columns.put(table.getColumnList().get(i).getId(), alias + "." + Names.quote(name));
                storedColumns.add(table.getColumnList().get(i).getId());
            }
            return new Flat(" FROM " + entry.physicalSql() + " AS " + alias, List.of(), columns);
        }
        if (scan instanceof ResolvedArrayScan) {
            return flatUnnest((ResolvedArrayScan) scan);
        }
        if (scan instanceof ResolvedJoinScan && correlated > 0) {
            return flatJoin((ResolvedJoinScan) scan);
        }
        if (scan instanceof ResolvedSingleRowScan && correlated > 0) {
            // A SELECT without FROM inside a correlated subquery ((SELECT t.x AS y)): one row, outer columns in reach.
            return new Flat(" FROM (SELECT TRUE AS \"_\") AS " + alias(), List.of(), Map.of());
        }
        if (scan instanceof ResolvedProjectScan) {
            ResolvedProjectScan project = (ResolvedProjectScan) scan;
            // a flat input spells each column as its expression wherever it is read: a random one would be drawn again
            if (project.getExprList().stream().anyMatch(column -> random(column.getExpr()))) {
                return null;
            }
            Flat input = flat(project.getInputScan());
            return input == null ? null : projected(input, project);
        }
        if (scan instanceof ResolvedFilterScan) {
            ResolvedFilterScan filter = (ResolvedFilterScan) scan;
            Flat input = flat(filter.getInputScan());
            if (input == null) {
                return null;
            }
            StringBuilder condition = new StringBuilder();
            within(input, () -> condition.append(expr(filter.getFilterExpr())));
            List<String> where = new ArrayList<>(input.where());
            where.add("(" + condition + ")");
            return new Flat(input.from(), where, input.columns());
        }
        return null;
    }

    /**
     * A join inside a correlated subquery, as one FROM: H2 sees the outer query's columns in ON and WHERE but not
     * inside a derived table. An inner or cross join puts both sides' filters in WHERE; a LEFT JOIN's right side
     * must be a table (with filters, which join its ON), so no computed right column outlives an unmatched row.
     */
    private Flat flatJoin(ResolvedJoinScan join) {
        boolean left = join.getJoinType() == com.google.zetasql.resolvedast.ResolvedJoinScanEnums.JoinType.LEFT;
        if (!left && join.getJoinType() != com.google.zetasql.resolvedast.ResolvedJoinScanEnums.JoinType.INNER) {
            return null;
        }
        if (left && !filteredTable(join.getRightScan())) {
            return null;
        }
        Flat a = flat(join.getLeftScan());
        Flat b = a == null ? null : flat(join.getRightScan());
        if (b == null) {
            return null;
        }
        Map<Long, String> columns = new HashMap<>(a.columns());
        columns.putAll(b.columns());
        List<String> conditions = new ArrayList<>(b.where());
        if (join.getJoinExpr() != null) {
            within(new Flat("", List.of(), columns), () -> conditions.add("(" + expr(join.getJoinExpr()) + ")"));
        }
        String right = b.from().substring(" FROM ".length());
        if (left) {
            String on = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
            return new Flat(a.from() + " LEFT JOIN " + right + " ON " + on, a.where(), columns);
        }
        List<String> where = new ArrayList<>(a.where());
        where.addAll(conditions);
        return new Flat(a.from() + " CROSS JOIN " + right, where, columns);
    }

    /** A table scan under nothing but filters. */
    private static boolean filteredTable(ResolvedScan scan) {
        while (scan instanceof ResolvedFilterScan) {
            scan = ((ResolvedFilterScan) scan).getInputScan();
        }
        return scan instanceof ResolvedTableScan;
    }

    /**
     * An UNNEST with nothing before it: H2's own UNNEST, or inside a correlated subquery (whose array may be a column
     * of the outer query, which H2's UNNEST cannot read) the numbers table, checked as a correlated UNNEST is.
     */
    private Flat flatUnnest(ResolvedArrayScan scan) {
        if (scan.getInputScan() != null && correlated > 0 && scan.getArrayExprList().size() == 1) {
            return flatUnnestAfter(scan);
        }
        if (scan.getInputScan() != null || scan.getJoinExpr() != null || scan.getArrayExprList().size() != 1) {
            return null;
        }
        ResolvedExpr arrayExpr = scan.getArrayExprList().get(0);
        String array = expr(arrayExpr);
        if (arrayExpr instanceof ResolvedSubqueryExpr) {
            // H2 does not type ARRAY(subquery)'s elements until it runs, and a STRUCT element's fields are read when
            // the query is compiled.
            array = "CAST(" + array + " AS " + h2Type(arrayExpr.getType()) + ")";
        }
        String alias = alias();
        Map<Long, String> columns = new HashMap<>();
        if (correlated == 0) {
            columns.put(scan.getElementColumnList().get(0).getId(), alias + ".\"e\"");
            if (scan.getArrayOffsetColumn() != null) {
                columns.put(scan.getArrayOffsetColumn().getColumn().getId(), "CAST(" + alias + ".\"n\" - 1 AS BIGINT)");
            }
            return new Flat(" FROM UNNEST(" + array + ") WITH ORDINALITY AS " + alias + "(\"e\", \"n\")", List.of(), columns);
        }
        String n = alias + ".N";
        columns.put(scan.getElementColumnList().get(0).getId(), "(" + array + ")[" + n + "]");
        if (scan.getArrayOffsetColumn() != null) {
            columns.put(scan.getArrayOffsetColumn().getColumn().getId(), "CAST(" + n + " - 1 AS BIGINT)");
        }
        String length = "CARDINALITY(" + array + ")";
        return new Flat(" FROM " + Catalog.numsTable() + " AS " + alias,
                List.of(n + " <= " + (stored(arrayExpr) ? length : UnnestPositions.checkedLength(length))), columns);
    }

    /**
     * {@code FROM u, UNNEST(u.arr)} (or {@code LEFT JOIN UNNEST}) inside a correlated subquery: the numbers table
     * joined to the input's FROM, one row per position of the input row's array.
     */
    private Flat flatUnnestAfter(ResolvedArrayScan scan) {
        Flat input = flat(scan.getInputScan());
        if (input == null) {
            return null;
        }
        ResolvedExpr arrayExpr = scan.getArrayExprList().get(0);
        StringBuilder array = new StringBuilder();
        within(input, () -> array.append(expr(arrayExpr)));
        String numbersAlias = alias();
        String n = numbersAlias + ".N";
        Map<Long, String> columns = new HashMap<>(input.columns());
        columns.put(scan.getElementColumnList().get(0).getId(), "(" + array + ")[" + n + "]");
        if (scan.getArrayOffsetColumn() != null) {
            columns.put(scan.getArrayOffsetColumn().getColumn().getId(), "CAST(" + n + " - 1 AS BIGINT)");
        }
        String length = "CARDINALITY(" + array + ")";
        List<String> on = new ArrayList<>(List.of(n + " <= " + (stored(arrayExpr) ? length : UnnestPositions.checkedLength(length))));
        if (scan.getJoinExpr() != null) {
            within(new Flat("", List.of(), columns), () -> on.add("(" + expr(scan.getJoinExpr()) + ")"));
        }
        String numbers = Catalog.numsTable() + " AS " + numbersAlias;
        if (scan.getIsOuter()) {
            return new Flat(input.from() + " LEFT JOIN " + numbers + " ON " + String.join(" AND ", on), input.where(), columns);
        }
        List<String> where = new ArrayList<>(input.where());
        where.addAll(on);
        return new Flat(input.from() + " CROSS JOIN " + numbers, where, columns);
    }

    /** Renders expressions with a flat input's columns spelled as their expressions. */
    private void within(Flat input, Runnable render) {
        Map<Long, String> saved = new HashMap<>(substituted);
        substituted.putAll(input.columns());
        try {
            render.run();
        } finally {
            substituted.clear();
            substituted.putAll(saved);
        }
    }

    private String aggregate(ResolvedAggregateScan scan) {
        if (GroupingSets.present(scan)) {
            return groupingSets(scan);
        }
        Flat flat = flat(scan.getInputScan());
        if (flat != null) {
            Map<Long, String> computed = new HashMap<>();
            List<String> keys = new ArrayList<>();
            within(flat, () -> {
                for (ResolvedComputedColumn key : scan.getGroupByList()) {
                    String sql = expr(key.getExpr());
                    computed.put(key.getColumn().getId(), sql);
                    keys.add(sql);
                }
                for (ResolvedComputedColumnBase aggregate : scan.getAggregateList()) {
                    computed.put(aggregate.getColumn().getId(), aggregateCall((ResolvedAggregateFunctionCall) aggregate.getExpr(), ""));
                }
            });
            return "SELECT " + columns(scan.getColumnList(), computed) + flat.fromWhere() + groupBy(keys, scan);
        }
        // Keys are computed first, then grouped by name, so H2 never has to match expressions.
        List<String> inner = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (ResolvedColumn column : scan.getInputScan().getColumnList()) {
            if (seen.add(column.getId())) {
                inner.add(col(column));
            }
        }
        List<String> keys = new ArrayList<>();
        for (ResolvedComputedColumn key : scan.getGroupByList()) {
            inner.add(expr(key.getExpr()) + " AS " + col(key.getColumn()));
            keys.add(col(key.getColumn()));
        }
        Map<Long, String> computed = new HashMap<>();
        for (ResolvedComputedColumnBase aggregate : scan.getAggregateList()) {
            computed.put(aggregate.getColumn().getId(), aggregateCall((ResolvedAggregateFunctionCall) aggregate.getExpr(), ""));
        }
        return "SELECT " + columns(scan.getColumnList(), computed) + " FROM (SELECT " + nonEmpty(inner) + " FROM ("
                + scan(scan.getInputScan()) + ") AS " + alias() + ") AS " + alias() + groupBy(keys, scan);
    }

    /**
     * GROUP BY ROLLUP | CUBE | GROUPING SETS: one aggregation per grouping set over the same input, united; keys outside
     * a set are NULL there, and GROUPING(key) is 1 where the key is outside the set (BigQuery docs: GROUP BY clause).
     */
    private String groupingSets(ResolvedAggregateScan scan) {
        List<String> inner = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (ResolvedColumn column : scan.getInputScan().getColumnList()) {
            if (seen.add(column.getId())) {
                inner.add(col(column));
            }
        }
        for (ResolvedComputedColumn key : scan.getGroupByList()) {
            inner.add(expr(key.getExpr()) + " AS " + col(key.getColumn()));
        }
        Map<Long, String> aggregates = new HashMap<>();
        for (ResolvedComputedColumnBase aggregate : scan.getAggregateList()) {
            aggregates.put(aggregate.getColumn().getId(), aggregateCall((ResolvedAggregateFunctionCall) aggregate.getExpr(), ""));
        }
        String input = scan(scan.getInputScan());
        List<String> branches = new ArrayList<>();
        for (Set<Long> set : GroupingSets.of(scan)) {
            Map<Long, String> computed = new HashMap<>(aggregates);
            List<String> keys = new ArrayList<>();
            for (ResolvedComputedColumn key : scan.getGroupByList()) {
                boolean grouped = set.contains(key.getColumn().getId());
                computed.put(key.getColumn().getId(), grouped ? col(key.getColumn())
                        : "CAST(NULL AS " + h2Type(key.getColumn().getType()) + ")");
                if (grouped) {
                    keys.add(col(key.getColumn()));
                }
            }
            for (ResolvedGroupingCall grouping : scan.getGroupingCallList()) {
                computed.put(grouping.getOutputColumn().getId(),
                        "CAST(" + (set.contains(grouping.getGroupByColumn().getColumn().getId()) ? 0 : 1) + " AS BIGINT)");
            }
            // the grand total of () is no row over no rows (ZetaSQL's reference), unlike an aggregation without GROUP BY
            String groupBy = !keys.isEmpty() ? " GROUP BY " + String.join(", ", keys)
                    : (scan.getAggregateList().isEmpty() ? " GROUP BY ()" : "") + " HAVING COUNT(*) > 0";
            branches.add("SELECT " + columns(scan.getColumnList(), computed) + " FROM (SELECT " + nonEmpty(inner) + " FROM ("
                    + input + ") AS " + alias() + ") AS " + alias() + groupBy);
        }
        return String.join(" UNION ALL ", branches);
    }

    /**
     * The GROUP BY of an aggregation: its keys, or the one group of all rows, which an aggregation with neither keys
     * nor aggregate functions still is (GROUP BY ALL over constants gives one row), and H2 needs told.
     */
    private static String groupBy(List<String> keys, ResolvedAggregateScan scan) {
        if (!keys.isEmpty()) {
            return " GROUP BY " + String.join(", ", keys);
        }
        return scan.getAggregateList().isEmpty() ? " GROUP BY ()" : "";
    }

    private String analytic(ResolvedAnalyticScan scan) {
        Map<Long, String> computed = new HashMap<>();
        for (ResolvedAnalyticFunctionGroup group : scan.getFunctionGroupList()) {
            StringBuilder window = new StringBuilder();
            if (group.getPartitionBy() != null) {
                if (!group.getPartitionBy().getHintList().isEmpty()) {
                    throw refuse("hints in PARTITION BY");
                }
                List<String> parts = new ArrayList<>();
                for (ResolvedColumnRef ref : group.getPartitionBy().getPartitionByList()) {
                    parts.add(expr(ref));
                }
                window.append("PARTITION BY ").append(String.join(", ", parts));
            }
            boolean orderedWindow = group.getOrderBy() != null;
            List<ResolvedOrderByItem> windowOrder = orderedWindow ? group.getOrderBy().getOrderByItemList() : List.of();
            if (orderedWindow) {
                window.append(window.length() > 0 ? " " : "").append(orderBy(group.getOrderBy().getOrderByItemList()).trim());
            }
            for (ResolvedComputedColumnBase column : group.getAnalyticFunctionList()) {
                ResolvedAnalyticFunctionCall call = (ResolvedAnalyticFunctionCall) column.getExpr();
                if (orderedWindow && offsetRange(call.getWindowFrame())
                        && group.getOrderBy().getOrderByItemList().get(0).getColumnRef().getType().isDouble()) {
                    // A FLOAT64 key is ordered by two H2 keys (NaN first), and H2 takes a RANGE offset over one.
                    throw refuse("a RANGE window frame with an offset over a FLOAT64 ORDER BY");
                }
                String frame = frame(call.getWindowFrame());
                String over = " OVER (" + window + (frame.isEmpty() ? "" : " " + frame) + ")";
                computed.put(column.getColumn().getId(), ResolvedFunctions.analytic(call, over, windowOrder, this));
            }
        }
        return "SELECT " + columns(scan.getColumnList(), computed) + " FROM (" + scan(scan.getInputScan()) + ") AS " + alias();
    }

    private static boolean offsetRange(ResolvedWindowFrame frame) {
        return frame != null && frame.getFrameUnit() == ResolvedWindowFrameEnums.FrameUnit.RANGE
                && (offset(frame.getStartExpr()) || offset(frame.getEndExpr()));
    }

    private static boolean offset(ResolvedWindowFrameExpr bound) {
        return bound.getBoundaryType() == ResolvedWindowFrameExprEnums.BoundaryType.OFFSET_PRECEDING
                || bound.getBoundaryType() == ResolvedWindowFrameExprEnums.BoundaryType.OFFSET_FOLLOWING;
    }

    private String frame(ResolvedWindowFrame frame) {
        if (frame == null) {
            return "";
        }
        return frame.getFrameUnit() + " BETWEEN " + bound(frame.getStartExpr()) + " AND " + bound(frame.getEndExpr());
    }

    private String bound(ResolvedWindowFrameExpr bound) {
        switch (bound.getBoundaryType()) {
            case UNBOUNDED_PRECEDING:
                return "UNBOUNDED PRECEDING";
            case OFFSET_PRECEDING:
                return expr(bound.getExpression()) + " PRECEDING";
            case CURRENT_ROW:
                return "CURRENT ROW";
            case OFFSET_FOLLOWING:
                return expr(bound.getExpression()) + " FOLLOWING";
            case UNBOUNDED_FOLLOWING:
                return "UNBOUNDED FOLLOWING";
            default:
                throw refuse("window frame boundary " + bound.getBoundaryType());
        }
    }

    /** H2's operator for UNION ALL and the DISTINCT set operations, which it has as BigQuery means them; else null. */
    private static String h2SetOperator(ResolvedSetOperationScan scan) {
        switch (scan.getOpType()) {
            case UNION_ALL:
                return " UNION ALL ";
            case UNION_DISTINCT:
                return " UNION ";
            case INTERSECT_DISTINCT:
                return " INTERSECT ";
            case EXCEPT_DISTINCT:
                return " EXCEPT ";
            default:
                return null;
        }
    }

    private String setOperation(ResolvedSetOperationScan scan) {
        String operator = h2SetOperator(scan);
        if (operator == null) {
            switch (scan.getOpType()) {
                case INTERSECT_ALL:
                case EXCEPT_ALL:
                    return setOperationAll(scan);
                default:
                    throw refuse("set operation " + scan.getOpType().name().replace('_', ' '));
            }
        }
        if (!scan.getColumnMatchMode().name().equals("BY_POSITION")) {
            throw refuse("set operation matching columns " + scan.getColumnMatchMode());
        }
        List<String> branches = new ArrayList<>();
        for (ResolvedSetOperationItem item : scan.getInputItemList()) {
            List<String> select = new ArrayList<>();
            for (int i = 0; i < scan.getColumnList().size(); i++) {
                select.add(col(item.getOutputColumnList().get(i)) + " AS " + col(scan.getColumnList().get(i)));
            }
            branches.add("(SELECT " + String.join(", ", select) + " FROM (" + scan(item.getScan()) + ") AS " + alias() + ")");
        }
        return "SELECT * FROM (" + String.join(operator, branches) + ") AS " + alias();
    }

    /**
     * INTERSECT ALL and EXCEPT ALL, which H2 lacks: each row is numbered among its equals, so the DISTINCT operators
     * on (row, number) keep min(m, n) and max(m - n, 0) copies of a row found m and n times (BigQuery docs: set
     * operators). Several inputs are combined left to right.
     */
    private String setOperationAll(ResolvedSetOperationScan scan) {
        if (!scan.getColumnMatchMode().name().equals("BY_POSITION")) {
            throw refuse("set operation matching columns " + scan.getColumnMatchMode());
        }
        String operator = scan.getOpType().name().startsWith("INTERSECT") ? " INTERSECT " : " EXCEPT ";
        List<String> names = new ArrayList<>();
        for (ResolvedColumn column : scan.getColumnList()) {
            names.add(col(column));
        }
        String columns = String.join(", ", names);
        String result = null;
        for (ResolvedSetOperationItem item : scan.getInputItemList()) {
            List<String> select = new ArrayList<>();
            for (int i = 0; i < scan.getColumnList().size(); i++) {
                select.add(col(item.getOutputColumnList().get(i)) + " AS " + col(scan.getColumnList().get(i)));
            }
            String branch = "SELECT " + String.join(", ", select) + " FROM (" + scan(item.getScan()) + ") AS " + alias();
            if (result != null) {
                result = "SELECT " + columns + " FROM (" + numbered(result, columns) + operator + numbered(branch, columns)
                        + ") AS " + alias();
            } else {
                result = branch;
            }
        }
        return "SELECT * FROM (" + result + ") AS " + alias();
    }

    private String numbered(String sql, String columns) {
        return "(SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY " + columns + ") AS \"_n\" FROM (" + sql + ") AS "
                + alias() + ")";
    }

    private String limitOffset(ResolvedLimitOffsetScan scan) {
        StringBuilder sql = new StringBuilder();
        if (scan.getLimit() != null) {
            sql.append(" LIMIT ").append(expr(scan.getLimit()));
        }
        if (scan.getOffset() != null) {
            sql.append(" OFFSET ").append(expr(scan.getOffset()));
        }
        return sql.toString();
    }

    /** ORDER BY with BigQuery's order: NULLs first ascending and last descending; NULL, NaN, then numbers. */
    private String orderBy(List<ResolvedOrderByItem> items) {
        List<String> keys = new ArrayList<>();
        for (ResolvedOrderByItem item : items) {
            if (item.getCollationName() != null) {
                throw refuse("ORDER BY … COLLATE");
            }
            String key = expr(item.getColumnRef());
            boolean descending = item.getIsDescending();
            String direction = descending ? " DESC" : " ASC";
            boolean nullsFirst = item.getNullOrder() == NullOrderMode.NULLS_FIRST
                    || (item.getNullOrder() != NullOrderMode.NULLS_LAST && !descending);
            Type type = item.getColumnRef().getType();
            if (type.isDouble()) {
                // H2 sorts NaN above +inf; BigQuery puts it right after NULL.
                int nullRank = nullsFirst == !descending ? 0 : 3;
                keys.add("CASE WHEN " + key + " IS NULL THEN " + nullRank + " WHEN " + StrictFunctions.call("is_nan", key)
                        + " THEN 1 ELSE 2 END" + direction);
            }
            keys.add(key + direction + (nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
        }
        return " ORDER BY " + String.join(", ", keys);
    }

    // ---- helpers for scans

    private Map<Long, String> computed(List<ResolvedComputedColumn> list) {
        Map<Long, String> computed = new HashMap<>();
        for (ResolvedComputedColumn column : list) {
            computed.put(column.getColumn().getId(), expr(column.getExpr()));
        }
        return computed;
    }

    /** The select list of a scan: each column once, computed ones as their expression. */
    private static String columns(List<ResolvedColumn> columns, Map<Long, String> computed) {
        List<String> select = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (ResolvedColumn column : columns) {
            if (seen.add(column.getId())) {
                String sql = computed.get(column.getId());
                select.add(sql == null ? col(column) : sql + " AS " + col(column));
            }
        }
        return nonEmpty(select);
    }

    /** H2 needs at least one column; a scan that yields none (COUNT(*) over a table) gets a placeholder. */
    private static String nonEmpty(List<String> select) {
        return select.isEmpty() ? "TRUE AS \"_\"" : String.join(", ", select);
    }

    static String col(ResolvedColumn column) {
        return "\"c" + column.getId() + "\"";
    }

    String alias() {
        return "\"s" + ++aliases + "\"";
    }

    // ---- expressions

    /** What {@code render} gives while each of these expressions renders as its placeholder. */
    String withPlaceholders(Map<ResolvedExpr, String> stand, java.util.function.Supplier<String> render) {
        placeholders.putAll(stand);
        try {
            return render.get();
        } finally {
            stand.keySet().forEach(placeholders::remove);
        }
    }

    /**
     * What {@code render} gives for a statement of its own, run apart from this query ({@link ErrorCatching},
     * {@link RecursiveCtes}): a column from outside is spelled by its id, as a column of that statement's FROM, and
     * no enclosing correlated subquery or flat input is in reach there.
     */
    String isolated(java.util.function.Supplier<String> render) {
        Map<Long, String> saved = new HashMap<>(substituted);
        int enclosing = correlated;
        substituted.clear();
        correlated = 0;
        statements++;
        try {
            return render.get();
        } finally {
            statements--;
            substituted.clear();
            substituted.putAll(saved);
            correlated = enclosing;
        }
    }

    /** The rows of {@code scan} as a statement of its own ({@link #isolated}), its {@code output} columns in order. */
    String isolatedRows(ResolvedScan scan, List<ResolvedColumn> output) {
        return isolated(() -> ordered(scan, String.join(", ", output.stream().map(ResolvedTranslator::col).toList())));
    }

    /** What {@code render} gives while {@code scan}'s recursive term is rendered (its self-reference is in reach). */
    String withRecursion(ResolvedRecursiveScan scan, java.util.function.Supplier<String> render) {
        recursion.push(scan);
        // the recursive term is rendered as the next statement of its own, whose parameter is the previous iteration
        recursionStatements.push(statements + 1);
        try {
            return render.get();
        } finally {
            recursion.pop();
            recursionStatements.pop();
        }
    }

    String expr(ResolvedExpr e) {
        String placeholder = placeholders.get(e);
        if (placeholder != null) {
            return placeholder;
        }
        if (e instanceof ResolvedColumnRef) {
            ResolvedColumn column = ((ResolvedColumnRef) e).getColumn();
            String sql = substituted.get(column.getId());
            return sql != null ? sql : col(column);
        }
        if (e instanceof ResolvedLiteral) {
            TimeFunctions.requireFaithful((ResolvedLiteral) e);
            return literal(((ResolvedLiteral) e).getValue());
        }
        if (e instanceof ResolvedParameter) {
            ResolvedParameter parameter = (ResolvedParameter) e;
            // the analyzer gives a parameter a name or a position (from 1), never both
            String key = parameter.getName().isEmpty() ? QueryParameter.positional(parameter.getPosition()) : parameter.getName();
            return functions.expr(new Ast.Parameter(key, Token.NONE)).sql();
        }
        if (e instanceof ResolvedCast) {
            return cast((ResolvedCast) e);
        }
        if (e instanceof ResolvedFunctionCall) {
            return ResolvedFunctions.call((ResolvedFunctionCall) e, this);
        }
        if (e instanceof ResolvedMakeStruct) {
            ResolvedMakeStruct struct = (ResolvedMakeStruct) e;
            List<String> fields = new ArrayList<>();
            for (ResolvedExpr field : struct.getFieldList()) {
                fields.add(expr(field));
            }
            return row(fields, (StructType) e.getType(),
                    struct.getFieldList().stream().allMatch(f -> f instanceof ResolvedLiteral));
        }
        if (e instanceof ResolvedGetStructField) {
            ResolvedGetStructField get = (ResolvedGetStructField) e;
            StructType struct = (StructType) get.getExpr().getType();
            String name = ZetaTypes.fieldName(struct, (int) get.getFieldIdx());
            return "(" + expr(get.getExpr()) + ")." + Names.quote(name);
        }
        if (e instanceof ResolvedSubqueryExpr) {
            return subquery((ResolvedSubqueryExpr) e);
        }
        if (e instanceof com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetJsonField) {
            return JsonDocumentFunctions.field((com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetJsonField) e, this);
        }
        throw refuse(describe(e));
    }

    private String subquery(ResolvedSubqueryExpr e) {
        ResolvedScan scan = e.getSubquery();
        if (!e.getParameterList().isEmpty()) {
            return correlated(e);
        }
        switch (e.getSubqueryType()) {
            case SCALAR:
                return "(" + ordered(scan, col(scan.getColumnList().get(0))) + ")";
            case EXISTS:
                return "EXISTS(" + scan(scan) + ")";
            case IN:
                if (e.getInExpr().getType().isDouble()) {
                    throw refuse("IN (subquery) on FLOAT64 values");
                }
                return "(" + expr(e.getInExpr()) + " IN (" + ordered(scan, col(scan.getColumnList().get(0))) + "))";
            case ARRAY:
                return "ARRAY(" + ordered(scan, col(scan.getColumnList().get(0))) + ")";
            default:
                throw refuse("subquery " + e.getSubqueryType());
        }
    }

    /**
     * A subquery that reads columns of the outer query. H2 sees an outer column only from the subquery's own SELECT,
     * WHERE, GROUP BY, HAVING and ON, never from inside a derived table, so such a subquery is rendered as one SELECT
     * over joined tables and UNNESTs (filters, projections, one aggregation with HAVING, ORDER BY, LIMIT); any other
     * shape is refused by name.
     */
    private String correlated(ResolvedSubqueryExpr e) {
        String in = e.getSubqueryType() == com.google.zetasql.resolvedast.ResolvedSubqueryExprEnums.SubqueryType.IN ? expr(e.getInExpr()) : null;
        if (in != null && e.getInExpr().getType().isDouble()) {
            throw refuse("IN (subquery) on FLOAT64 values");
        }
        correlated++;
        try {
            ResolvedScan scan = e.getSubquery();
            switch (e.getSubqueryType()) {
                case EXISTS: {
                    Flat flat = flat(scan);
                    if (flat == null) {
                        flat = aggregated(scan);
                    }
                    if (flat == null) {
                        String branches = flatSetOperation(scan);
                        if (branches == null) {
                            throw refuseCorrelated(scan);
                        }
                        return "EXISTS(" + branches + ")";
                    }
                    return "EXISTS(SELECT 1" + flat.fromWhere() + ")";
                }
                case SCALAR:
                    return "(" + flatSelect(scan) + ")";
                case ARRAY:
                    return "ARRAY(" + flatSelect(scan) + ")";
                case IN:
                    return "(" + in + " IN (" + flatSelect(scan) + "))";
                default:
                    throw refuse("subquery " + e.getSubqueryType());
            }
        } finally {
            correlated--;
        }
    }

    /** A correlated subquery's one column as a single SELECT (see {@link #correlated}). */
    private String flatSelect(ResolvedScan scan) {
        ResolvedColumn output = scan.getColumnList().get(0);
        ResolvedScan inner = scan;
        // Projections over the ORDER BY (SELECT AS STRUCT … ORDER BY builds its STRUCT last), outermost first.
        List<ResolvedProjectScan> after = new ArrayList<>();
        while (inner instanceof ResolvedProjectScan && orderedOrLimited(((ResolvedProjectScan) inner).getInputScan())) {
            after.add(0, (ResolvedProjectScan) inner);
            inner = ((ResolvedProjectScan) inner).getInputScan();
        }
        ResolvedLimitOffsetScan limit = null;
        if (inner instanceof ResolvedLimitOffsetScan) {
            limit = (ResolvedLimitOffsetScan) inner;
            inner = limit.getInputScan();
        }
        ResolvedOrderByScan order = null;
        if (inner instanceof ResolvedOrderByScan) {
            order = (ResolvedOrderByScan) inner;
            inner = order.getInputScan();
        }
        String branches = after.isEmpty() ? flatSetOperation(inner) : null;
        if (branches != null) {
            // The ORDER BY names the set operation's columns, which each branch is aliased to.
            return branches + (order == null ? "" : orderBy(order.getOrderByItemList())) + (limit == null ? "" : limitOffset(limit));
        }
        Flat flat = flat(inner);
        if (flat == null) {
            flat = aggregated(inner);
        }
        for (ResolvedProjectScan projection : after) {
            flat = flat == null ? null : projected(flat, projection);
        }
        if (flat == null || flat.columns().get(output.getId()) == null) {
            throw refuseCorrelated(scan);
        }
        Flat body = flat;
        ResolvedOrderByScan orderBy = order;
        ResolvedLimitOffsetScan limitOffset = limit;
        StringBuilder sql = new StringBuilder();
        within(body, () -> sql.append("SELECT ").append(body.columns().get(output.getId())).append(body.fromWhere())
                .append(orderBy == null ? "" : orderBy(orderBy.getOrderByItemList()))
                .append(limitOffset == null ? "" : limitOffset(limitOffset)));
        return sql.toString();
    }

    /**
     * UNION ALL, UNION, INTERSECT or EXCEPT (DISTINCT) of branches that are each one SELECT (see {@link #correlated}),
     * as H2's own set operation, each branch's columns named after the set operation's; {@code null} for any other
     * scan or shape.
     */
    private String flatSetOperation(ResolvedScan scan) {
        if (!(scan instanceof ResolvedSetOperationScan)) {
            return null;
        }
        ResolvedSetOperationScan set = (ResolvedSetOperationScan) scan;
        String operator = h2SetOperator(set);
        if (operator == null) {
            return null;
        }
        if (!set.getColumnMatchMode().name().equals("BY_POSITION")) {
            return null;
        }
        List<String> branches = new ArrayList<>();
        for (ResolvedSetOperationItem item : set.getInputItemList()) {
            Flat flat = flat(item.getScan());
            if (flat == null) {
                flat = aggregated(item.getScan());
            }
            if (flat == null) {
                return null;
            }
            List<String> select = new ArrayList<>();
            for (int i = 0; i < set.getColumnList().size(); i++) {
                String value = flat.columns().get(item.getOutputColumnList().get(i).getId());
                if (value == null) {
                    return null;
                }
                select.add(value + " AS " + col(set.getColumnList().get(i)));
            }
            branches.add("SELECT " + String.join(", ", select) + flat.fromWhere());
        }
        return String.join(operator, branches);
    }

    private static boolean orderedOrLimited(ResolvedScan scan) {
        while (scan instanceof ResolvedProjectScan) {
            scan = ((ResolvedProjectScan) scan).getInputScan();
        }
        return scan instanceof ResolvedOrderByScan || scan instanceof ResolvedLimitOffsetScan;
    }

    /** An aggregation (and a projection over it) of a flat input, as one SELECT … GROUP BY. */
    private Flat aggregated(ResolvedScan scan) {
        // Projections over the aggregation, outermost first (SELECT AS STRUCT adds one over the select list's).
        List<ResolvedProjectScan> projects = new ArrayList<>();
        while (scan instanceof ResolvedProjectScan) {
            projects.add(0, (ResolvedProjectScan) scan);
            scan = ((ResolvedProjectScan) scan).getInputScan();
        }
        ResolvedFilterScan having = null;
        if (scan instanceof ResolvedFilterScan && ((ResolvedFilterScan) scan).getInputScan() instanceof ResolvedAggregateScan) {
            having = (ResolvedFilterScan) scan;
            scan = having.getInputScan();
        }
        if (!(scan instanceof ResolvedAggregateScan)) {
            return null;
        }
        ResolvedAggregateScan aggregate = (ResolvedAggregateScan) scan;
        if (!aggregate.getGroupingSetList().isEmpty() || !aggregate.getRollupColumnList().isEmpty()) {
            return null;
        }
        Flat input = flat(aggregate.getInputScan());
        if (input == null) {
            return null;
        }
        Map<Long, String> columns = new HashMap<>();
        List<String> keys = new ArrayList<>();
        within(input, () -> {
            for (ResolvedComputedColumn key : aggregate.getGroupByList()) {
                String sql = expr(key.getExpr());
                columns.put(key.getColumn().getId(), sql);
                keys.add(sql);
            }
            for (ResolvedComputedColumnBase call : aggregate.getAggregateList()) {
                columns.put(call.getColumn().getId(), aggregateCall((ResolvedAggregateFunctionCall) call.getExpr(), ""));
            }
        });
        StringBuilder groupBy = new StringBuilder(keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys));
        if (having != null) {
            ResolvedFilterScan filter = having;
            within(new Flat(input.from(), input.where(), columns), () -> groupBy.append(" HAVING ").append(expr(filter.getFilterExpr())));
        }
        Flat grouped = new Flat(input.from(), input.where(), groupBy.toString(), columns);
        for (ResolvedProjectScan projection : projects) {
            grouped = projected(grouped, projection);
        }
        return grouped;
    }

    /** A flat input with a projection's columns added, each spelled as its expression over the input's. */
    private Flat projected(Flat input, ResolvedProjectScan projection) {
        Map<Long, String> columns = new HashMap<>(input.columns());
        within(input, () -> {
            for (ResolvedComputedColumn column : projection.getExprList()) {
                columns.put(column.getColumn().getId(), "(" + expr(column.getExpr()) + ")");
            }
        });
        return new Flat(input.from(), input.where(), input.groupBy(), columns);
    }

    private static DicombqException refuseCorrelated(ResolvedScan scan) {
        return refuse("a correlated subquery (one that reads columns of the outer query) over " + describe(scan)
                + " (one SELECT over joined tables and UNNESTs with WHERE, GROUP BY, HAVING, ORDER BY, LIMIT is supported)");
    }

    private String cast(ResolvedCast cast) {
        String bytesFormat = EncodingFunctions.castWithFormat(cast, this);
        if (bytesFormat != null) {
            return bytesFormat;
        }
        Type formatted = cast.getExpr().getType();
        if (cast.getFormat() != null && cast.getType().isString() && formatted.isTimestamp()) {
            return ResolvedFunctions.call("format_timestamp_elements", expr(cast.getExpr()), expr(cast.getFormat()),
                    cast.getTimeZone() == null ? "'UTC'" : expr(cast.getTimeZone()));
        }
        if (cast.getFormat() != null && cast.getTimeZone() == null && cast.getType().isString()
                && (formatted.isDate() || formatted.isDatetime() || formatted.isTime())) {
            String function = formatted.isDate() ? "format_date_elements" : formatted.isDatetime() ? "format_datetime_elements"
                    : "format_time_elements";
            // an element this engine does not write is refused by name, under SAFE_CAST too
            return ResolvedFunctions.call(function, expr(cast.getExpr()), expr(cast.getFormat()));
        }
        if (cast.getFormat() != null && cast.getTimeZone() == null && cast.getType().isString()
                && (formatted.isInt64() || formatted.isNumeric() || formatted.isDouble())) {
            // an arrangement of elements this engine does not write is refused by name, under SAFE_CAST too
            return ResolvedFunctions.call("format_number_elements", expr(cast.getExpr()), expr(cast.getFormat()));
        }
        if (cast.getFormat() != null && cast.getTimeZone() == null && formatted.isString()
                && (cast.getType().isDate() || cast.getType().isDatetime() || cast.getType().isTime() || cast.getType().isTimestamp())) {
            Type to = cast.getType();
            String function = to.isDate() ? "parse_date_elements" : to.isDatetime() ? "parse_datetime_elements"
                    : to.isTime() ? "parse_time_elements" : "parse_timestamp_elements";
            // text in another shape than its format is refused by name, under SAFE_CAST too
            return "CAST(" + ResolvedFunctions.call(function, expr(cast.getExpr()), expr(cast.getFormat())) + " AS " + h2Type(to) + ")";
        }
        if (cast.getFormat() != null || cast.getTimeZone() != null) {
            throw refuse("CAST … FORMAT");
        }
        Type from = cast.getExpr().getType();
        Type to = cast.getType();
        String value = expr(cast.getExpr());
        if (from.equivalent(to)) {
            return value;
        }
        String bigNumeric = BigNumericFunctions.cast(cast, value);
        if (bigNumeric != null) {
            return bigNumeric;
        }
        if ((from.isInterval() || from.isRange()) && to.isString()) {
            // the value is its canonical text already, which is what CAST(… AS STRING) writes
            return value;
        }
        if (from.isRange() || to.isRange()) {
            // a literal text is cast by the analyzer already; anything else would need BigQuery's parser of ranges
            throw refuse("CAST from " + ZetaTypes.name(from) + " to " + ZetaTypes.name(to) + " of a value that is not a literal");
        }
        if (from.isBytes() && to.isString()) {
            // BigQuery reads the bytes as UTF-8 and fails (or gives NULL) on anything else.
            return StrictFunctions.call("strict_utf8", value, cast.getReturnNullOnError() ? "TRUE" : "FALSE");
        }
        if (from.isDouble() && to.isInt64()) {
            // BigQuery rounds half away from zero and fails (or gives NULL) out of range, never clamps.
            return StrictFunctions.call("cast_int64", value, cast.getReturnNullOnError() ? "TRUE" : "FALSE");
        }
        Column source = ZetaTypes.column("_", from);
        Column target = ZetaTypes.column("_", to);
        if (source == null || target == null || source.isRepeated() || target.isRepeated() || source.isRecord() || target.isRecord()) {
            throw refuse("CAST from " + ZetaTypes.name(from) + " to " + ZetaTypes.name(to));
        }
        return Casts.cast(new Typed(value, source), Typed.standardName(target.type()), cast.getReturnNullOnError()).sql();
    }

    String literal(Value value) {
        Type type = value.getType();
        if (type.isEnum()) {
            throw refuse("a date part or enum value outside a date function");
        }
        if (value.isNull()) {
            return "CAST(NULL AS " + h2Type(type) + ")";
        }
        if (type.isStruct()) {
            List<String> fields = new ArrayList<>();
            for (Value field : value.getFieldList()) {
                fields.add(literal(field));
            }
            return row(fields, (StructType) type, true);
        }
        if (type.isArray()) {
            List<String> elements = new ArrayList<>();
            for (Value element : value.getElementList()) {
                elements.add(literal(element));
            }
            if (!elements.isEmpty() && ((com.google.zetasql.ArrayType) type).getElementType().isDouble()) {
                // Its elements are typed already; H2 fails re-reading a derived table's CAST of a constant DOUBLE
                // array holding NaN or an infinity ("Data conversion error converting NaN").
                return "ARRAY[" + String.join(", ", elements) + "]";
            }
            return "CAST(ARRAY[" + String.join(", ", elements) + "] AS " + h2Type(type) + ")";
        }
        if (type.isDouble()) {
            double d = value.getDoubleValue();
            return "CAST('" + (Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d))
                    + "' AS DOUBLE PRECISION)";
        }
        Column column = ZetaTypes.column("_", type);
        if (column == null) {
            throw refuse("literal of type " + ZetaTypes.name(type));
        }
        return Literals.of(column, javaValue(value));
    }

    /** A ZetaSQL scalar value as the Java value the warehouse's rows hold. */
    static Object javaValue(Value value) {
        Type type = value.getType();
        switch (type.getKind()) {
            case TYPE_INT64:
                return value.getInt64Value();
            case TYPE_DOUBLE:
                return value.getDoubleValue();
            case TYPE_NUMERIC:
                return value.getNumericValue();
            case TYPE_BIGNUMERIC:
                return value.getBigNumericValue();
            case TYPE_INTERVAL:
                return IntervalFunctions.text(value.getIntervalValue());
            case TYPE_RANGE:
                return RangeFunctions.text(value);
            case TYPE_STRING:
                return value.getStringValue();
            case TYPE_BYTES:
                return value.getBytesValue().toByteArray();
            case TYPE_BOOL:
                return value.getBoolValue();
            case TYPE_DATE:
                return value.getLocalDateValue();
            case TYPE_TIME:
                return value.getLocalTimeValue();
            case TYPE_DATETIME:
                return value.getLocalDateTimeValue();
            case TYPE_TIMESTAMP:
                long micros = value.getTimestampUnixMicros();
                return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            case TYPE_JSON:
                return new JsonText(value.getJsonValue());
            default:
                throw refuse("value of type " + ZetaTypes.name(type));
        }
    }

    /** The H2 type that holds a ZetaSQL type. */
    static String h2Type(Type type) {
        Column column = ZetaTypes.column("_", type);
        if (column == null) {
            throw refuse("values of type " + ZetaTypes.name(type));
        }
        return H2Types.of(column);
    }

    /**
     * A STRUCT as an H2 ROW whose fields already have their exact types. H2 2.3.232's ROW-to-ROW cast converts every
     * field after the first one it has to convert to that field's type (CAST(ROW(1, 2.5) AS ROW(a BIGINT, b DOUBLE
     * PRECISION)) is ROW(1, 3)), so no field may need converting. A ROW of constants is kept from being folded: a
     * derived table re-reads a folded ROW from its SQL text, whose literals would need converting again.
     */
    static String row(List<String> fields, StructType type, boolean constant) {
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = "CAST(" + fields.get(i) + " AS " + h2Type(type.getField(i).getType()) + ")";
            typed.add(i == 0 && constant ? "CASE WHEN RAND() >= 0 THEN " + field + " END" : field);
        }
        return "CAST(ROW(" + String.join(", ", typed) + ") AS " + h2Type(type) + ")";
    }

    String aggregateCall(ResolvedAggregateFunctionCall call, String over) {
        if (call.getHavingModifier() != null || !call.getGroupByList().isEmpty()) {
            throw refuse("aggregate " + call.getFunction().getSqlName() + " with HAVING MAX/MIN or GROUP BY");
        }
        return ResolvedFunctions.aggregate(call, over, List.of(), this);
    }

    String orderByItems(List<ResolvedOrderByItem> items) {
        return orderBy(items);
    }

    boolean ignoresNulls(ResolvedNonScalarFunctionCallBase call) {
        return call.getNullHandlingModifier() == NullHandlingModifier.IGNORE_NULLS;
    }

    boolean caseInsensitive() {
        return caseInsensitive;
    }

    Translator functions() {
        return functions;
    }

    static boolean safe(ResolvedFunctionCallBase call) {
        return call.getErrorMode() == ErrorMode.SAFE_ERROR_MODE;
    }

    static String describe(ResolvedNode node) {
        String kind = node.nodeKindString();
        return kind.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    static DicombqException refuse(String construct) {
        return new DicombqException(Code.INVALID_ARGUMENT, Refusals.message(construct));
    }

    static Column columnOf(Type type) {
        Column column = ZetaTypes.column("_", type);
        if (column == null) {
            throw refuse("values of type " + ZetaTypes.name(type));
        }
        return column;
    }

    static boolean isArrayOf(Type type, java.util.function.Predicate<Type> element) {
        return type.isArray() && element.test(((ArrayType) type).getElementType());
    }
}
