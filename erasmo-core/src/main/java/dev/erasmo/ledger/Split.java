package dev.erasmo.ledger;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Quantity;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A stock split of {@code numerator} new units for every {@code denominator} old ones (a 4-for-1
 * split is {@code 4, 1}; a 1-for-10 reverse split is {@code 1, 10}).
 *
 * <p>Every open lot of the symbol gets quantity × numerator ÷ denominator, rounded
 * {@link RoundingMode#HALF_EVEN} to {@value Quantity#MAX_SCALE} decimals, and keeps its total
 * cost, so its per-unit cost changes by the inverse ratio. A fractional remainder is kept (no cash
 * in lieu). Rejected when nothing is held at the event's time.
 *
 * @param id the event id
 * @param at the effective time
 * @param symbol the symbol that splits
 * @param numerator new units, above zero
 * @param denominator old units, above zero
 */
public record Split(EventId id, Instant at, Symbol symbol, int numerator, int denominator) implements LedgerEvent {

    /**
     * Validates the ratio.
     *
     * @param id the event id
     * @param at the effective time
     * @param symbol the symbol that splits
     * @param numerator new units, above zero
     * @param denominator old units, above zero
     */
    public Split {
        Checks.common(id, at);
        Objects.requireNonNull(symbol, "symbol");
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("split ratio " + numerator + "-for-" + denominator + " must have both parts above zero");
        }
        if (numerator == denominator) {
            throw new IllegalArgumentException("split ratio " + numerator + "-for-" + denominator + " changes nothing");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.SPLIT;
    }
}
