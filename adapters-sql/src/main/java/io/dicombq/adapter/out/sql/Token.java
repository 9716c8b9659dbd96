package io.dicombq.adapter.out.sql;

/** One lexical token of a query, with its position for error messages. */
record Token(Kind kind, String text, int line, int column) {

    enum Kind {
        /** An unquoted word: keyword or identifier. */
        WORD,
        /** A backtick-quoted identifier; may hold a whole dotted path. */
        QUOTED,
        /** A legacy bracketed table reference {@code [project:dataset.table]}, brackets removed. */
        LEGACY_TABLE,
        STRING,
        INTEGER,
        FLOAT,
        /** A named parameter {@code @name}, without the at sign. */
        PARAMETER,
        SYMBOL,
        END
    }

    /** The position of an expression that did not come from the hand-written parser (the ZetaSQL front end). */
    static final Token NONE = new Token(Kind.END, "", 0, 0);

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String where() {
        return "[" + line + ":" + column + "]";
    }

    String describe() {
        switch (kind) {
            case END:
                return "end of input";
            case STRING:
                return "string literal";
            case WORD:
                return "keyword " + text.toUpperCase(java.util.Locale.ROOT);
            default:
                return "\"" + text + "\"";
        }
    }
}
