package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueDouble;
import org.h2.value.ValueNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code CAST(int64 | numeric | float64 AS STRING FORMAT '…')} (BigQuery docs: format elements, "Format numeric type
 * as string"): digits {@code 0} and {@code 9}, the decimal point ({@code .} or {@code D}), group separators
 * ({@code ,} or {@code G}), a sign ({@code S} first or last, {@code MI} or {@code PR} last), a currency symbol
 * ({@code $}, {@code C}/{@code c}, {@code L}), {@code FM} and {@code 9.99EEEE}, with ZetaSQL's layout: a fixed width,
 * the sign and currency next to the number, {@code #} for each digit when the integer part does not fit. FLOAT64 is
 * rounded from its exact binary value half to even, INT64 and NUMERIC half away from zero, as ZetaSQL's reference
 * does. Other elements ({@code B}, {@code X}, {@code RN}, {@code V}, {@code TM}), other arrangements, NaN and the
 * infinities, and {@code S} on a value that rounds to zero (the documentation leaves it unsigned, the reference
 * signs it) are refused by name when a row meets them.
 */
public final class NumberFormatElements {
    static final String[][] NAMES = {{"format_number_elements", "format"}};

    private NumberFormatElements() {
    }

    /** {@code value} is a BIGINT, a NUMERIC or a DOUBLE PRECISION. */
    public static String format(Value value, String format) {
        if (value == null || value == ValueNull.INSTANCE || format == null) {
            return null;
        }
        Model model = Model.parse(format);
        BigDecimal number;
        RoundingMode rounding;
        if (value instanceof ValueDouble) {
            double d = value.getDouble();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw refuse("of NaN or an infinity");
            }
            number = new BigDecimal(d);
            rounding = RoundingMode.HALF_EVEN;
        } else {
            number = value.getBigDecimal();
            rounding = RoundingMode.HALF_UP;
        }
        return model.write(number, rounding);
    }

    private static InvalidValueException refuse(String what) {
        return InvalidValueException.unknownAnswer("CAST(number AS STRING FORMAT …) " + what);
    }

    /** A parsed format: the integer part's digits and separators, the fraction's digits, sign, currency, FM. */
    private record Model(String integer, int fraction, boolean point, char sign, boolean signFirst, String currency,
                         boolean fillMode, String exponent) {
        static Model parse(String format) {
            String rest = format;
            boolean fm = false;
            char sign = 0;
            boolean signFirst = false;
            String currency = "";
            // leading FM, S and currency, in any order
            while (!rest.isEmpty()) {
                String upper = rest.toUpperCase(Locale.ROOT);
                if (upper.startsWith("FM") && !fm) {
                    fm = true;
                    rest = rest.substring(2);
                } else if (upper.startsWith("S") && sign == 0) {
                    sign = 'S';
                    signFirst = true;
                    rest = rest.substring(1);
                } else if (currency.isEmpty() && (rest.startsWith("$") || upper.startsWith("L") || upper.startsWith("C"))) {
                    currency = rest.startsWith("$") || upper.startsWith("L") ? "$" : rest.startsWith("C") ? "USD" : "usd";
                    rest = rest.substring(1);
                } else {
                    break;
                }
            }
            StringBuilder integer = new StringBuilder();
            int i = 0;
            while (i < rest.length() && "09,Gg".indexOf(rest.charAt(i)) >= 0) {
                char c = rest.charAt(i++);
                integer.append(c == 'G' || c == 'g' ? ',' : c);
            }
            boolean point = false;
            int fraction = 0;
            if (i < rest.length() && (rest.charAt(i) == '.' || rest.charAt(i) == 'D' || rest.charAt(i) == 'd')) {
                point = true;
                i++;
                while (i < rest.length() && (rest.charAt(i) == '9' || rest.charAt(i) == '0')) {
                    if (rest.charAt(i) == '0' && fm) {
                        throw refuse("with FM and 0 after the decimal point");
                    }
                    fraction++;
                    i++;
                }
            }
            String tail = rest.substring(i).toUpperCase(Locale.ROOT);
            // the exponent is written in the case of the element's first letter ('eeee' gives 1.0e+01)
            String exponent = tail.startsWith("EEEE") ? rest.substring(i, i + 1) : null;
            if (exponent != null) {
                tail = tail.substring(4);
                // only the shapes checked against ZetaSQL's reference: one digit, a fraction, no other element but S first
                if (!integer.toString().equals("9") || fm || !currency.isEmpty() || (sign != 0 && !signFirst) || !tail.isEmpty()) {
                    throw refuse("with the format '" + format + "'");
                }
            }
            if (tail.startsWith("S") && sign == 0) {
                sign = 'S';
                tail = tail.substring(1);
            } else if (tail.startsWith("MI") && sign == 0) {
                sign = 'M';
                tail = tail.substring(2);
            } else if (tail.startsWith("PR") && sign == 0) {
                sign = 'P';
                tail = tail.substring(2);
            }
            if (tail.equals("FM") && !fm) {
                fm = true;
                tail = "";
            }
            String digits = integer.toString();
            if (!tail.isEmpty() || digits.replace(",", "").isEmpty() || digits.startsWith(",") || digits.endsWith(",")
                    || digits.contains(",,") || (point && fraction == 0) || (fm && digits.contains("0"))) {
                throw refuse("with the format '" + format + "'");
            }
            return new Model(digits, fraction, point, sign, signFirst, currency, fm, exponent);
        }

        String write(BigDecimal value, RoundingMode rounding) {
            if (exponent != null) {
                return scientific(value, rounding);
            }
            boolean negative = value.signum() < 0;
            BigDecimal rounded = value.abs().setScale(fraction, rounding);
            if (sign == 'S' && rounded.signum() == 0) {
                throw refuse("with S of a value that rounds to zero");
            }
            String plain = rounded.toPlainString();
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String fractionDigits = dot < 0 ? "" : plain.substring(dot + 1);
            if (whole.equals("0") && fraction > 0) {
                // ZetaSQL writes no integer digit for a zero integer part when a fraction follows (0.5 as '.50')
                whole = "";
            }
            int positions = integer.replace(",", "").length();
            boolean overflow = whole.length() > positions;
            int firstZero = integer.replace(",", "").indexOf('0');
            StringBuilder body = new StringBuilder();
            int position = 0;
            boolean printed = false;
            for (char c : integer.toCharArray()) {
                if (c == ',') {
                    body.append(overflow || printed ? ',' : ' ');
                    continue;
                }
                int fromRight = positions - position;
                char digit;
                if (overflow) {
                    digit = '#';
                } else if (fromRight <= whole.length()) {
                    digit = whole.charAt(whole.length() - fromRight);
                } else {
                    digit = firstZero >= 0 && position >= firstZero ? '0' : ' ';
                }
                printed |= digit != ' ';
                body.append(digit);
                position++;
            }
            if (point) {
                body.append('.').append(overflow ? "#".repeat(fraction) : fractionDigits);
            }
            String number = body.toString();
            int lead = number.length() - number.stripLeading().length();
            String blanks = number.substring(0, lead);
            String digits = number.substring(lead);
            String out;
            if (sign == 'P') {
                out = negative ? blanks + "<" + currency + digits + ">" : " " + blanks + currency + digits + " ";
            } else if (sign == 'M') {
                out = blanks + currency + digits + (negative ? "-" : " ");
            } else if (sign == 'S' && !signFirst) {
                out = blanks + currency + digits + (negative ? "-" : "+");
            } else {
                char mark = negative ? '-' : sign == 'S' ? '+' : ' ';
                out = blanks + mark + currency + digits;
            }
            if (!fillMode) {
                return out;
            }
            String compact = out.replace(" ", "");
            if (point) {
                int at = compact.indexOf('.');
                int end = at + 1;
                while (end < compact.length() && Character.isDigit(compact.charAt(end))) {
                    end++;
                }
                String kept = compact.substring(at + 1, end).replaceAll("0+$", "");
                compact = compact.substring(0, at + 1) + kept + compact.substring(end);
                if (compact.chars().noneMatch(Character::isDigit)) {
                    // nothing left of the number: ZetaSQL writes its zero before the point (0 as '0.')
                    compact = compact.substring(0, at) + "0" + compact.substring(at);
                }
            }
            return compact;
        }

        /** {@code d.ddE±xx}: one digit before the point, the exponent of at least two digits (EEEE). */
        private String scientific(BigDecimal value, RoundingMode rounding) {
            if (value.signum() == 0 && sign == 'S') {
                throw refuse("with S of a value that rounds to zero");
            }
            BigDecimal magnitude = value.abs();
            int power = value.signum() == 0 ? 0 : magnitude.precision() - magnitude.scale() - 1;
            BigDecimal mantissa = magnitude.movePointLeft(power).setScale(fraction, rounding);
            if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
                power++;
                mantissa = magnitude.movePointLeft(power).setScale(fraction, rounding);
            }
            String digits = mantissa.toPlainString() + (point && fraction == 0 ? "." : "");
            String exponentText = String.format(Locale.ROOT, "%02d", Math.abs(power));
            char mark = value.signum() < 0 ? '-' : sign == 'S' ? '+' : ' ';
            return mark + digits + exponent + (power < 0 ? "-" : "+") + exponentText;
        }
    }
}
