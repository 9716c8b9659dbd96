package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

/**
 * The refusals of a row that does not fit its table, worded as BigQuery words them where it has a wording, for
 * every path that writes rows (staging, direct inserts). {@code where} names the row and the column.
 */
final class RowErrors {
    private RowErrors() {
    }

    static DicombqException noColumns() {
        return invalid("cannot insert rows into a table without columns");
    }

    static DicombqException missingRequired(Object where) {
        return invalid("Missing required field: " + where);
    }

    static DicombqException notAList(Object where, Object value) {
        return invalid("expected a list for the REPEATED field " + where + ", got " + value.getClass().getSimpleName());
    }

    static DicombqException nullElement(Object where, int index) {
        return invalid("Array cannot have a null element: " + where + "[" + index + "]");
    }

    static DicombqException doesNotFit(Object value, ColumnType type, Object where) {
        return invalid("a " + value.getClass().getSimpleName() + " value does not fit " + type + " field " + where);
    }

    static DicombqException invalidJson(Object where, String reason) {
        return invalid("not valid JSON in field " + where + ": " + reason);
    }

    static DicombqException noSuchField(String name, Object where) {
        return invalid("no such field: " + name + " (" + where + ")");
    }

    static DicombqException givenTwice(String name, Object where) {
        return invalid("field " + name + " is given twice, in different letter case (" + where + ")");
    }

    private static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
