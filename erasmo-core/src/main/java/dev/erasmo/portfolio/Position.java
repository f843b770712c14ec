package dev.erasmo.portfolio;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An open position: the lots held of one instrument, oldest first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument
 * @param lots the open lots, oldest first; not empty
 * @param quantity the sum of the lots' quantities
 * @param cost the sum of the lots' costs (the cost basis), in the instrument's currency
 */
public record Position(Instrument instrument, List<Lot> lots, Quantity quantity, Money cost) {

    /**
     * Validates that the totals match the lots.
     *
     * @param instrument the instrument
     * @param lots the open lots, oldest first; not empty
     * @param quantity the sum of the lots' quantities
     * @param cost the sum of the lots' costs (the cost basis), in the instrument's currency
     */
    public Position {
        Objects.requireNonNull(instrument, "instrument");
        // the lots of a fold are immutable and summed already; any other list is copied and summed
        LotList held = LotList.of(instrument.currency(), lots);
        lots = held;
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("position in " + instrument.symbol() + " has no lots");
        }
        BigDecimal[] sums = {held.quantity(), held.cost()};
        if (sums[0].compareTo(quantity.value()) != 0 || !cost.currency().equals(instrument.currency())
                || sums[1].compareTo(cost.amount()) != 0) {
            throw new IllegalArgumentException("position totals " + quantity + " / " + cost + " do not match its lots "
                    + sums[0].toPlainString() + " / " + instrument.currency().getCurrencyCode() + " " + sums[1].toPlainString());
        }
    }

    /**
     * Creates a position from its lots, summing them.
     *
     * @param instrument the instrument
     * @param lots the lots, oldest first
     * @return the position
     */
    public static Position of(Instrument instrument, List<Lot> lots) {
        LotList held = LotList.of(instrument.currency(), lots);
        return new Position(instrument, held, Quantity.of(held.quantity()), Money.of(instrument.currency(), held.cost()));
    }
}
