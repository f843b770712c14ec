package dev.erasmo.performance;

import dev.erasmo.portfolio.PortfolioInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The daily value of a portfolio between two dates, one {@link DailyValue} per trading day of the
 * symbols it held (weekdays when it held none), with the value at the end of the day before the
 * first as the starting point.
 *
 * <p>Immutable and thread-safe.
 *
 * @param portfolio the portfolio
 * @param version the portfolio's version the curve reflects (its ledger's last sequence number)
 * @param from the first date asked for
 * @param to the last date asked for
 * @param start the value at the end of the day before {@code from}: the base of the first day's return
 * @param days the days, in date order
 */
public record EquityCurve(PortfolioInfo portfolio, long version, LocalDate from, LocalDate to, DailyValue start, List<DailyValue> days) {

    /**
     * Validates.
     *
     * @param portfolio the portfolio
     * @param version the portfolio's version the curve reflects
     * @param from the first date asked for
     * @param to the last date asked for
     * @param start the value at the end of the day before {@code from}
     * @param days the days, in date order
     */
    public EquityCurve {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(start, "start");
        days = List.copyOf(days);
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).date().isAfter(days.get(i - 1).date())) {
                throw new IllegalArgumentException("days must be in date order: " + days.get(i).date() + " after " + days.get(i - 1).date());
            }
        }
    }

    /**
     * The curve cut at a date: the days up to it, and {@code to} set to it.
     *
     * @param last the new last date, from {@code from} to {@code to}
     * @return the shorter curve (this one if {@code last} is {@code to})
     * @throws IllegalArgumentException if {@code last} is outside the curve's dates
     */
    public EquityCurve until(LocalDate last) {
        if (last.isBefore(from) || last.isAfter(to)) {
            throw new IllegalArgumentException(last + " is outside the curve's dates " + from + " to " + to);
        }
        if (last.equals(to)) {
            return this;
        }
        return new EquityCurve(portfolio, version, from, last, start, days.stream().filter(d -> !d.date().isAfter(last)).toList());
    }

    /**
     * The time-weighted return over the whole curve: the daily returns linked,
     * {@code prod(1 + r) - 1}. Days without a defined return (nothing invested) are skipped.
     *
     * @return the cumulative return, or empty if no day has a return
     */
    public OptionalDouble timeWeightedReturn() {
        ReturnSeries r = returns();
        return r.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(TimeWeightedReturn.cumulative(r));
    }

    /**
     * The daily time-weighted returns, for {@link Metrics}: every day that has one (a day with
     * nothing invested has none and is left out).
     *
     * @return the returns by date
     */
    public ReturnSeries returns() {
        List<LocalDate> dates = new java.util.ArrayList<>(days.size());
        double[] r = new double[days.size()];
        int n = 0;
        for (DailyValue d : days) {
            if (d.dailyReturn() != null) {
                dates.add(d.date());
                r[n++] = d.dailyReturn();
            }
        }
        return ReturnSeries.of(dates, java.util.Arrays.copyOf(r, n));
    }
}
