package dev.erasmo.valuation;

import dev.erasmo.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchange rates into one base currency: for each other currency, how many units of the base one
 * unit of it is worth ({@code EUR -> 1.08} with base USD).
 *
 * <p>Converted amounts are rounded {@link RoundingMode#HALF_EVEN} to the base currency's minor
 * unit. Immutable and thread-safe.
 *
 * @param base the base currency
 * @param rates rate per other currency, above zero
 */
public record FxRates(Currency base, Map<Currency, BigDecimal> rates) {

    /**
     * Validates and copies; a rate for the base itself is ignored.
     *
     * @param base the base currency
     * @param rates rate per other currency, above zero
     */
    public FxRates {
        Objects.requireNonNull(base, "base");
        Map<Currency, BigDecimal> m = new HashMap<>(rates);
        m.remove(base);
        m.forEach((c, r) -> {
            if (r.signum() <= 0) {
                throw new IllegalArgumentException("FX rate " + c.getCurrencyCode() + base.getCurrencyCode() + " " + r + " must be above zero");
            }
        });
        rates = Map.copyOf(m);
    }

    /**
     * No rates: only the base currency can be valued.
     *
     * @param base the base currency
     * @return rates with none but the base
     */
    public static FxRates none(Currency base) {
        return new FxRates(base, Map.of());
    }

    /**
     * Converts money into the base currency.
     *
     * @param money money in any currency
     * @return the money in the base currency, or empty if there is no rate for its currency
     */
    public Optional<Money> toBase(Money money) {
        if (money.currency().equals(base)) {
            return Optional.of(money);
        }
        BigDecimal rate = rates.get(money.currency());
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(Money.of(base, money.amount().multiply(rate), RoundingMode.HALF_EVEN));
    }
}
