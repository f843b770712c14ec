package dev.erasmo.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The Modified Dietz return of a period: a money-weighted approximation that needs only the
 * values at the start and end and the dated external flows.
 *
 * <pre>
 *   R = (V_end - V_start - sum F_i) / (V_start + sum w_i F_i),   w_i = (CD - D_i) / CD
 * </pre>
 * with {@code CD} the calendar days from the start date to the end date and {@code D_i} the days
 * from the start date to flow i: a flow on the start date has weight 1 (invested for the whole
 * period), one on the end date weight 0. Flows are the portfolio's: a deposit positive, a
 * withdrawal negative.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class ModifiedDietz {

    private ModifiedDietz() {
    }

    /**
     * The Modified Dietz return, computed exactly in decimal and rounded once to a double.
     *
     * @param startDate the start of the period
     * @param startValue the value at the start, before any flow of the start date
     * @param endDate the end of the period, after the start date
     * @param endValue the value at the end, after every flow
     * @param flows the external flows, dated from the start date to the end date: deposits
     *     positive, withdrawals negative
     * @return the return of the period; empty when the denominator (the average capital
     *     invested) is zero or negative
     * @throws IllegalArgumentException if the end date is not after the start date, or a flow is
     *     dated outside the period
     */
    public static OptionalDouble of(LocalDate startDate, BigDecimal startValue, LocalDate endDate, BigDecimal endValue,
            List<CashFlow> flows) {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(startValue, "startValue");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(endValue, "endValue");
        Objects.requireNonNull(flows, "flows");
        if (!endDate.isAfter(startDate)) {
            throw new IllegalArgumentException("end " + endDate + " must be after start " + startDate);
        }
        BigDecimal totalDays = BigDecimal.valueOf(ChronoUnit.DAYS.between(startDate, endDate));
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal weighted = startValue.multiply(totalDays);
        for (CashFlow f : flows) {
            if (f.date().isBefore(startDate) || f.date().isAfter(endDate)) {
                throw new IllegalArgumentException("flow " + f + " is outside " + startDate + ".." + endDate);
            }
            net = net.add(f.amount());
            weighted = weighted.add(f.amount().multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(f.date(), endDate))));
        }
        if (weighted.signum() <= 0) {
            return OptionalDouble.empty();
        }
        BigDecimal gain = endValue.subtract(startValue).subtract(net);
        return OptionalDouble.of(gain.multiply(totalDays).divide(weighted, MathContext.DECIMAL128).doubleValue());
    }
}
