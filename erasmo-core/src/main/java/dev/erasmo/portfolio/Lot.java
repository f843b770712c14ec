package dev.erasmo.portfolio;

import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * Units of one instrument acquired together, with their total cost (cash paid including the buy
 * fee). Splits change the quantity and keep the cost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param acquiredAt when the units were bought
 * @param quantity how many units are still open, above zero
 * @param cost the total cost of the open units, in the instrument's currency
 */
public record Lot(Instant acquiredAt, Quantity quantity, Money cost) {

    /**
     * Validates.
     *
     * @param acquiredAt when the units were bought
     * @param quantity how many units are still open, above zero
     * @param cost the total cost of the open units, in the instrument's currency
     */
    public Lot {
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(cost, "cost");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("lot quantity " + quantity + " must be above zero");
        }
    }

    /**
     * The cost per unit, cost ÷ quantity, rounded half-even to {@code scale} decimals. For display
     * only: erasmo books with the total {@link #cost()}.
     *
     * @param scale decimals to keep
     * @return the cost per unit
     */
    public BigDecimal costPerUnit(int scale) {
        return cost.amount().divide(quantity.value(), scale, RoundingMode.HALF_EVEN);
    }
}
