package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.RangeType;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLType.TypeKind;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;

import java.util.ArrayList;
import java.util.List;

/** BigQuery column types (the warehouse's schema) and ZetaSQL's types, both ways. */
final class ZetaTypes {
    private ZetaTypes() {
    }

    /**
     * How many levels of RECORD columns the analyzer is given. ZetaSQL's Java client talks to its native library in
     * protobuf messages, which refuse nesting past 100 levels; an ARRAY&lt;STRUCT&gt; costs about five, and a catalog
     * table nesting sequences 19 deep (a DICOMweb export through Orthanc) broke the channel. Deeper records are
     * registered as {@link #TOO_DEEP}, so every query is still analyzed and only one that reaches below is refused.
     */
    static final int MAX_RECORD_DEPTH = 12;
    /** The field of the stand-in STRUCT for records nested past {@link #MAX_RECORD_DEPTH}; no column is so named. */
    static final String TOO_DEEP = "$nested deeper than " + MAX_RECORD_DEPTH + " levels";

    /** The ZetaSQL type of a warehouse column: REPEATED is ARRAY, RECORD is STRUCT (BigQuery docs: data types). */
    static Type of(Column column) {
        return of(column, 1);
    }

    private static Type of(Column column, int depth) {
        Type element = !column.isRecord() ? TypeFactory.createSimpleType(kind(column.type()))
                : depth > MAX_RECORD_DEPTH ? tooDeep() : struct(column.fields(), depth + 1);
        return column.isRepeated() ? TypeFactory.createArrayType(element) : element;
    }

    static Type of(ColumnType type) {
        return TypeFactory.createSimpleType(kind(type));
    }

    private static StructType struct(List<Column> fields, int depth) {
        List<StructType.StructField> zeta = new ArrayList<>();
        for (Column field : fields) {
            zeta.add(new StructType.StructField(field.name(), of(field, depth)));
        }
        return TypeFactory.createStructType(zeta);
    }

    private static StructType tooDeep() {
        return TypeFactory.createStructType(List.of(new StructType.StructField(TOO_DEEP, TypeFactory.createSimpleType(TypeKind.TYPE_BOOL))));
    }

    /** Whether a type is, or holds as an array element or a field at any depth, a type {@code kind} accepts. */
    static boolean holds(Type type, java.util.function.Predicate<Type> kind) {
        if (kind.test(type)) {
            return true;
        }
        if (type.isArray()) {
            return holds(((ArrayType) type).getElementType(), kind);
        }
        if (type.isStruct()) {
            StructType struct = (StructType) type;
            for (int i = 0; i < struct.getFieldCount(); i++) {
                if (holds(struct.getField(i).getType(), kind)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a call takes or gives a value that {@link #holds} a type {@code kind} accepts. */
    static boolean involves(com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase call,
                            java.util.function.Predicate<Type> kind) {
        return holds(call.getType(), kind) || call.getArgumentList().stream().anyMatch(a -> holds(a.getType(), kind));
    }

    /** Whether a type holds the stand-in for records nested too deep: its values cannot be typed, only drilled into. */
    static boolean holdsTooDeep(Type type) {
        if (type.isArray()) {
            return holdsTooDeep(((ArrayType) type).getElementType());
        }
        if (type.isStruct()) {
            StructType struct = (StructType) type;
            for (int i = 0; i < struct.getFieldCount(); i++) {
                if (struct.getField(i).getName().equals(TOO_DEEP) || holdsTooDeep(struct.getField(i).getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static TypeKind kind(ColumnType type) {
        switch (type) {
            case STRING:
                return TypeKind.TYPE_STRING;
            case BYTES:
                return TypeKind.TYPE_BYTES;
            case INTEGER:
                return TypeKind.TYPE_INT64;
            case FLOAT:
                return TypeKind.TYPE_DOUBLE;
            case NUMERIC:
                return TypeKind.TYPE_NUMERIC;
            case BIGNUMERIC:
                return TypeKind.TYPE_BIGNUMERIC;
            case BOOLEAN:
                return TypeKind.TYPE_BOOL;
            case DATE:
                return TypeKind.TYPE_DATE;
            case TIME:
                return TypeKind.TYPE_TIME;
            case DATETIME:
                return TypeKind.TYPE_DATETIME;
            case TIMESTAMP:
                return TypeKind.TYPE_TIMESTAMP;
            case JSON:
                return TypeKind.TYPE_JSON;
            case INTERVAL:
                return TypeKind.TYPE_INTERVAL;
            default:
                throw new IllegalArgumentException("no ZetaSQL type for " + type);
        }
    }

    /**
     * The warehouse column of a ZetaSQL type, or {@code null} when the warehouse cannot hold it (an array of
     * arrays, GEOGRAPHY…): the caller refuses it by name. A RANGE is held as its canonical text (see {@link RangeFunctions}).
     */
    static Column column(String name, Type type) {
        if (type.isRange()) {
            return Column.range(name, scalar(((RangeType) type).getElementType().getKind()), Mode.NULLABLE);
        }
        if (type.isArray()) {
            Type element = ((ArrayType) type).getElementType();
            if (element.isArray()) {
                return null;
            }
            Column inner = column(name, element);
            return inner == null ? null : new Column(name, inner.type(), Mode.REPEATED, inner.fields(), inner.rangeElement());
        }
        if (type.isStruct()) {
            if (holdsTooDeep(type)) {
                return null;
            }
            List<Column> fields = new ArrayList<>();
            StructType struct = (StructType) type;
            if (repeatsAFieldName(struct) || struct.getFieldCount() == 0) {
                // H2 cannot hold such a ROW; a RECORD column has at least one field
                return null;
            }
            for (int i = 0; i < struct.getFieldCount(); i++) {
                Column field = column(fieldName(struct, i), struct.getField(i).getType());
                if (field == null) {
                    return null;
                }
                fields.add(field);
            }
            return Column.record(name, Mode.NULLABLE, fields);
        }
        ColumnType scalar = scalar(type.getKind());
        return scalar == null ? null : Column.of(name, scalar, Mode.NULLABLE);
    }

    private static ColumnType scalar(TypeKind kind) {
        switch (kind) {
            case TYPE_STRING:
                return ColumnType.STRING;
            case TYPE_BYTES:
                return ColumnType.BYTES;
            case TYPE_INT64:
                return ColumnType.INTEGER;
            case TYPE_DOUBLE:
                return ColumnType.FLOAT;
            case TYPE_NUMERIC:
                return ColumnType.NUMERIC;
            case TYPE_BIGNUMERIC:
                return ColumnType.BIGNUMERIC;
            case TYPE_BOOL:
                return ColumnType.BOOLEAN;
            case TYPE_DATE:
                return ColumnType.DATE;
            case TYPE_TIME:
                return ColumnType.TIME;
            case TYPE_DATETIME:
                return ColumnType.DATETIME;
            case TYPE_TIMESTAMP:
                return ColumnType.TIMESTAMP;
            case TYPE_JSON:
                return ColumnType.JSON;
            case TYPE_INTERVAL:
                return ColumnType.INTERVAL;
            default:
                return null;
        }
    }

    /** BigQuery's spelling of a ZetaSQL type (FLOAT64, not DOUBLE), for messages. */
    static String name(Type type) {
        // Type.typeName throws for STRUCT types in the Java client, so the warehouse's spelling is used when it can be.
        if (holdsTooDeep(type)) {
            return "RECORD (nesting sequences deeper than " + MAX_RECORD_DEPTH + " levels)";
        }
        Column column = column("_", type);
        if (column == null && holdsRepeatedFieldNames(type)) {
            return type.getKind().name().replace("TYPE_", "") + " holding a STRUCT with repeated field names";
        }
        return column != null ? Typed.describe(column) : type.getKind().name().replace("TYPE_", "");
    }

    private static boolean holdsRepeatedFieldNames(Type type) {
        if (type.isArray()) {
            return holdsRepeatedFieldNames(((ArrayType) type).getElementType());
        }
        if (!type.isStruct()) {
            return false;
        }
        StructType struct = (StructType) type;
        if (repeatsAFieldName(struct)) {
            return true;
        }
        for (int i = 0; i < struct.getFieldCount(); i++) {
            if (holdsRepeatedFieldNames(struct.getField(i).getType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field's name, or BigQuery's for an anonymous one: {@code _field_} and its 1-based position, as the result
     * schema of {@code SELECT STRUCT(1, 'a')} names them.
     */
    static String fieldName(StructType struct, int index) {
        String name = struct.getField(index).getName();
        return name.isEmpty() ? "_field_" + (index + 1) : name;
    }

    /**
     * Whether two fields share a name (STRUCT(1 AS x, 2 AS x)): an H2 ROW type cannot hold them
     * ("Duplicate column name"), so such a value is refused by its type.
     */
    private static boolean repeatsAFieldName(StructType struct) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < struct.getFieldCount(); i++) {
            if (!names.add(fieldName(struct, i).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
