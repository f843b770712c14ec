package dev.erasmo.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parsing and normalizing of decimals shared by the money types. */
final class Decimals {

    private Decimals() {
    }

    /**
     * Parses a plain decimal number. Accepts an optional sign, digits and one decimal point;
     * rejects NaN, infinity, exponents, grouping and blank input with a message naming the text.
     */
    static BigDecimal parse(String what, String text) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " '" + t.substring(0, 20) + "...' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!PLAIN.matcher(t).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a decimal number");
        }
        return new BigDecimal(t);
    }

    /** A plain decimal number: an optional sign, digits and one decimal point. */
    static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The longest decimal text parsed: far beyond any real amount, short enough to parse in no time. */
    static final int MAX_TEXT_LENGTH = 64;

    /** Removes trailing zeros, never leaving a negative scale, so that equal values are equal. */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Normalizes and checks that at most {@code maxScale} decimals are needed. */
    static BigDecimal normalize(String what, BigDecimal value, int maxScale) {
        BigDecimal n = normalize(value);
        if (n.scale() > maxScale) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " has more than " + maxScale + " decimal places");
        }
        return n;
    }

    /** Splits {@code "USD 12.34"} into code and amount, or says what form was expected. */
    static String[] codeAndAmount(String what, String text) {
        String[] parts = text.strip().split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(what + " '" + text + "' is not of the form 'USD 12.34'");
        }
        return parts;
    }
}
