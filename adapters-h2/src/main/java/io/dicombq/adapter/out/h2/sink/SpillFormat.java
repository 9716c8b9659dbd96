package io.dicombq.adapter.out.h2.sink;

/**
 * The tags of the spill file's value encoding (see {@link RowEncoder}). Values are written by schema position, so
 * only NULL-ness, booleans and the three forms of a string need a tag; the column's type says the rest.
 */
final class SpillFormat {
    static final int NULL = 0;
    /** A present non-string value; its bytes follow as the column's type lays them out. */
    static final int PRESENT = 1;
    static final int TRUE = 2;
    /** A string written in full and not numbered. */
    static final int STRING = 1;
    /** A string written in full that takes the next number (see {@link StringIds}). */
    static final int NEW_STRING = 2;
    /** A string written as the number it was given earlier in the same spill file. */
    static final int STRING_REF = 3;

    private SpillFormat() {
    }
}
