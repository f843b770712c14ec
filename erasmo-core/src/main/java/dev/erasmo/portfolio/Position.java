package dev.erasmo.portfolio;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
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
        lots = List.copyOf(lots);
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("position in " + instrument.symbol() + " has no lots");
        }
        Quantity q = Quantity.ZERO;
        Money c = Money.zero(instrument.currency());
        for (Lot lot : lots) {
            q = q.plus(lot.quantity());
            c = c.plus(lot.cost());
        }
        if (!q.equals(quantity) || !c.equals(cost)) {
            throw new IllegalArgumentException("position totals " + quantity + " / " + cost + " do not match its lots " + q + " / " + c);
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
        Quantity q = Quantity.ZERO;
        Money c = Money.zero(instrument.currency());
        for (Lot lot : lots) {
            q = q.plus(lot.quantity());
            c = c.plus(lot.cost());
        }
        return new Position(instrument, lots, q, c);
    }
}
