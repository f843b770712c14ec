package dev.erasmo.benchmarks;

import dev.erasmo.performance.Metrics;
import dev.erasmo.performance.ReturnSeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Every metric of {@link Metrics} over 2,520 daily returns (ten years) against a benchmark series. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class MetricsBenchmark {

    private ReturnSeries portfolio;
    private ReturnSeries benchmark;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2014, 1, 2); dates.size() < 2_520; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        double[] p = new double[dates.size()];
        double[] b = new double[dates.size()];
        for (int i = 0; i < p.length; i++) {
            b[i] = random.nextGaussian() * 0.01 + 0.0003;
            p[i] = 1.2 * b[i] + random.nextGaussian() * 0.005;
        }
        portfolio = ReturnSeries.of(dates, p);
        benchmark = ReturnSeries.of(dates, b);
    }

    /**
     * Baseline: the core of the same figures as a typical user computes them with commons-math3
     * (mean, sample standard deviation, a 5% percentile, an OLS regression on the benchmark, the
     * compounded return and the maximum drawdown by a loop).
     */
    @Benchmark
    public void baselineCommonsMath(Blackhole bh) {
        double[] r = portfolio.returns();
        double[] b = benchmark.returns();
        org.apache.commons.math3.stat.descriptive.DescriptiveStatistics s = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(r);
        double mean = s.getMean();
        double sd = s.getStandardDeviation();
        bh.consume(mean * 252);
        bh.consume(sd * Math.sqrt(252));
        bh.consume(mean / sd * Math.sqrt(252));
        bh.consume(s.getPercentile(5));
        org.apache.commons.math3.stat.regression.SimpleRegression reg = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < r.length; i++) {
            reg.addData(b[i], r[i]);
        }
        bh.consume(reg.getSlope());
        bh.consume(reg.getIntercept());
        double wealth = 1;
        double peak = 1;
        double worst = 0;
        double downside = 0;
        for (double x : r) {
            wealth *= 1 + x;
            peak = Math.max(peak, wealth);
            worst = Math.min(worst, wealth / peak - 1);
            downside += Math.min(x, 0) * Math.min(x, 0);
        }
        bh.consume(wealth - 1);
        bh.consume(worst);
        bh.consume(mean / Math.sqrt(downside / r.length) * Math.sqrt(252));
    }

    /** Computes the metrics and reads every figure (some are computed on first read). */
    @Benchmark
    public void allMetrics(Blackhole bh) {
        Metrics m = Metrics.of(portfolio, benchmark, Metrics.Options.daily());
        bh.consume(m.cumulativeReturn());
        bh.consume(m.annualizedReturn());
        bh.consume(m.annualizedReturnArithmetic());
        bh.consume(m.annualizedVolatility());
        bh.consume(m.annualizedVolatilityPopulation());
        bh.consume(m.sharpePerPeriod());
        bh.consume(m.sharpeAnnualized());
        bh.consume(m.sharpeAnnualizedGeometric());
        bh.consume(m.downsideDeviation());
        bh.consume(m.sortinoPerPeriod());
        bh.consume(m.sortinoAnnualized());
        bh.consume(m.maxDrawdown());
        bh.consume(m.worstDrawdown());
        bh.consume(m.calmar());
        bh.consume(m.valueAtRisk());
        bh.consume(m.expectedShortfall());
        bh.consume(m.valueAtRiskGaussian());
        bh.consume(m.best());
        bh.consume(m.worst());
        bh.consume(m.beta());
        bh.consume(m.alphaPerPeriod());
        bh.consume(m.alphaAnnualizedGeometric());
        bh.consume(m.alphaAnnualizedArithmetic());
    }
}
