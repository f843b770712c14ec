package dev.erasmo.performance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One drawdown: a run of periods in which the wealth (compounded returns, starting at 1) is below
 * its running peak, as R's PerformanceAnalytics 2.1.0 {@code findDrawdowns}/{@code
 * table.Drawdowns} report it.
 *
 * <p>With the periods numbered from 1, the drawdown starts at the first period below the peak
 * ({@code From} in {@code table.Drawdowns}), reaches its trough at the (first) lowest wealth, and
 * recovers at the first period whose wealth is back at the peak or above ({@code To}). Then:
 * <ul>
 *   <li>{@code length = recovery - start + 1}: the periods from the peak (the period before the
 *       start) to the recovery. When the series ends before the recovery, PerformanceAnalytics
 *       counts as if the recovery came in the period after the last one, and so does this record:
 *       the length is then the number of periods below the peak plus one.
 *   <li>{@code endDate}: the last period below the peak, the one before the recovery (or the
 *       last of the series when not recovered), which quantstats 0.0.81's {@code
 *       drawdown_details} reports as {@code end}, with {@link #calendarDays()} as its {@code
 *       days}.
 *   <li>{@code periodsToTrough = trough - start + 1}: the periods from the peak to the trough.
 *   <li>{@link #periodsToRecovery()} {@code = recovery - trough}, only when recovered.
 * </ul>
 *
 * <p>The depth is a negative fraction: {@code -0.5654} is a fall of 56.54 % from the peak
 * (PerformanceAnalytics' {@code maxDrawdown} reports the same as a positive 0.5654; empyrical and
 * quantstats as a negative number, like this record). -1 is a total loss.
 *
 * <p>Immutable and thread-safe.
 *
 * @param depth the lowest wealth relative to the peak, minus 1: from -1 (everything lost) to
 *     below 0
 * @param peakDate the date of the last period at the peak, or null when the peak is the starting
 *     wealth (the drawdown starts with the first return, and the start has no date in a return
 *     series)
 * @param startDate the first period below the peak ({@code From} in {@code table.Drawdowns})
 * @param troughDate the first period at the lowest wealth of the drawdown
 * @param recoveryDate the first period back at the peak or above ({@code To}), or null if the
 *     series ends below the peak
 * @param endDate the last period below the peak: the period before the recovery, or the last
 *     period of the series when not recovered (quantstats' {@code end})
 * @param length the periods from the peak to the recovery, as described above; at least {@code
 *     periodsToTrough + 1}
 * @param periodsToTrough the periods from the peak to the trough, at least 1
 */
public record Drawdown(double depth, @Nullable LocalDate peakDate, LocalDate startDate, LocalDate troughDate,
        @Nullable LocalDate recoveryDate, LocalDate endDate, int length, int periodsToTrough) {

    /**
     * Validates the dates' order and the counts.
     *
     * @param depth the lowest wealth relative to the peak, minus 1: from -1 to below 0
     * @param peakDate the date of the last period at the peak, or null when the peak is the
     *     starting wealth
     * @param startDate the first period below the peak
     * @param troughDate the first period at the lowest wealth of the drawdown
     * @param recoveryDate the first period back at the peak or above, or null if not recovered
     * @param endDate the last period below the peak: from the trough, before the recovery
     * @param length the periods from the peak to the recovery; at least {@code periodsToTrough + 1}
     * @param periodsToTrough the periods from the peak to the trough, at least 1
     */
    public Drawdown {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(troughDate, "troughDate");
        Objects.requireNonNull(endDate, "endDate");
        if (!(depth >= -1 && depth < 0)) {
            throw new IllegalArgumentException("depth " + depth + " must be from -1 to below 0");
        }
        if (peakDate != null && !peakDate.isBefore(startDate)) {
            throw new IllegalArgumentException("peak " + peakDate + " must be before the start " + startDate);
        }
        if (troughDate.isBefore(startDate)) {
            throw new IllegalArgumentException("trough " + troughDate + " is before the start " + startDate);
        }
        if (recoveryDate != null && !recoveryDate.isAfter(troughDate)) {
            throw new IllegalArgumentException("recovery " + recoveryDate + " must be after the trough " + troughDate);
        }
        if (endDate.isBefore(troughDate) || recoveryDate != null && !endDate.isBefore(recoveryDate)) {
            throw new IllegalArgumentException("end " + endDate + " must be from the trough " + troughDate + " and before the recovery "
                    + recoveryDate);
        }
        if (periodsToTrough < 1 || length <= periodsToTrough) {
            throw new IllegalArgumentException("length " + length + " must exceed periodsToTrough " + periodsToTrough
                    + ", which must be at least 1");
        }
    }

    /**
     * Whether the wealth came back to the peak before the series ended.
     *
     * @return true if there is a recovery date
     */
    public boolean isRecovered() {
        return recoveryDate != null;
    }

    /**
     * The periods from the trough to the recovery ({@code Recovery} in {@code table.Drawdowns}).
     *
     * @return {@code length - periodsToTrough}, or empty if not recovered
     */
    public OptionalInt periodsToRecovery() {
        return recoveryDate == null ? OptionalInt.empty() : OptionalInt.of(length - periodsToTrough);
    }

    /**
     * The calendar days from the start to the end, both included, {@code endDate - startDate +
     * 1} (quantstats 0.0.81 {@code drawdown_details}' {@code days}). Unlike {@link #length()} it
     * counts calendar days, not periods, and it stops at the last period below the peak.
     *
     * @return the calendar days below the peak, at least 1
     */
    public long calendarDays() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /**
     * Every drawdown of a series, in date order. Wealth compounds geometrically from 1 before the
     * first return, so a first return below zero starts a drawdown whose peak is the start.
     *
     * @param returns the series
     * @return the drawdowns, empty if the wealth never falls below its running peak
     */
    public static List<Drawdown> all(ReturnSeries returns) {
        Objects.requireNonNull(returns, "returns");
        double[] r = returns.values();
        int n = r.length;
        List<Drawdown> result = new ArrayList<>();
        double wealth = 1;
        double peak = 1;
        int start = -1;
        int trough = -1;
        double depth = 0;
        for (int i = 0; i < n; i++) {
            wealth *= 1 + r[i];
            if (wealth > peak) {
                peak = wealth;
            }
            double dd = wealth / peak - 1;
            if (dd < 0) {
                if (start < 0) {
                    start = i;
                    trough = i;
                    depth = dd;
                } else if (dd < depth) {
                    trough = i;
                    depth = dd;
                }
            } else if (start >= 0) {
                result.add(episode(returns, start, trough, i, depth));
                start = -1;
            }
        }
        if (start >= 0) {
            result.add(episode(returns, start, trough, n, depth));
        }
        return List.copyOf(result);
    }

    /**
     * The deepest drawdown of a series (the first of equally deep ones), as the first row of
     * PerformanceAnalytics' {@code table.Drawdowns}.
     *
     * @param returns the series
     * @return the deepest drawdown, or empty if the wealth never falls below its running peak
     *     (then the maximum drawdown is 0)
     */
    public static Optional<Drawdown> worst(ReturnSeries returns) {
        Drawdown worst = null;
        for (Drawdown d : all(returns)) {
            if (worst == null || d.depth() < worst.depth()) {
                worst = d;
            }
        }
        return Optional.ofNullable(worst);
    }

    private static Drawdown episode(ReturnSeries s, int start, int trough, int recovery, double depth) {
        return new Drawdown(Math.max(depth, -1), start == 0 ? null : s.dateAt(start - 1), s.dateAt(start), s.dateAt(trough),
                recovery < s.size() ? s.dateAt(recovery) : null, s.dateAt(recovery - 1), recovery - start + 1, trough - start + 1);
    }
}
