package io.dicombq.adapter.out.sql;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/** Splits BigQuery SQL into tokens; {@code #}, {@code --} and block comments are dropped. */
final class Lexer {
    private static final String[] SYMBOLS = {"<=", ">=", "<>", "!=", "||", "(", ")", ",", ".", "*", "+", "-", "/",
        "=", "<", ">", "[", "]", ";"};

    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipBlanksAndComments();
            if (pos >= sql.length()) {
                tokens.add(new Token(Token.Kind.END, "", line, pos - lineStart + 1));
                return;
            }
            int startColumn = pos - lineStart + 1;
            int startLine = line;
            char c = sql.charAt(pos);
            if ((c == 'r' || c == 'R') && pos + 1 < sql.length() && (sql.charAt(pos + 1) == '\'' || sql.charAt(pos + 1) == '"')) {
                // A raw string r'…': backslashes stay as written, which is how regular expressions are usually quoted.
                pos++;
                tokens.add(new Token(Token.Kind.STRING, raw(sql.charAt(pos), startLine, startColumn), startLine, startColumn));
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(start, pos), startLine, startColumn));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
                number(startLine, startColumn);
            } else if (c == '`') {
                tokens.add(new Token(Token.Kind.QUOTED, quoted('`', startLine, startColumn), startLine, startColumn));
            } else if (c == '\'' || c == '"') {
                tokens.add(new Token(Token.Kind.STRING, quoted(c, startLine, startColumn), startLine, startColumn));
            } else if (c == '@' && pos + 1 < sql.length() && (Character.isLetter(sql.charAt(pos + 1)) || sql.charAt(pos + 1) == '_')) {
                int start = ++pos;
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.PARAMETER, sql.substring(start, pos), startLine, startColumn));
            } else if (c == '[' && afterFromOrJoin() && legacyTableEnd() > 0) {
                int end = legacyTableEnd();
                tokens.add(new Token(Token.Kind.LEGACY_TABLE, sql.substring(pos + 1, end), startLine, startColumn));
                pos = end + 1;
            } else {
                symbol(startLine, startColumn);
            }
        }
    }

    /** Legacy SQL's {@code [project:dataset.table]} appears right after FROM or JOIN. */
    private boolean afterFromOrJoin() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token previous = tokens.get(tokens.size() - 1);
        return previous.isWord("FROM") || previous.isWord("JOIN");
    }

    private int legacyTableEnd() {
        int end = sql.indexOf(']', pos);
        if (end < 0) {
            return -1;
        }
        String inside = sql.substring(pos + 1, end);
        return inside.matches("[A-Za-z0-9_.:\\-]+") && inside.contains(".") ? end : -1;
    }

    private void number(int startLine, int startColumn) {
        int start = pos;
        boolean isFloat = false;
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                isFloat = true;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        if (pos < sql.length() && (Character.isLetter(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            throw syntax("Syntax error: unexpected character after number", startLine, startColumn);
        }
        tokens.add(new Token(isFloat ? Token.Kind.FLOAT : Token.Kind.INTEGER, sql.substring(start, pos), startLine, startColumn));
    }

    private String quoted(char quote, int startLine, int startColumn) {
        StringBuilder text = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == quote) {
                pos++;
                return text.toString();
            }
            if (c == '\n' && quote != '`') {
                break;
            }
            if (c == '\\' && pos + 1 < sql.length()) {
                char next = sql.charAt(pos + 1);
                pos += 2;
                switch (next) {
                    case 'n':
                        text.append('\n');
                        break;
                    case 't':
                        text.append('\t');
                        break;
                    case 'r':
                        text.append('\r');
                        break;
                    case '\\':
                    case '\'':
                    case '"':
                    case '`':
                        text.append(next);
                        break;
                    default:
                        throw syntax("Syntax error: unsupported escape sequence \\" + next, line, pos - lineStart - 1);
                }
                continue;
            }
            text.append(c);
            pos++;
        }
        throw syntax("Syntax error: unclosed " + (quote == '`' ? "identifier" : "string literal"), startLine, startColumn);
    }

    /** The body of a raw string: no escapes, except that a backslash keeps the quote after it inside the string. */
    private String raw(char quote, int startLine, int startColumn) {
        StringBuilder text = new StringBuilder();
        pos++;
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            char c = sql.charAt(pos);
            if (c == quote) {
                pos++;
                return text.toString();
            }
            if (c == '\\' && pos + 1 < sql.length() && sql.charAt(pos + 1) != '\n') {
                text.append(c).append(sql.charAt(pos + 1));
                pos += 2;
                continue;
            }
            text.append(c);
            pos++;
        }
        throw syntax("Syntax error: unclosed string literal", startLine, startColumn);
    }

    private void symbol(int startLine, int startColumn) {
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, pos)) {
                pos += symbol.length();
                tokens.add(new Token(Token.Kind.SYMBOL, symbol, startLine, startColumn));
                return;
            }
        }
        throw syntax("Syntax error: illegal input character \"" + sql.charAt(pos) + "\"", startLine, startColumn);
    }

    private void skipBlanksAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw syntax("Syntax error: unclosed comment", line, pos - lineStart + 1);
                }
                for (int i = pos; i < end; i++) {
                    if (sql.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private static DicombqException syntax(String message, int line, int column) {
        return new DicombqException(Code.INVALID_ARGUMENT, message + " at [" + line + ":" + column + "]");
    }
}
