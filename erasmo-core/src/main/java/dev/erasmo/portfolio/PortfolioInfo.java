package dev.erasmo.portfolio;

import dev.erasmo.money.Currencies;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * The settings of a portfolio, fixed at creation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the id
 * @param owner who it belongs to
 * @param name its name, unique per owner: 1 to 100 characters, no control characters, not blank;
 *     surrounding whitespace (no-break spaces included) is removed and the text normalized to
 *     Unicode NFC, so names that look the same are the same; invisible formatting characters
 *     (zero-width spaces, direction overrides) are refused
 * @param baseCurrency the currency valuations are reported in
 * @param costMethod how sells relieve cost
 * @param createdAt when it was created
 */
public record PortfolioInfo(PortfolioId id, Owner owner, String name, Currency baseCurrency, CostMethod costMethod,
        Instant createdAt) {

    /**
     * Normalizes a portfolio name as {@link PortfolioInfo} stores it: stripped of surrounding
     * whitespace, in Unicode NFC. Look names up in this form.
     *
     * @param name a name as typed
     * @return the normalized name
     */
    public static String normalizeName(String name) {
        int from = 0;
        int to = name.length();
        while (from < to && isSpace(name.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(name.charAt(to - 1))) {
            to--;
        }
        return java.text.Normalizer.normalize(name.substring(from, to), java.text.Normalizer.Form.NFC);
    }

    /** Whitespace of any kind, the no-break spaces included. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Characters a name must not hold: controls, invisible formatting, line and paragraph separators. */
    private static boolean isHidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Validates.
     *
     * @param id the id
     * @param owner who it belongs to
     * @param name its name, unique per owner: 1 to 100 characters, no control characters, not blank;
 *     surrounding whitespace (no-break spaces included) is removed and the text normalized to
 *     Unicode NFC, so names that look the same are the same; invisible formatting characters
 *     (zero-width spaces, direction overrides) are refused
     * @param baseCurrency the currency valuations are reported in
     * @param costMethod how sells relieve cost
     * @param createdAt when it was created
     */
    public PortfolioInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(costMethod, "costMethod");
        Objects.requireNonNull(createdAt, "createdAt");
        name = normalizeName(name);
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 100 || name.codePoints().anyMatch(PortfolioInfo::isHidden)
                || dev.erasmo.internal.Unicode.hasLoneSurrogate(name)) {
            throw new IllegalArgumentException("portfolio name must have 1 to 100 characters, not blank, no control or invisible"
                    + " formatting characters, no lone surrogate (half of a character)");
        }
        Currencies.minorUnits(baseCurrency);
    }
}
