package dev.erasmo.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The time-weighted return of an equity curve with external flows (deposits and withdrawals):
 * the return of each day with the flows taken out, then the days linked by compounding, so the
 * result does not depend on when or how much money came in or out.
 *
 * <p>Convention: an external flow counts at the <em>start</em> of its day, so the money deposited
 * on a day earns that day's return: {@code r_t = V_t / (V_{t-1} + F_t) - 1}, with {@code V} the
 * equity at the end of each day and {@code F_t} the net external flow of day t (deposits
 * positive, withdrawals negative). Portfolio Performance's TTWROR differs in three ways: it counts
 * deposits at the start of the day but withdrawals at its end ({@code (V_t + W_t) / (V_{t-1} +
 * D_t) - 1}); it gives a day with nothing invested a return of 0, where this class gives none; and
 * it links every calendar day and annualizes by calendar days, where {@link
 * #annualized(ReturnSeries, int)} annualizes by the number of periods.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class TimeWeightedReturn {

    private TimeWeightedReturn() {
    }

    /**
     * The return of one day, {@code equity / (previousEquity + flowAtStart) - 1}, computed exactly
     * in decimal and rounded once to a double.
     *
     * <p>Edge cases: when {@code previousEquity + flowAtStart} is zero or negative (nothing
     * invested during the day, e.g. the day before the first deposit, or a withdrawal of
     * everything at the start of the day) no return is defined and the day should be left out of
     * the series; a negative end equity (a loss of more than everything, possible with short
     * positions) has no simple return above -1 either. An end equity of zero is a total loss,
     * -1.
     *
     * @param previousEquity the equity at the end of the day before (zero before the first day)
     * @param flowAtStart the net external flow of the day, counted at its start: deposits
     *     positive, withdrawals negative
     * @param equity the equity at the end of the day
     * @return the day's simple return, -1 or more; empty when not defined (see above)
     */
    public static OptionalDouble dailyReturn(BigDecimal previousEquity, BigDecimal flowAtStart, BigDecimal equity) {
        Objects.requireNonNull(previousEquity, "previousEquity");
        Objects.requireNonNull(flowAtStart, "flowAtStart");
        Objects.requireNonNull(equity, "equity");
        BigDecimal invested = previousEquity.add(flowAtStart);
        if (invested.signum() <= 0 || equity.signum() < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(equity.subtract(invested).divide(invested, MathContext.DECIMAL128).doubleValue());
    }

    /**
     * The returns linked into one, {@code prod(1 + r) - 1}: the time-weighted return of the whole
     * series. The same as {@link Metrics#cumulativeReturn()}.
     *
     * @param returns the periodic returns
     * @return the cumulative return: 0 for no returns, -1 after a total loss
     */
    public static double cumulative(ReturnSeries returns) {
        return Stats.compounded(returns.values());
    }

    /**
     * The linked return annualized geometrically by the number of periods, {@code prod(1 +
     * r)^(periodsPerYear / n) - 1}. The same as {@link Metrics#annualizedReturn()}.
     *
     * @param returns the periodic returns
     * @param periodsPerYear periods per year, e.g. 252 for trading days; at least 1
     * @return the annualized return; empty with no returns (or if it overflows a double)
     */
    public static OptionalDouble annualized(ReturnSeries returns, int periodsPerYear) {
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periodsPerYear " + periodsPerYear + " must be at least 1");
        }
        double a = Stats.annualized(returns.values(), periodsPerYear);
        return Double.isFinite(a) ? OptionalDouble.of(a) : OptionalDouble.empty();
    }
}
