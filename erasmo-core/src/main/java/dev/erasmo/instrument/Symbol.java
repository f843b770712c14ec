package dev.erasmo.instrument;

import java.util.Locale;
import java.util.Objects;

/**
 * A ticker symbol, normalized to upper case: {@code AAPL}, {@code BRK-B}, {@code VOD.L},
 * {@code ^GSPC}, {@code EURUSD=X}.
 *
 * <p>A symbol is 1 to {@value #MAX_LENGTH} printable characters with no whitespace; surrounding
 * whitespace is trimmed. Blank text, inner whitespace and control characters are rejected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the normalized symbol
 */
public record Symbol(String value) implements Comparable<Symbol> {

    /** The longest symbol accepted. */
    public static final int MAX_LENGTH = 32;

    /**
     * Validates and normalizes.
     *
     * @param value the normalized symbol
     * @throws IllegalArgumentException if blank, too long, or holding whitespace or control
     *     characters
     */
    public Symbol {
        Objects.requireNonNull(value, "value");
        // the length as stored: upper case can be longer ('ß' is 'SS')
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (dev.erasmo.internal.Unicode.hasLoneSurrogate(v)) {
            throw new IllegalArgumentException("symbol " + printable(value) + " contains a lone surrogate (half of a character)");
        }
        if (v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("symbol '" + v + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException("symbol " + printable(value) + " contains whitespace or a control character");
            }
        }
        value = v;
    }

    /**
     * Creates a symbol.
     *
     * @param value the ticker, e.g. {@code "aapl"}
     * @return the normalized symbol ({@code AAPL})
     */
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
