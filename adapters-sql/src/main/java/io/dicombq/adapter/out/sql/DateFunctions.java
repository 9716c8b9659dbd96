package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.sql.Ast.Expr;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The date functions: EXTRACT, DATE_DIFF, DATE_ADD / DATE_SUB, CURRENT_DATE and friends, FORMAT_DATE and
 * PARSE_DATE. Their date-part and format arguments are read from the syntax tree, so they are translated here
 * before (not after) their other arguments.
 */
final class DateFunctions {
    static final Set<String> NAMES = Set.of("EXTRACT", "DATE_DIFF", "DATE_ADD", "DATE_SUB", "CURRENT_DATE",
            "CURRENT_DATETIME", "CURRENT_TIME", "CURRENT_TIMESTAMP", "FORMAT_DATE", "PARSE_DATE");

    private DateFunctions() {
    }

    static Typed call(Ast.Call call, Translator translator) {
        String name = call.name();
        List<Expr> args = call.args();
        if (call.distinct() || call.star()) {
            throw Translator.invalid(name + "() takes neither DISTINCT nor *");
        }
        switch (name) {
            case "EXTRACT":
                return extract(DatePart.of(args.get(0), name), translator.expr(args.get(1)));
            case "DATE_DIFF":
                Functions.requireCount(name, args.size(), 3);
                DatePart part = DatePart.of(args.get(2), name);
                Typed end = date(name, args.get(0), translator);
                Typed start = date(name, args.get(1), translator);
                return Typed.of(part.dateDiff(end.sql(), start.sql()), ColumnType.INTEGER);
            case "DATE_ADD":
            case "DATE_SUB":
                return dateAdd(call, translator);
            case "CURRENT_DATE":
            case "CURRENT_DATETIME":
            case "CURRENT_TIME":
            case "CURRENT_TIMESTAMP":
                return current(call, translator);
            case "FORMAT_DATE":
                Functions.requireCount(name, args.size(), 2);
                String format = DateFormat.compile(name, Functions.stringLiteral(name, args.get(0), "format string")).source();
                Typed formatted = date(name, args.get(1), translator);
                return Typed.of(BigQueryFunctions.call("format_date", Literals.string(format), formatted.sql()), ColumnType.STRING);
            case "PARSE_DATE":
                Functions.requireCount(name, args.size(), 2);
                String pattern = DateFormat.compile(name, Functions.stringLiteral(name, args.get(0), "format string")).source();
                Typed text = translator.expr(args.get(1));
                Functions.requireType(name, text, ColumnType.STRING);
                return Typed.of(BigQueryFunctions.call("parse_date_format", Literals.string(pattern), text.sql()), ColumnType.DATE);
            default:
                throw new IllegalStateException("not a date function: " + name);
        }
    }

    /** A DATE argument; a string literal converts as BigQuery coerces literals ({@code '2021-03-04'}). */
    private static Typed date(String function, Expr arg, Translator translator) {
        Typed value = translator.expr(arg);
        if (value.is(ColumnType.STRING) && arg instanceof Ast.Literal) {
            value = Casts.cast(value, "DATE", false);
        }
        if (!value.isNull() && !value.is(ColumnType.DATE)) {
            throw Translator.invalid("No matching signature for function " + function + " for argument type "
                    + value.typeName() + " (expected DATE)");
        }
        return value;
    }

    private static Typed extract(DatePart part, Typed value) {
        DatePart.Kind kind = part.kind();
        if (value.isNull()) {
            return Typed.of("CAST(NULL AS BIGINT)", ColumnType.INTEGER);
        }
        ColumnType type = value.isArray() || value.isRecord() ? null : value.type().type();
        boolean allowed;
        String local = value.sql();
        if (type == ColumnType.DATE) {
            allowed = !kind.timeOfDay && kind != DatePart.Kind.DATE && kind != DatePart.Kind.DATETIME;
        } else if (type == ColumnType.TIME) {
            allowed = kind.timeOfDay && kind != DatePart.Kind.TIME;
        } else if (type == ColumnType.DATETIME) {
            allowed = kind != DatePart.Kind.DATETIME;
        } else if (type == ColumnType.TIMESTAMP) {
            allowed = true;
            // BigQuery reads a TIMESTAMP's fields in UTC unless told AT TIME ZONE.
            local = kind == DatePart.Kind.DATE || kind == DatePart.Kind.TIME || kind == DatePart.Kind.DATETIME
                    ? BigQueryFunctions.call("utc_datetime", value.sql()) : "(" + value.sql() + " AT TIME ZONE 'UTC')";
        } else {
            throw Translator.invalid("EXTRACT needs a DATE, TIME, DATETIME or TIMESTAMP, not " + value.typeName());
        }
        if (!allowed) {
            throw Translator.invalid("EXTRACT from " + value.typeName() + " does not support the " + part.describe() + " date part");
        }
        ColumnType result = kind == DatePart.Kind.DATE ? ColumnType.DATE : kind == DatePart.Kind.TIME ? ColumnType.TIME
                : kind == DatePart.Kind.DATETIME ? ColumnType.DATETIME : ColumnType.INTEGER;
        return Typed.of(part.extract(local), result);
    }

    /** DATE_ADD(date, INTERVAL n part) and DATE_SUB: a month past its last day keeps to the last day. */
    private static Typed dateAdd(Ast.Call call, Translator translator) {
        String name = call.name();
        Functions.requireCount(name, call.args().size(), 2);
        Expr interval = call.args().get(1);
        if (!(interval instanceof Ast.Call) || !((Ast.Call) interval).name().equals("INTERVAL")) {
            throw Translator.invalid(name + " needs INTERVAL n <date part> as its second argument, e.g. "
                    + name + "(StudyDate, INTERVAL 5 DAY)");
        }
        Typed date = date(name, call.args().get(0), translator);
        Typed amount = translator.expr(((Ast.Call) interval).args().get(0));
        if (!amount.isNull() && !amount.is(ColumnType.INTEGER)) {
            throw Translator.invalid(name + ": the INTERVAL amount must be INT64, not " + amount.typeName());
        }
        DatePart part = DatePart.of(((Ast.Call) interval).args().get(1), name);
        String unit;
        switch (part.kind()) {
            case DAY:
            case WEEK:
            case MONTH:
            case QUARTER:
            case YEAR:
                unit = part.kind().name();
                break;
            default:
                throw Translator.invalid(name + " does not support the " + part.describe() + " date part (DAY, WEEK, MONTH, QUARTER, YEAR)");
        }
        String signed = name.equals("DATE_SUB") ? "-(" + amount.sql() + ")" : amount.sql();
        return Typed.of(BigQueryFunctions.call("date_add", date.sql(), "CAST(" + signed + " AS BIGINT)", Literals.string(unit)),
                ColumnType.DATE);
    }

    /** CURRENT_DATE([zone]) and friends: the request's clock, read once, so every row sees the same value. */
    private static Typed current(Ast.Call call, Translator translator) {
        String name = call.name();
        boolean takesZone = !name.equals("CURRENT_TIMESTAMP");
        if (call.args().size() > (takesZone ? 1 : 0)) {
            throw Translator.invalid("Number of arguments does not match for function " + name + ": expected at most "
                    + (takesZone ? 1 : 0) + ", got " + call.args().size());
        }
        ZoneId zone = ZoneOffset.UTC;
        if (!call.args().isEmpty()) {
            String zoneName = Functions.stringLiteral(name, call.args().get(0), "time zone");
            zone = BigQueryFunctions.zone(zoneName);
            if (zone == null) {
                throw Translator.invalid(name + ": invalid time zone " + zoneName);
            }
        }
        Instant now = translator.now();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        switch (name) {
            case "CURRENT_DATE":
                return literal(ColumnType.DATE, local.toLocalDate());
            case "CURRENT_DATETIME":
                return literal(ColumnType.DATETIME, local);
            case "CURRENT_TIME":
                return literal(ColumnType.TIME, local.toLocalTime());
            default:
                return literal(ColumnType.TIMESTAMP, now);
        }
    }

    private static Typed literal(ColumnType type, Object value) {
        Column column = Column.of("_", type, Mode.NULLABLE);
        return new Typed(Literals.of(column, value), column);
    }
}
