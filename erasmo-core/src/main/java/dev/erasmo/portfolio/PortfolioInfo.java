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
 * @param name its name, unique per owner: 1 to 100 characters, no control characters, not blank
 * @param baseCurrency the currency valuations are reported in
 * @param costMethod how sells relieve cost
 * @param createdAt when it was created
 */
public record PortfolioInfo(PortfolioId id, Owner owner, String name, Currency baseCurrency, CostMethod costMethod,
        Instant createdAt) {

    /**
     * Validates.
     *
     * @param id the id
     * @param owner who it belongs to
     * @param name its name, unique per owner: 1 to 100 characters, no control characters, not blank
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
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("portfolio name must have 1 to 100 characters, not blank, no control characters");
        }
        Currencies.minorUnits(baseCurrency);
    }
}
