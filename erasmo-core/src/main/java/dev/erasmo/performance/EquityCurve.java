package dev.erasmo.performance;

import dev.erasmo.portfolio.PortfolioInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The daily value of a portfolio between two dates, one {@link DailyValue} per trading day of the
 * symbols it held (weekdays when it held none), with the value at the end of the day before the
 * first as the starting point.
 *
 * <p>Its returns take every external flow (deposit or withdrawal) at the start of the day it is
 * counted on: the daily time-weighted return adds it to the previous day's equity ({@link
 * DailyValue}), and the money-weighted return and the Modified Dietz return date it at the end of
 * the previous day of the curve ({@link #externalFlows()}), the same moment. So a portfolio funded
 * by one deposit on its first day has the same time-weighted, Modified Dietz and holding-period
 * return.
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
     * The external flows of the curve (deposits minus withdrawals, in the base currency, a deposit
     * positive), one per day that has one, each dated at the end of the previous day of the curve
     * (the {@link #start()}'s date for the first day): the start of the day it is counted on, as
     * the daily return counts it. A flow booked on a day without a value (a Saturday) is counted
     * on the next day of the curve, so it is dated at the end of the day before that one.
     *
     * @return the flows in date order, for {@link ModifiedDietz}; empty when nothing flowed
     */
    public List<CashFlow> externalFlows() {
        List<CashFlow> flows = new ArrayList<>();
        LocalDate previous = start.date();
        for (DailyValue d : days) {
            if (!d.externalFlow().isZero()) {
                flows.add(new CashFlow(previous, d.externalFlow().amount()));
            }
            previous = d.date();
        }
        return List.copyOf(flows);
    }

    /**
     * The money-weighted return of the curve: the XIRR ({@link Xirr#of}) of the start equity paid
     * in at the start's date, the {@linkplain #externalFlows() external flows} at the start of
     * their days (deposits paid in, withdrawals taken out) and the last day's equity taken out at
     * its date. The rate is per year, over calendar days.
     *
     * @return the rate, or {@link Xirr.NoSolution} (e.g. nothing was ever invested); empty when the
     *     curve has no day, or its start or last day leaves out something that could not be valued
     *     (an end value short of it would mislead)
     */
    public Optional<Xirr.Result> moneyWeightedReturn() {
        if (!valuedAtBothEnds()) {
            return Optional.empty();
        }
        List<CashFlow> flows = new ArrayList<>();
        flows.add(new CashFlow(start.date(), start.equity().amount().negate()));
        for (CashFlow f : externalFlows()) {
            flows.add(new CashFlow(f.date(), f.amount().negate()));
        }
        DailyValue end = days.get(days.size() - 1);
        flows.add(new CashFlow(end.date(), end.equity().amount()));
        return Optional.of(Xirr.of(flows));
    }

    /**
     * The Modified Dietz return of the curve ({@link ModifiedDietz#of}): from the start equity at
     * the start's date to the last day's equity, with the {@linkplain #externalFlows() external
     * flows} at the start of their days, weighted by the calendar days they were in.
     *
     * @return the return of the whole period, not annualized; empty when the curve has no day, its
     *     start or last day leaves out something that could not be valued, or no capital was
     *     invested on average (the denominator is not above zero)
     */
    public OptionalDouble modifiedDietz() {
        if (!valuedAtBothEnds()) {
            return OptionalDouble.empty();
        }
        DailyValue end = days.get(days.size() - 1);
        return ModifiedDietz.of(start.date(), start.equity().amount(), end.date(), end.equity().amount(), externalFlows());
    }

    private boolean valuedAtBothEnds() {
        return !days.isEmpty() && start.complete() && days.get(days.size() - 1).complete();
    }

    /**
     * The daily time-weighted returns, for {@link Metrics}: every day that has one (a day with
     * nothing invested has none and is left out).
     *
     * @return the returns by date
     */
    public ReturnSeries returns() {
        List<LocalDate> dates = new ArrayList<>(days.size());
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
