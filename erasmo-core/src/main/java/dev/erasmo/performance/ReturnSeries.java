package dev.erasmo.performance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Periodic simple returns with the dates that end their periods: {@code returns[i]} is the return
 * from the end of period {@code i - 1} (or the start, for the first) to {@code dates[i]}.
 *
 * <p>Dates are strictly increasing. Each return is finite and -1 or more: -1 is a total loss (the
 * wealth is zero from then on, whatever the later returns are); a return below -1 (a loss of
 * more than everything) and {@code NaN} or infinite values are refused. The series may be empty.
 * The periods need not be regular (a trading calendar has gaps); the metrics that annualize take
 * the number of periods per year from their {@link Metrics.Options}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReturnSeries {

    private static final ReturnSeries EMPTY = new ReturnSeries(new LocalDate[0], new double[0]);

    private final LocalDate[] dates;
    private final double[] returns;

    private ReturnSeries(LocalDate[] dates, double[] returns) {
        this.dates = dates;
        this.returns = returns;
    }

    /**
     * A series from dates and returns.
     *
     * @param dates the date that ends each period, strictly increasing
     * @param returns the simple return of each period (0.01 is +1 %), finite and -1 or more; as
     *     many as dates
     * @return the series
     * @throws IllegalArgumentException if the sizes differ, a date does not follow the one before,
     *     or a return is not finite or is below -1
     */
    public static ReturnSeries of(List<LocalDate> dates, double[] returns) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(returns, "returns");
        if (dates.size() != returns.length) {
            throw new IllegalArgumentException(dates.size() + " dates but " + returns.length + " returns");
        }
        LocalDate[] d = dates.toArray(new LocalDate[0]);
        double[] r = returns.clone();
        checkDates(d);
        for (int i = 0; i < r.length; i++) {
            checkReturn(r[i], d[i]);
        }
        return new ReturnSeries(d, r);
    }

    /**
     * Simple returns of a series of closing prices: {@code close[t] / close[t-1] - 1}, dated at
     * {@code t}; the first date has no return and is dropped (so n closes give n - 1 returns, and
     * one close or none gives an empty series).
     *
     * @param dates the date of each close, strictly increasing
     * @param closes the closes, finite and above zero; as many as dates
     * @return the series
     * @throws IllegalArgumentException if the sizes differ, a date does not follow the one before,
     *     or a close is not finite or not above zero
     */
    public static ReturnSeries fromPrices(List<LocalDate> dates, double[] closes) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(closes, "closes");
        if (dates.size() != closes.length) {
            throw new IllegalArgumentException(dates.size() + " dates but " + closes.length + " closes");
        }
        LocalDate[] d = dates.toArray(new LocalDate[0]);
        checkDates(d);
        for (int i = 0; i < closes.length; i++) {
            if (!Double.isFinite(closes[i]) || closes[i] <= 0) {
                throw new IllegalArgumentException("close " + closes[i] + " on " + d[i] + " must be a number above zero");
            }
        }
        if (closes.length < 2) {
            return EMPTY;
        }
        double[] r = new double[closes.length - 1];
        for (int i = 1; i < closes.length; i++) {
            r[i - 1] = closes[i] / closes[i - 1] - 1;
        }
        return new ReturnSeries(Arrays.copyOfRange(d, 1, d.length), r);
    }

    /**
     * The series with no returns.
     *
     * @return the empty series
     */
    public static ReturnSeries empty() {
        return EMPTY;
    }

    /**
     * The number of returns.
     *
     * @return the number of returns, zero or more
     */
    public int size() {
        return returns.length;
    }

    /**
     * Whether the series has no returns.
     *
     * @return true if there are no returns
     */
    public boolean isEmpty() {
        return returns.length == 0;
    }

    /**
     * The dates, in order.
     *
     * @return an unmodifiable list of the dates
     */
    public List<LocalDate> dates() {
        return Collections.unmodifiableList(Arrays.asList(dates));
    }

    /**
     * The returns, in date order.
     *
     * @return a copy of the returns
     */
    public double[] returns() {
        return returns.clone();
    }

    /**
     * The date of one return.
     *
     * @param index the position, from 0
     * @return the date that ends that period
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public LocalDate dateAt(int index) {
        return dates[Objects.checkIndex(index, dates.length)];
    }

    /**
     * One return.
     *
     * @param index the position, from 0
     * @return the simple return of that period
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public double returnAt(int index) {
        return returns[Objects.checkIndex(index, returns.length)];
    }

    /**
     * The returns dated from one date to another, both included.
     *
     * @param from the first date to keep
     * @param to the last date to keep, not before {@code from}
     * @return the sub-series, possibly empty
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public ReturnSeries between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        int start = firstIndexNotBefore(from);
        int end = firstIndexNotBefore(to.plusDays(1));
        if (start == 0 && end == dates.length) {
            return this;
        }
        return new ReturnSeries(Arrays.copyOfRange(dates, start, end), Arrays.copyOfRange(returns, start, end));
    }

    /**
     * This series on the dates the other series also has, for comparing a portfolio with a
     * benchmark: {@code a.alignedWith(b)} and {@code b.alignedWith(a)} have the same dates.
     * Returns on dates the other series lacks are dropped, not merged into a neighbour.
     *
     * @param other the series whose dates to keep
     * @return this series' returns on the common dates
     */
    public ReturnSeries alignedWith(ReturnSeries other) {
        Objects.requireNonNull(other, "other");
        LocalDate[] d = new LocalDate[Math.min(dates.length, other.dates.length)];
        double[] r = new double[d.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < dates.length; i++) {
            while (j < other.dates.length && other.dates[j].isBefore(dates[i])) {
                j++;
            }
            if (j < other.dates.length && other.dates[j].equals(dates[i])) {
                d[n] = dates[i];
                r[n] = returns[i];
                n++;
            }
        }
        if (n == dates.length) {
            return this;
        }
        return new ReturnSeries(Arrays.copyOf(d, n), Arrays.copyOf(r, n));
    }

    /** The returns without a copy, for the package's computations; never modified. */
    double[] values() {
        return returns;
    }

    private int firstIndexNotBefore(LocalDate date) {
        int lo = 0;
        int hi = dates.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[mid].isBefore(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkDates(LocalDate[] d) {
        for (int i = 0; i < d.length; i++) {
            Objects.requireNonNull(d[i], "date");
            if (i > 0 && !d[i].isAfter(d[i - 1])) {
                throw new IllegalArgumentException("dates must be strictly increasing: " + d[i] + " follows " + d[i - 1]);
            }
        }
    }

    static void checkReturn(double r, @Nullable LocalDate date) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("return " + r + " on " + date + " is not a finite number");
        }
        if (r < -1) {
            throw new IllegalArgumentException("return " + r + " on " + date + " is below -1 (a loss of more than everything)");
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ReturnSeries s && Arrays.equals(dates, s.dates) && Arrays.equals(returns, s.returns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dates) + Arrays.hashCode(returns);
    }

    @Override
    public String toString() {
        return returns.length == 0 ? "ReturnSeries[empty]"
                : "ReturnSeries[" + returns.length + " returns " + dates[0] + ".." + dates[dates.length - 1] + "]";
    }
}
