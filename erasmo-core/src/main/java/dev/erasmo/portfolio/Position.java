package dev.erasmo.portfolio;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.CurrencyMismatchException;
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
        lots = List.copyOf(lots);
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("position in " + instrument.symbol() + " has no lots");
        }
        BigDecimal[] sums = sums(instrument, lots);
        if (sums[0].compareTo(quantity.value()) != 0 || !cost.currency().equals(instrument.currency())
                || sums[1].compareTo(cost.amount()) != 0) {
            throw new IllegalArgumentException("position totals " + quantity + " / " + cost + " do not match its lots "
                    + sums[0].toPlainString() + " / " + instrument.currency().getCurrencyCode() + " " + sums[1].toPlainString());
        }
    }

    /** The lots' total quantity and cost, summed as plain decimals (a lot's cost must be in the instrument's currency). */
    private static BigDecimal[] sums(Instrument instrument, List<Lot> lots) {
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        for (Lot lot : lots) {
            if (!lot.cost().currency().equals(instrument.currency())) {
                throw new CurrencyMismatchException(instrument.currency(), lot.cost().currency());
            }
            q = q.add(lot.quantity().value());
            c = c.add(lot.cost().amount());
        }
        return new BigDecimal[] {q, c};
    }

    /**
     * Creates a position from its lots, summing them.
     *
     * @param instrument the instrument
     * @param lots the lots, oldest first
     * @return the position
     */
    public static Position of(Instrument instrument, List<Lot> lots) {
        BigDecimal[] sums = sums(instrument, lots);
        return new Position(instrument, lots, Quantity.of(sums[0]), Money.of(instrument.currency(), sums[1]));
    }
}
