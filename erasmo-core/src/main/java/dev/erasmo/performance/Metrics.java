package dev.erasmo.performance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Return and risk figures of one series of periodic simple returns, and optionally its beta and
 * alpha against a benchmark, all computed at once by {@link #of(ReturnSeries, Options)}.
 *
 * <p>The conventions are R's PerformanceAnalytics 2.1.0 unless a method says otherwise: sample
 * standard deviation (n - 1), geometric annualization {@code prod(1 + r)^(scale / n) - 1} with
 * {@code scale} = {@link Options#periodsPerYear()}, drawdowns of the wealth compounded from 1.
 * Where empyrical 0.5.5, quantstats 0.0.81 or Portfolio Performance define a figure differently,
 * the method says so, and offers that variant when the difference is a convention rather than a
 * mistake.
 *
 * <p>Notation: {@code r} are the n returns, {@code rf} is {@link Options#riskFreePerPeriod()} (or,
 * with {@link Options#withRiskFree(ReturnSeries)}, the risk-free series' return on each date:
 * {@code rf_t}), {@code x = r - rf} the excess returns, {@code MAR} is {@link
 * Options#minimumAcceptableReturnPerPeriod()}, {@code mean} and {@code sd} the arithmetic mean
 * and the sample standard deviation.
 *
 * <p>A figure that is not defined for the input is absent ({@link OptionalDouble#empty()}),
 * never {@code NaN} or infinite; each accessor lists when. In short: with no returns only the
 * cumulative return (0) and the drawdown (0) exist; the standard deviations need two returns; a
 * ratio whose denominator is zero (zero volatility, no downside, no drawdown) is absent, where
 * PerformanceAnalytics answers {@code Inf} and empyrical {@code NaN}, {@code Inf} or
 * {@code 1e16}; beta and alpha need a benchmark with two common dates and some variance. A
 * figure that would overflow a double is absent too.
 *
 * <p>Immutable and thread-safe.
 */
public final class Metrics {

    private final Options options;
    private final int n;
    private final double cumulativeReturn;
    private final double annualizedReturn;
    private final double annualizedReturnArithmetic;
    private final double annualizedVolatility;
    private final double annualizedVolatilityPopulation;
    private final double sharpePerPeriod;
    private final double sharpeAnnualized;
    private final double sharpeAnnualizedGeometric;
    private final double downsideDeviation;
    private final double sortinoPerPeriod;
    private final double sortinoAnnualized;
    private final double maxDrawdown;
    private final @Nullable Drawdown worstDrawdown;
    private final double calmar;
    private final double valueAtRisk;
    private final double expectedShortfall;
    private final double valueAtRiskGaussian;
    private final double valueAtRiskGaussianSample;
    private final @Nullable DatedReturn best;
    private final @Nullable DatedReturn worst;
    private final int benchmarkObservations;
    private final double beta;
    private final double alphaPerPeriod;

    /**
     * The figures of a series.
     *
     * @param returns the series
     * @param options periods per year, risk-free rate, minimum acceptable return, confidence
     * @return the figures; those of the benchmark are absent
     * @throws IllegalArgumentException if the options' {@linkplain Options#riskFree() risk-free
     *     series} has no return on a date of the series
     */
    public static Metrics of(ReturnSeries returns, Options options) {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(options, "options");
        return new Metrics(returns, null, options);
    }

    /**
     * The figures of a series, with beta and alpha against a benchmark on their common dates
     * (see {@link ReturnSeries#alignedWith(ReturnSeries)}). Every other figure is of the whole
     * series, not only of the common dates.
     *
     * @param returns the series
     * @param benchmark the benchmark's returns
     * @param options periods per year, risk-free rate, minimum acceptable return, confidence
     * @return the figures
     * @throws IllegalArgumentException if the options' {@linkplain Options#riskFree() risk-free
     *     series} has no return on a date of the series
     */
    public static Metrics of(ReturnSeries returns, ReturnSeries benchmark, Options options) {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(options, "options");
        return new Metrics(returns, benchmark, options);
    }

    private Metrics(ReturnSeries series, @Nullable ReturnSeries benchmark, Options o) {
        this.options = o;
        double[] r = series.values();
        n = r.length;
        int scale = o.periodsPerYear();
        double rootScale = Math.sqrt(scale);

        cumulativeReturn = Stats.compounded(r);
        annualizedReturn = Stats.annualized(r, scale);
        annualizedReturnArithmetic = Stats.mean(r) * scale;
        double sd = Math.sqrt(Stats.sampleVariance(r));
        annualizedVolatility = sd * rootScale;
        annualizedVolatilityPopulation = Math.sqrt(Stats.populationVariance(r)) * rootScale;

        double[] x = excess(series, o);
        double sdx = Math.sqrt(Stats.sampleVariance(x));
        double meanx = Stats.mean(x);
        sharpePerPeriod = ratio(meanx, sdx);
        sharpeAnnualized = ratio(meanx * scale, sdx * rootScale);
        sharpeAnnualizedGeometric = ratio(Stats.annualized(x, scale), sdx * rootScale);

        double[] belowMar = minus(r, o.minimumAcceptableReturnPerPeriod());
        double squares = 0;
        for (double v : belowMar) {
            if (v < 0) {
                squares += v * v;
            }
        }
        downsideDeviation = n == 0 ? Double.NaN : Math.sqrt(squares / n);
        double meanOverMar = Stats.mean(belowMar);
        sortinoPerPeriod = ratio(meanOverMar, downsideDeviation);
        sortinoAnnualized = ratio(meanOverMar * scale, downsideDeviation * rootScale);

        worstDrawdown = Drawdown.worst(series).orElse(null);
        maxDrawdown = worstDrawdown == null ? 0 : worstDrawdown.depth();
        calmar = ratio(annualizedReturn, Math.abs(maxDrawdown));

        double tail = 1 - o.confidence();
        valueAtRisk = Stats.quantileType7(r, tail);
        double sum = 0;
        int count = 0;
        for (double v : r) {
            if (v < valueAtRisk) {
                sum += v;
                count++;
            }
        }
        expectedShortfall = count == 0 ? valueAtRisk : sum / count;
        double z = Stats.normalQuantile(tail);
        valueAtRiskGaussian = n < 2 ? Double.NaN : Stats.mean(r) + z * Math.sqrt(Stats.populationVariance(r));
        valueAtRiskGaussianSample = n < 2 ? Double.NaN : Stats.mean(r) + z * sd;

        DatedReturn hi = null;
        DatedReturn lo = null;
        for (int i = 0; i < n; i++) {
            if (hi == null || r[i] > hi.value()) {
                hi = new DatedReturn(series.dateAt(i), r[i]);
            }
            if (lo == null || r[i] < lo.value()) {
                lo = new DatedReturn(series.dateAt(i), r[i]);
            }
        }
        best = hi;
        worst = lo;

        if (benchmark == null) {
            benchmarkObservations = 0;
            beta = Double.NaN;
            alphaPerPeriod = Double.NaN;
        } else {
            double[] xa = excess(series.alignedWith(benchmark), o);
            double[] xb = excess(benchmark.alignedWith(series), o);
            benchmarkObservations = xa.length;
            beta = ratio(Stats.sampleCovariance(xa, xb), Stats.sampleVariance(xb));
            alphaPerPeriod = Double.isNaN(beta) ? Double.NaN : Stats.mean(xa) - beta * Stats.mean(xb);
        }
    }

    /**
     * The excess returns {@code r - rf} of a series: less the constant rate, or less the
     * risk-free series' return on each of its dates.
     */
    private static double[] excess(ReturnSeries s, Options o) {
        ReturnSeries rf = o.riskFree();
        if (rf == null) {
            return minus(s.values(), o.riskFreePerPeriod());
        }
        double[] x = new double[s.size()];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            LocalDate d = s.dateAt(i);
            while (j < rf.size() && rf.dateAt(j).isBefore(d)) {
                j++;
            }
            if (j == rf.size() || !rf.dateAt(j).equals(d)) {
                throw new IllegalArgumentException("the risk-free series " + rf + " has no return on " + d
                        + ", a date of the returns " + s + ": give it one for every date");
            }
            x[i] = s.values()[i] - rf.values()[j];
        }
        return x;
    }

    private static double[] minus(double[] r, double c) {
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] - c;
        }
        return x;
    }

    /** a / b, NaN when either is NaN or b is zero. */
    private static double ratio(double a, double b) {
        return b == 0 || Double.isNaN(b) ? Double.NaN : a / b;
    }

    private static OptionalDouble present(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /**
     * The options the figures were computed with.
     *
     * @return the options
     */
    public Options options() {
        return options;
    }

    /**
     * The number of returns (PerformanceAnalytics: {@code nrow}).
     *
     * @return n, zero or more
     */
    public int observations() {
        return n;
    }

    /**
     * The compounded return of the whole series, {@code prod(1 + r) - 1}
     * (PerformanceAnalytics {@code Return.cumulative}, empyrical {@code cum_returns_final},
     * quantstats {@code comp}). It is the time-weighted return of the period when the returns
     * are daily returns of an equity curve (see {@link TimeWeightedReturn}).
     *
     * @return the cumulative return: 0 for no returns, -1 after a total loss (infinite only if the
     *     compounded wealth overflows a double, beyond 1e308)
     */
    public double cumulativeReturn() {
        return cumulativeReturn;
    }

    /**
     * The geometric annualized return, {@code prod(1 + r)^(scale / n) - 1}
     * (PerformanceAnalytics {@code Return.annualized}, empyrical {@code annual_return}, quantstats
     * {@code cagr} with periods). It annualizes by the count of periods, not by calendar days as
     * Portfolio Performance's annualized TTWROR does ({@code (1 + r)^(365 / days) - 1}), and it
     * annualizes short series too: one month of +5 % is reported as +79.6 % a year.
     *
     * @return the annualized return, -1 after a total loss; empty with no returns
     */
    public OptionalDouble annualizedReturn() {
        return present(annualizedReturn);
    }

    /**
     * The arithmetic annualized return, {@code mean(r) * scale} (PerformanceAnalytics {@code
     * Return.annualized(geometric = FALSE)}).
     *
     * @return the annualized mean return; empty with no returns
     */
    public OptionalDouble annualizedReturnArithmetic() {
        return present(annualizedReturnArithmetic);
    }

    /**
     * The annualized volatility, {@code sd(r) * sqrt(scale)} with the sample standard deviation
     * (PerformanceAnalytics {@code StdDev.annualized}, empyrical, quantstats). Exactly 0 when all
     * returns are equal (numpy reports rounding noise such as 7.8e-19 there). Portfolio
     * Performance computes its volatility from daily log returns of trading days instead.
     *
     * @return the annualized volatility; empty below two returns
     */
    public OptionalDouble annualizedVolatility() {
        return present(annualizedVolatility);
    }

    /**
     * The annualized volatility with the population standard deviation (divided by n, not n - 1).
     *
     * @return the population annualized volatility; empty with no returns
     */
    public OptionalDouble annualizedVolatilityPopulation() {
        return present(annualizedVolatilityPopulation);
    }

    /**
     * The Sharpe ratio per period, {@code mean(x) / sd(x)} (PerformanceAnalytics {@code
     * SharpeRatio} with {@code FUN = "StdDev"}).
     *
     * @return the per-period Sharpe ratio; empty below two returns or with zero volatility of
     *     the excess returns
     */
    public OptionalDouble sharpePerPeriod() {
        return present(sharpePerPeriod);
    }

    /**
     * The annualized Sharpe ratio, arithmetic: {@code mean(x) * scale / (sd(x) * sqrt(scale))}.
     * This is PerformanceAnalytics 2.1.0's {@code SharpeRatio.annualized} default, and what
     * empyrical's {@code sharpe_ratio} and quantstats' {@code sharpe} compute. PerformanceAnalytics
     * 2.0.8 (the CRAN release) defaulted to the geometric variant, {@link
     * #sharpeAnnualizedGeometric()}. quantstats takes an annual risk-free rate and converts it
     * with {@code (1 + rf)^(1 / periods) - 1}: see {@link Options#withRiskFreeAnnualRate(double)}.
     * With a {@linkplain Options#withRiskFree(ReturnSeries) risk-free series} the volatility is
     * that of the excess returns, as in PerformanceAnalytics 2.1.0 and empyrical;
     * PerformanceAnalytics 2.0.8 divided by the volatility of the returns themselves (the same
     * with a constant rate, a little different with a series: 1.0673 against 1.0680 for the
     * {@code managers} data's HAM1 over {@code US 3m TR}), which this class does not offer.
     *
     * @return the annualized Sharpe ratio; empty below two returns or with zero volatility
     */
    public OptionalDouble sharpeAnnualized() {
        return present(sharpeAnnualized);
    }

    /**
     * The annualized Sharpe ratio, geometric: the geometric annualized excess return over the
     * annualized volatility, {@code (prod(1 + x)^(scale / n) - 1) / (sd(x) * sqrt(scale))}
     * (PerformanceAnalytics {@code SharpeRatio.annualized(geometric = TRUE)}, the default of
     * 2.0.8).
     *
     * @return the geometric annualized Sharpe ratio; empty below two returns, with zero
     *     volatility, or when an excess return is below -1 (a total loss with a positive
     *     risk-free rate)
     */
    public OptionalDouble sharpeAnnualizedGeometric() {
        return present(sharpeAnnualizedGeometric);
    }

    /**
     * The downside deviation per period, {@code sqrt(sum(min(r - MAR, 0)^2) / n)} over all n
     * returns (PerformanceAnalytics {@code DownsideDeviation(method = "full")}).
     *
     * @return the downside deviation, 0 when no return is below the MAR; empty with no returns
     */
    public OptionalDouble downsideDeviation() {
        return present(downsideDeviation);
    }

    /**
     * The annualized downside deviation, {@link #downsideDeviation()} times {@code sqrt(scale)}
     * (empyrical {@code downside_risk}).
     *
     * @return the annualized downside deviation; empty with no returns
     */
    public OptionalDouble downsideDeviationAnnualized() {
        return present(downsideDeviation * Math.sqrt(options.periodsPerYear()));
    }

    /**
     * The Sortino ratio per period, {@code mean(r - MAR) / downsideDeviation}
     * (PerformanceAnalytics {@code SortinoRatio}, which does not annualize).
     *
     * @return the per-period Sortino ratio; empty with no returns or when no return is below the
     *     MAR (PerformanceAnalytics: {@code Inf})
     */
    public OptionalDouble sortinoPerPeriod() {
        return present(sortinoPerPeriod);
    }

    /**
     * The annualized Sortino ratio, {@code mean(r - MAR) * scale / (downsideDeviation *
     * sqrt(scale))}, that is the per-period ratio times {@code sqrt(scale)} (empyrical {@code
     * sortino_ratio}; quantstats' {@code sortino} with its MAR set to the risk-free rate).
     *
     * @return the annualized Sortino ratio; empty with no returns or when no return is below the
     *     MAR (empyrical: {@code Inf}, quantstats: {@code NaN})
     */
    public OptionalDouble sortinoAnnualized() {
        return present(sortinoAnnualized);
    }

    /**
     * The maximum drawdown: the depth of {@link #worstDrawdown()}, a negative fraction (as
     * empyrical and quantstats; PerformanceAnalytics' {@code maxDrawdown} and Portfolio
     * Performance report the same figure as a positive number).
     *
     * @return the maximum drawdown, from -1 to 0; 0 when the wealth never falls below its peak
     */
    public double maxDrawdown() {
        return maxDrawdown;
    }

    /**
     * The deepest drawdown, with its dates and lengths.
     *
     * @return the drawdown; empty when the wealth never falls below its running peak
     */
    public Optional<Drawdown> worstDrawdown() {
        return Optional.ofNullable(worstDrawdown);
    }

    /**
     * The Calmar ratio, {@link #annualizedReturn()} over the absolute maximum drawdown
     * (PerformanceAnalytics {@code CalmarRatio}, empyrical {@code calmar_ratio}, over the whole
     * series rather than the classic last 36 months).
     *
     * @return the Calmar ratio; empty with no returns or no drawdown (PerformanceAnalytics and
     *     quantstats: {@code Inf}, empyrical: {@code NaN})
     */
    public OptionalDouble calmar() {
        return present(calmar);
    }

    /**
     * The historical value at risk: the {@code 1 - confidence} quantile of the returns, type 7
     * (linear interpolation between order statistics, R's default and numpy's {@code linear}),
     * as PerformanceAnalytics {@code VaR(method = "historical")} and empyrical {@code
     * value_at_risk} compute it. A loss is a negative number: -0.0189 means that in 95 % of the
     * periods the return was better than -1.89 %.
     *
     * <p>The figure is reported even when it is a gain (every return positive):
     * PerformanceAnalytics then answers {@code NA} with the warning "unreliable result (inverse
     * risk)"; empyrical reports the quantile, as this method does.
     *
     * @return the historical VaR for one period; empty with no returns
     */
    public OptionalDouble valueAtRisk() {
        return present(valueAtRisk);
    }

    /**
     * The historical expected shortfall (conditional VaR): the mean of the returns strictly below
     * the {@link #valueAtRisk()} quantile (a return equal to it is not counted), or that quantile
     * when no return is below it (PerformanceAnalytics {@code ES(method = "historical")}). A loss
     * is a negative number.
     *
     * @return the historical expected shortfall for one period; empty with no returns
     */
    public OptionalDouble expectedShortfall() {
        return present(expectedShortfall);
    }

    /**
     * The Gaussian (parametric) value at risk, {@code mean(r) + z * sigma}, with {@code z} the
     * standard normal quantile at {@code 1 - confidence} and {@code sigma} the population
     * standard deviation (PerformanceAnalytics {@code VaR(method = "gaussian")}). quantstats'
     * {@code value_at_risk} uses the sample standard deviation, so it is a little further from
     * the mean: {@link #valueAtRiskGaussianSample()}. A loss is a negative number.
     *
     * @return the Gaussian VaR for one period; empty below two returns
     */
    public OptionalDouble valueAtRiskGaussian() {
        return present(valueAtRiskGaussian);
    }

    /**
     * The Gaussian value at risk with the sample standard deviation, {@code mean(r) + z * sd(r)}
     * (quantstats {@code value_at_risk}, also called {@code var}): {@code z} the standard normal
     * quantile at {@code 1 - confidence}, {@code sd} divided by n - 1. It is {@code sqrt(n / (n -
     * 1))} times further from the mean than {@link #valueAtRiskGaussian()}. A loss is a negative
     * number.
     *
     * @return the Gaussian VaR for one period with the sample standard deviation; empty below two
     *     returns (quantstats: {@code NaN})
     */
    public OptionalDouble valueAtRiskGaussianSample() {
        return present(valueAtRiskGaussianSample);
    }

    /**
     * The best period.
     *
     * @return the highest return with its date (the first of equal ones); empty with no returns
     */
    public Optional<DatedReturn> best() {
        return Optional.ofNullable(best);
    }

    /**
     * The worst period.
     *
     * @return the lowest return with its date (the first of equal ones); empty with no returns
     */
    public Optional<DatedReturn> worst() {
        return Optional.ofNullable(worst);
    }

    /**
     * The number of dates the series and the benchmark have in common, on which beta and alpha
     * are computed.
     *
     * @return the common observations; 0 without a benchmark
     */
    public int benchmarkObservations() {
        return benchmarkObservations;
    }

    /**
     * Beta against the benchmark: the OLS slope of the excess returns on the benchmark's excess
     * returns, {@code cov(x, xb) / var(xb)} (PerformanceAnalytics {@code CAPM.beta}, empyrical
     * and quantstats agree with a constant risk-free rate). With a {@linkplain
     * Options#withRiskFree(ReturnSeries) risk-free series} each date's rate is subtracted from
     * both, as PerformanceAnalytics does; empyrical 0.5.5's {@code alpha_beta} then computes its
     * beta from the returns without subtracting the series (and its alpha from that beta), which
     * this class does not follow.
     *
     * @return beta; empty without a benchmark, below two common dates, or when the benchmark's
     *     returns do not vary
     */
    public OptionalDouble beta() {
        return present(beta);
    }

    /**
     * Alpha per period against the benchmark: the OLS intercept, {@code mean(x) - beta *
     * mean(xb)} (PerformanceAnalytics {@code CAPM.alpha}, not annualized).
     *
     * @return alpha per period; empty when {@link #beta()} is
     */
    public OptionalDouble alphaPerPeriod() {
        return present(alphaPerPeriod);
    }

    /**
     * Alpha compounded to a year, {@code (1 + alphaPerPeriod)^scale - 1} (empyrical {@code
     * alpha}).
     *
     * @return the geometric annualized alpha; empty when {@link #beta()} is
     */
    public OptionalDouble alphaAnnualizedGeometric() {
        return present(Math.pow(1 + alphaPerPeriod, options.periodsPerYear()) - 1);
    }

    /**
     * Alpha scaled to a year, {@code alphaPerPeriod * scale} (quantstats {@code greeks}, which
     * computes it with a zero risk-free rate).
     *
     * @return the arithmetic annualized alpha; empty when {@link #beta()} is
     */
    public OptionalDouble alphaAnnualizedArithmetic() {
        return present(alphaPerPeriod * options.periodsPerYear());
    }

    @Override
    public String toString() {
        return "Metrics[n=" + n + ", cumulativeReturn=" + cumulativeReturn + ", maxDrawdown=" + maxDrawdown + ", " + options + "]";
    }

    /**
     * What the figures assume: the number of periods per year, the risk-free rate and the
     * minimum acceptable return per period, and the confidence of the value at risk.
     *
     * <p>The risk-free rate is either one rate for every period ({@code riskFreePerPeriod}) or a
     * rate per date ({@code riskFree}, a series such as a T-bill's monthly returns, PerformanceAnalytics'
     * {@code Rf} given as a series): then the excess return of each date is {@code x_t = r_t -
     * rf_t}, and the series must have a return on every date of the returns (and of the
     * benchmark's common dates); its other dates are not used. PerformanceAnalytics 2.1.0,
     * empyrical 0.5.5 and quantstats 0.0.81 subtract it the same way; where they then differ, see
     * {@link Metrics#sharpeAnnualized()} and {@link Metrics#beta()}.
     *
     * <p>Immutable and thread-safe.
     *
     * @param periodsPerYear the scale for annualizing: {@value #TRADING_DAYS_PER_YEAR} for daily
     *     returns on trading days, {@value #WEEKS_PER_YEAR} weekly, {@value #MONTHS_PER_YEAR}
     *     monthly; at least 1
     * @param riskFreePerPeriod the risk-free return of one period, subtracted for Sharpe, beta
     *     and alpha (0.035 / 12 for 3.5 % a year, monthly, as PerformanceAnalytics takes it);
     *     finite, above -1; 0 when {@code riskFree} is given
     * @param minimumAcceptableReturnPerPeriod the MAR of one period for the downside deviation
     *     and Sortino; finite
     * @param confidence the confidence of the value at risk, above 0 and below 1 (0.95: the
     *     5 % worst periods are the tail)
     * @param riskFree the risk-free return of each date, subtracted instead of {@code
     *     riskFreePerPeriod}; null for the constant rate
     */
    public record Options(int periodsPerYear, double riskFreePerPeriod, double minimumAcceptableReturnPerPeriod,
            double confidence, @Nullable ReturnSeries riskFree) {

        /** Periods per year of daily returns on trading days, as PerformanceAnalytics and empyrical assume. */
        public static final int TRADING_DAYS_PER_YEAR = 252;
        /** Periods per year of weekly returns. */
        public static final int WEEKS_PER_YEAR = 52;
        /** Periods per year of monthly returns. */
        public static final int MONTHS_PER_YEAR = 12;
        /** The default confidence of the value at risk. */
        public static final double DEFAULT_CONFIDENCE = 0.95;

        /**
         * Validates the ranges.
         *
         * @param periodsPerYear the scale for annualizing, at least 1
         * @param riskFreePerPeriod the risk-free return of one period; finite, above -1; 0 when
         *     {@code riskFree} is given
         * @param minimumAcceptableReturnPerPeriod the MAR of one period; finite
         * @param confidence the confidence of the value at risk, above 0 and below 1
         * @param riskFree the risk-free return of each date, or null for the constant rate
         */
        public Options {
            if (periodsPerYear < 1) {
                throw new IllegalArgumentException("periodsPerYear " + periodsPerYear + " must be at least 1");
            }
            if (!Double.isFinite(riskFreePerPeriod) || riskFreePerPeriod <= -1) {
                throw new IllegalArgumentException("riskFreePerPeriod " + riskFreePerPeriod + " must be a number above -1");
            }
            if (!Double.isFinite(minimumAcceptableReturnPerPeriod)) {
                throw new IllegalArgumentException("minimumAcceptableReturnPerPeriod " + minimumAcceptableReturnPerPeriod
                        + " must be a finite number");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence " + confidence + " must be above 0 and below 1");
            }
            if (riskFree != null && riskFreePerPeriod != 0) {
                throw new IllegalArgumentException("riskFreePerPeriod " + riskFreePerPeriod + " and the risk-free series " + riskFree
                        + " are both given: give one of them");
            }
        }

        /**
         * Options with a constant risk-free rate (no risk-free series).
         *
         * @param periodsPerYear the scale for annualizing, at least 1
         * @param riskFreePerPeriod the risk-free return of one period; finite, above -1
         * @param minimumAcceptableReturnPerPeriod the MAR of one period; finite
         * @param confidence the confidence of the value at risk, above 0 and below 1
         */
        public Options(int periodsPerYear, double riskFreePerPeriod, double minimumAcceptableReturnPerPeriod, double confidence) {
            this(periodsPerYear, riskFreePerPeriod, minimumAcceptableReturnPerPeriod, confidence, null);
        }

        /**
         * Options for a number of periods per year, with a zero risk-free rate and MAR and a
         * confidence of {@value #DEFAULT_CONFIDENCE}.
         *
         * @param periodsPerYear the scale for annualizing, at least 1
         * @return the options
         */
        public static Options of(int periodsPerYear) {
            return new Options(periodsPerYear, 0, 0, DEFAULT_CONFIDENCE);
        }

        /**
         * Options for daily returns on trading days: {@value #TRADING_DAYS_PER_YEAR} periods a
         * year, zero risk-free rate and MAR, confidence {@value #DEFAULT_CONFIDENCE}.
         *
         * @return the options
         */
        public static Options daily() {
            return of(TRADING_DAYS_PER_YEAR);
        }

        /**
         * Options for weekly returns: {@value #WEEKS_PER_YEAR} periods a year, zero risk-free
         * rate and MAR, confidence {@value #DEFAULT_CONFIDENCE}.
         *
         * @return the options
         */
        public static Options weekly() {
            return of(WEEKS_PER_YEAR);
        }

        /**
         * Options for monthly returns: {@value #MONTHS_PER_YEAR} periods a year, zero risk-free
         * rate and MAR, confidence {@value #DEFAULT_CONFIDENCE}.
         *
         * @return the options
         */
        public static Options monthly() {
            return of(MONTHS_PER_YEAR);
        }

        /**
         * These options with another risk-free return per period, the same for every period
         * (replacing a risk-free series, if there was one).
         *
         * @param rate the risk-free return of one period; finite, above -1
         * @return the new options
         */
        public Options withRiskFreePerPeriod(double rate) {
            return new Options(periodsPerYear, rate, minimumAcceptableReturnPerPeriod, confidence, null);
        }

        /**
         * These options with the risk-free return per period compounded from an annual rate,
         * {@code (1 + annualRate)^(1 / periodsPerYear) - 1}, as quantstats converts it
         * (PerformanceAnalytics and empyrical take the per-period rate as given, often {@code
         * annualRate / periodsPerYear}); it replaces a risk-free series, if there was one.
         *
         * @param annualRate the annual risk-free rate, finite, above -1
         * @return the new options
         */
        public Options withRiskFreeAnnualRate(double annualRate) {
            if (!Double.isFinite(annualRate) || annualRate <= -1) {
                throw new IllegalArgumentException("annualRate " + annualRate + " must be a number above -1");
            }
            return withRiskFreePerPeriod(Math.pow(1 + annualRate, 1.0 / periodsPerYear) - 1);
        }

        /**
         * These options with a risk-free return per date: each excess return is {@code x_t = r_t
         * - rf_t}, with {@code rf_t} the series' return on the same date (the constant rate
         * becomes 0). The series must have a return on every date of the returns the options are
         * used with (and, with a benchmark, of their common dates), or {@link Metrics#of} refuses.
         *
         * @param riskFree the risk-free return of each period, by the date that ends it
         * @return the new options
         */
        public Options withRiskFree(ReturnSeries riskFree) {
            Objects.requireNonNull(riskFree, "riskFree");
            return new Options(periodsPerYear, 0, minimumAcceptableReturnPerPeriod, confidence, riskFree);
        }

        /**
         * These options with another minimum acceptable return per period.
         *
         * @param mar the MAR of one period, finite
         * @return the new options
         */
        public Options withMinimumAcceptableReturnPerPeriod(double mar) {
            return new Options(periodsPerYear, riskFreePerPeriod, mar, confidence, riskFree);
        }

        /**
         * These options with another confidence for the value at risk.
         *
         * @param level above 0 and below 1, e.g. 0.99
         * @return the new options
         */
        public Options withConfidence(double level) {
            return new Options(periodsPerYear, riskFreePerPeriod, minimumAcceptableReturnPerPeriod, level, riskFree);
        }
    }
}
