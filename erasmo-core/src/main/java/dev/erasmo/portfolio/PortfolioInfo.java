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
 *     surrounding whitespace is removed and the text normalized to Unicode NFC, so names that look
 *     the same are the same
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
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC);
    }

    /**
     * Validates.
     *
     * @param id the id
     * @param owner who it belongs to
     * @param name its name, unique per owner: 1 to 100 characters, no control characters, not blank;
 *     surrounding whitespace is removed and the text normalized to Unicode NFC, so names that look
 *     the same are the same
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
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("portfolio name must have 1 to 100 characters, not blank, no control characters");
        }
        Currencies.minorUnits(baseCurrency);
    }
}
