package dev.erasmo.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A cash dividend as a quote source reports it: the ex-date and the amount paid per share as
 * traded that day, in the instrument's currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param exDate the ex-dividend date
 * @param perShare the amount per share, above zero
 */
public record DividendEvent(LocalDate exDate, BigDecimal perShare) {

    /**
     * Validates.
     *
     * @param exDate the ex-dividend date
     * @param perShare the amount per share, above zero
     */
    public DividendEvent {
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(perShare, "perShare");
        if (perShare.signum() <= 0) {
            throw new IllegalArgumentException("dividend " + perShare.toPlainString() + " on " + exDate + " must be above zero");
        }
    }
}
