package dev.erasmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The money-weighted return (internal rate of return) of dated cash flows, as the spreadsheets'
 * {@code XIRR} defines it: the annual rate r at which the net present value
 * <pre>
 *   NPV(r) = sum v_i (1 + r)^(-(d_i - d_0) / 365)
 * </pre>
 * is zero. Flows are the investor's: money paid in (a deposit, a purchase) negative, money
 * received (a withdrawal, a dividend) and the final value positive.
 *
 * <p>LibreOffice, Gnumeric and Excel take {@code d_0} as the date of the <em>first row</em>, not
 * the earliest date; this class takes the earliest date. Both give the same rate: changing
 * {@code d_0} multiplies every term by the same positive factor {@code (1 + r)^((d_0' - d_0) /
 * 365)}, so the roots are the same (LibreOffice 7.4.7 agrees on an unsorted schedule to 2e-15;
 * Gnumeric 1.12.55 answers {@code #VALUE!} when the first row is not the earliest). The order of
 * the flows does not matter here.
 *
 * <p>Unlike the spreadsheets, which run Newton's method from a guess (0.1 by default) and may
 * fail to converge or land on a distant root, this class brackets: it scans rates from -100 %
 * (exclusive) to about 4 * 10^15 (in steps of at most 0.5 % of 1 + r near zero, growing
 * further out) for sign changes of the NPV, bisects each to the precision of a double (far
 * below 1e-10), and returns the root nearest to {@value #PREFERRED_RATE} (the spreadsheets'
 * default guess) when a schedule has several. Two roots closer together than one scan step, or
 * a root where the NPV touches zero without changing sign, are not found.
 *
 * <p>No solution is a {@link NoSolution} value, never {@code NaN} nor an exception: all non-zero
 * flows (netted per date) of one sign, or none, or flows whose NPV does not change sign in the
 * scanned range.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class Xirr {

    /** The day count of a year in the discounting exponent, as in the spreadsheets' XIRR. */
    public static final int DAYS_PER_YEAR = 365;
    /** The root returned when several rates solve the schedule is the one nearest to this rate. */
    public static final double PREFERRED_RATE = 0.1;

    /** The scan covers y = ln(1 + r) = sinh(u) for u in [-U, U]: r from -1 + 2e-16 to 4.3e15. */
    private static final double U_MAX = 4.277;
    private static final double U_STEP = 0.005;

    private Xirr() {
    }

    /**
     * The outcome of {@link #of(List)}: a {@link Rate} or {@link NoSolution}.
     *
     * <p>Immutable and thread-safe.
     */
    public sealed interface Result permits Rate, NoSolution {

        /**
         * The rate, if there is one.
         *
         * @return the annual rate, or empty for {@link NoSolution}
         */
        OptionalDouble rate();
    }

    /**
     * The annual rate that makes the net present value of the flows zero.
     *
     * <p>Immutable and thread-safe.
     *
     * @param value the annual rate, above -1 (0.1 is 10 % a year)
     */
    public record Rate(double value) implements Result {

        /**
         * Validates: finite, above -1.
         *
         * @param value the annual rate, above -1
         */
        public Rate {
            if (!Double.isFinite(value) || value <= -1) {
                throw new IllegalArgumentException("rate " + value + " must be a number above -1");
            }
        }

        @Override
        public OptionalDouble rate() {
            return OptionalDouble.of(value);
        }
    }

    /**
     * Why the flows have no rate, with a message stating the facts.
     *
     * <p>Immutable and thread-safe.
     *
     * @param reason the kind of failure
     * @param message what was found, for people
     */
    public record NoSolution(Reason reason, String message) implements Result {

        /**
         * Validates: both present.
         *
         * @param reason the kind of failure
         * @param message what was found, for people
         */
        public NoSolution {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public OptionalDouble rate() {
            return OptionalDouble.empty();
        }
    }

    /** Why there is no rate. */
    public enum Reason {
        /** Every non-zero net flow of a date has the same sign, or there is none: no rate can balance them. */
        ONE_SIGN,
        /** The flows have both signs, but their net present value does not change sign for any rate scanned. */
        NO_SIGN_CHANGE
    }

    /**
     * The XIRR of dated flows.
     *
     * @param flows the flows in any order, investor's side: paid in negative, received and the
     *     final value positive; flows of one date are netted (they have the same discount factor),
     *     and dates whose net is zero are ignored
     * @return the rate, or why there is none
     */
    public static Result of(List<CashFlow> flows) {
        Objects.requireNonNull(flows, "flows");
        // flows of one date have the same discount factor: net them, so that a date whose flows
        // cancel out cannot make the present value zero at every rate
        TreeMap<LocalDate, BigDecimal> net = new TreeMap<>();
        for (CashFlow f : flows) {
            Objects.requireNonNull(f, "flow");
            net.merge(f.date(), f.amount(), BigDecimal::add);
        }
        net.values().removeIf(v -> v.signum() == 0);
        int count = net.size();
        boolean positive = net.values().stream().anyMatch(v -> v.signum() > 0);
        boolean negative = net.values().stream().anyMatch(v -> v.signum() < 0);
        if (!positive || !negative) {
            return new NoSolution(Reason.ONE_SIGN, count == 0 ? "there is no non-zero cash flow (net per date)"
                    : "all " + count + " non-zero cash flows (net per date) are " + (positive ? "positive" : "negative")
                            + ": no rate makes their present value zero");
        }
        LocalDate first = net.firstKey();
        double[] years = new double[count];
        double[] amounts = new double[count];
        int k = 0;
        for (Map.Entry<LocalDate, BigDecimal> e : net.entrySet()) {
            years[k] = ChronoUnit.DAYS.between(first, e.getKey()) / (double) DAYS_PER_YEAR;
            amounts[k] = e.getValue().doubleValue();
            k++;
        }
        double best = Double.NaN;
        double prevY = Math.sinh(-U_MAX);
        int prevSign = signOfNpv(years, amounts, prevY);
        int steps = (int) Math.ceil(2 * U_MAX / U_STEP);
        for (int i = 1; i <= steps; i++) {
            double y = Math.sinh(-U_MAX + i * (2 * U_MAX / steps));
            int sign = signOfNpv(years, amounts, y);
            double root = Double.NaN;
            if (sign == 0) {
                root = y;
            } else if (prevSign != 0 && sign != prevSign) {
                root = bisect(years, amounts, prevY, prevSign, y);
            }
            if (!Double.isNaN(root)) {
                double r = Math.expm1(root);
                if (r > -1 && (Double.isNaN(best) || Math.abs(r - PREFERRED_RATE) < Math.abs(best - PREFERRED_RATE))) {
                    best = r;
                }
            }
            prevY = y;
            prevSign = sign;
        }
        if (Double.isNaN(best)) {
            return new NoSolution(Reason.NO_SIGN_CHANGE, "the net present value of the " + count
                    + " cash flows does not change sign for rates from -100% to 4e15; no rate makes it zero");
        }
        return new Rate(best);
    }

    /**
     * The sign of the NPV at {@code y = ln(1 + r)}, scaled by a positive factor so that no term
     * overflows: {@code sum v_i exp(-t_i y - c)} with {@code c = max(-t_i y)}.
     */
    private static int signOfNpv(double[] years, double[] amounts, double y) {
        double c = Double.NEGATIVE_INFINITY;
        for (double t : years) {
            c = Math.max(c, -t * y);
        }
        double sum = 0;
        for (int i = 0; i < years.length; i++) {
            sum += amounts[i] * Math.exp(-years[i] * y - c);
        }
        return (int) Math.signum(sum);
    }

    /** Bisects [lo, hi] in y = ln(1 + r) until no double lies between the ends. */
    private static double bisect(double[] years, double[] amounts, double lo, int loSign, double hi) {
        for (int i = 0; i < 2100; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            int sign = signOfNpv(years, amounts, mid);
            if (sign == 0) {
                return mid;
            }
            if (sign == loSign) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + (hi - lo) / 2;
    }
}
