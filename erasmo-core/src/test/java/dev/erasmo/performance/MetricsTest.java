package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double EPS = 1e-12;

    /** Month ends from 2020-01-31. */
    private static LocalDate d(int i) {
        return LocalDate.of(2020, 1, 1).plusMonths(i + 1).minusDays(1);
    }

    @Test
    void of_fiveMonths_handWorked() {
        // r = 2 %, -1 %, 3 %, -4 %, 5 %
        ReturnSeries s = ReferenceData.monthly(0.02, -0.01, 0.03, -0.04, 0.05);
        Metrics m = Metrics.of(s, Metrics.Options.monthly());
        assertThat(m.observations()).isEqualTo(5);
        // 1.02 * 0.99 * 1.03 * 0.96 * 1.05 = 1.048414752
        assertThat(m.cumulativeReturn()).isCloseTo(0.048414752, within(EPS));
        assertThat(m.annualizedReturn().getAsDouble()).isCloseTo(Math.pow(1.048414752, 12.0 / 5) - 1, within(EPS));
        // mean 0.01; squared deviations 1e-4 + 4e-4 + 4e-4 + 25e-4 + 16e-4 = 0.005
        assertThat(m.annualizedReturnArithmetic().getAsDouble()).isCloseTo(0.12, within(EPS));
        assertThat(m.annualizedVolatility().getAsDouble()).isCloseTo(Math.sqrt(0.005 / 4 * 12), within(EPS));
        assertThat(m.annualizedVolatilityPopulation().getAsDouble()).isCloseTo(Math.sqrt(0.005 / 5 * 12), within(EPS));
        assertThat(m.sharpePerPeriod().getAsDouble()).isCloseTo(0.01 / Math.sqrt(0.00125), within(EPS));
        assertThat(m.sharpeAnnualized().getAsDouble()).isCloseTo(0.01 / Math.sqrt(0.00125) * Math.sqrt(12), within(EPS));
        assertThat(m.sharpeAnnualizedGeometric().getAsDouble())
                .isCloseTo((Math.pow(1.048414752, 12.0 / 5) - 1) / Math.sqrt(0.00125 * 12), within(EPS));
        // below 0: -1 % and -4 %: sqrt((1e-4 + 16e-4) / 5)
        double dd = Math.sqrt(0.0017 / 5);
        assertThat(m.downsideDeviation().getAsDouble()).isCloseTo(dd, within(EPS));
        assertThat(m.downsideDeviationAnnualized().getAsDouble()).isCloseTo(dd * Math.sqrt(12), within(EPS));
        assertThat(m.sortinoPerPeriod().getAsDouble()).isCloseTo(0.01 / dd, within(EPS));
        assertThat(m.sortinoAnnualized().getAsDouble()).isCloseTo(0.01 / dd * Math.sqrt(12), within(EPS));
        // wealth 1.02, 1.0098, 1.040094, 0.99849024, 1.048414752: the -4 % month is the worst drawdown
        assertThat(m.maxDrawdown()).isCloseTo(-0.04, within(EPS));
        Drawdown worst = m.worstDrawdown().orElseThrow();
        assertThat(List.of(worst.peakDate(), worst.startDate(), worst.troughDate(), worst.recoveryDate()))
                .containsExactly(d(2), d(3), d(3), d(4));
        assertThat(m.calmar().getAsDouble()).isCloseTo((Math.pow(1.048414752, 12.0 / 5) - 1) / 0.04, within(EPS));
        // sorted -4 %, -1 %, 2 %, 3 %, 5 %; type 7 at 5 %: h = 1 + 4 * 0.05 = 1.2 -> -0.04 + 0.2 * 0.03
        assertThat(m.valueAtRisk().getAsDouble()).isCloseTo(-0.034, within(EPS));
        assertThat(m.expectedShortfall().getAsDouble()).isCloseTo(-0.04, within(EPS));
        // 0.01 + qnorm(0.05) * sqrt(0.001)
        assertThat(m.valueAtRiskGaussian().getAsDouble()).isCloseTo(0.01 - 1.6448536269514726 * Math.sqrt(0.001), within(EPS));
        // quantstats' variant with the sample variance 0.005 / 4
        assertThat(m.valueAtRiskGaussianSample().getAsDouble()).isCloseTo(0.01 - 1.6448536269514726 * Math.sqrt(0.00125), within(EPS));
        assertThat(m.best()).contains(new DatedReturn(d(4), 0.05));
        assertThat(m.worst()).contains(new DatedReturn(d(3), -0.04));
        assertThat(m.beta()).isEmpty();
        assertThat(m.benchmarkObservations()).isZero();
    }

    @Test
    void expectedShortfall_severalReturnsInTheTailAndOneAtTheVar_meanOfThoseStrictlyBelowTheVar() {
        // 13 returns, not in order; sorted: -5 %, -4 %, -3 %, -2 %, -1 %, 0, 1 %, ..., 7 %
        ReturnSeries s = ReferenceData.monthly(0.03, -0.02, 0.07, -0.05, 0, 0.01, -0.03, 0.05, -0.01, 0.06, -0.04, 0.02, 0.04);
        // confidence 0.75: the tail is 1 - 0.75 = 0.25, exact in binary
        Metrics m = Metrics.of(s, Metrics.Options.monthly().withConfidence(0.75));
        // type 7 at 0.25: index 1 + (13 - 1) * 0.25 = 4 exactly, so the VaR is the 4th smallest return, -2 %, itself
        assertThat(m.valueAtRisk()).hasValue(-0.02);
        // PerformanceAnalytics' ES.historical averages the returns strictly below the VaR (r[r < q]), as the Javadoc
        // says: -5 %, -4 %, -3 %, mean (-0.05 - 0.04 - 0.03) / 3 = -0.04; the -2 % equal to the VaR is not counted
        // (at or below would give (-0.05 - 0.04 - 0.03 - 0.02) / 4 = -0.035)
        assertThat(m.expectedShortfall().getAsDouble()).isCloseTo(-0.04, within(EPS));
    }

    @Test
    void of_riskFreeAndMar_areSubtracted() {
        ReturnSeries s = ReferenceData.monthly(0.02, -0.01, 0.03, -0.04, 0.05);
        Metrics m = Metrics.of(s, Metrics.Options.monthly().withRiskFreePerPeriod(0.01).withMinimumAcceptableReturnPerPeriod(0.01));
        // excess returns have mean 0
        assertThat(m.sharpePerPeriod().getAsDouble()).isCloseTo(0, within(EPS));
        // below 1 %: -2 %, -5 % and 0: sqrt((4e-4 + 25e-4) / 5), mean 0
        assertThat(m.downsideDeviation().getAsDouble()).isCloseTo(Math.sqrt(0.0029 / 5), within(EPS));
        assertThat(m.sortinoPerPeriod().getAsDouble()).isCloseTo(0, within(EPS));
    }

    @Test
    void of_riskFreeSeries_subtractsEachDatesRate() {
        // r = 2 %, -1 %, 3 %, -4 %, 5 %; rf = 1 %, 0, 2 %, 0, 1 % (and a sixth date the returns do not have, unused)
        ReturnSeries s = ReferenceData.monthly(0.02, -0.01, 0.03, -0.04, 0.05);
        ReturnSeries rf = ReferenceData.monthly(0.01, 0, 0.02, 0, 0.01, 0.5);
        Metrics m = Metrics.of(s, Metrics.Options.monthly().withRiskFree(rf));
        // x = 1 %, -1 %, 1 %, -4 %, 4 %: mean 0.002; deviations 0.008, -0.012, 0.008, -0.042, 0.038,
        // squares 6.4e-5 + 1.44e-4 + 6.4e-5 + 1.764e-3 + 1.444e-3 = 0.00348, sample variance 0.00087
        assertThat(m.sharpePerPeriod().getAsDouble()).isCloseTo(0.002 / Math.sqrt(0.00087), within(EPS));
        assertThat(m.sharpeAnnualized().getAsDouble()).isCloseTo(0.002 * 12 / Math.sqrt(0.00087 * 12), within(EPS));
        // prod(1 + x) = 1.01 * 0.99 * 1.01 * 0.96 * 1.04 = 1.0082831616
        assertThat(m.sharpeAnnualizedGeometric().getAsDouble())
                .isCloseTo((Math.pow(1.0082831616, 12.0 / 5) - 1) / Math.sqrt(0.00087 * 12), within(EPS));
        // the volatility is of the returns, as without a risk-free rate
        assertThat(m.annualizedVolatility().getAsDouble()).isCloseTo(Math.sqrt(0.005 / 4 * 12), within(EPS));
    }

    @Test
    void of_riskFreeSeriesWithABenchmark_regressesTheExcessReturnsOfEachDate() {
        // b = 2 %, -4 %, 6 %; rf = 1 %, 2 %, 0: xb = 1 %, -6 %, 6 %. r = rf + 0.5 xb + 0.001 = 1.6 %, -0.9 %, 3.1 %
        ReturnSeries b = ReferenceData.monthly(0.02, -0.04, 0.06);
        ReturnSeries rf = ReferenceData.monthly(0.01, 0.02, 0);
        ReturnSeries r = ReferenceData.monthly(0.016, -0.009, 0.031);
        Metrics m = Metrics.of(r, b, Metrics.Options.monthly().withRiskFree(rf));
        assertThat(m.beta().getAsDouble()).isCloseTo(0.5, within(EPS));
        assertThat(m.alphaPerPeriod().getAsDouble()).isCloseTo(0.001, within(EPS));
        // with the rate left out the slope is another: (sum rb - sum r sum b / 3) / (sum b^2 - (sum b)^2 / 3)
        // = (0.00254 - 0.038 * 0.04 / 3) / (0.0056 - 0.04^2 / 3) = 0.0061 / 0.0152
        assertThat(Metrics.of(r, b, Metrics.Options.monthly()).beta().getAsDouble()).isCloseTo(0.0061 / 0.0152, within(EPS));
    }

    @Test
    void of_riskFreeSeriesWithoutADateOfTheReturns_isRefusedNamingTheDate() {
        ReturnSeries s = ReferenceData.monthly(0.02, -0.01, 0.03);
        ReturnSeries rf = ReturnSeries.of(List.of(d(0), d(2)), new double[] {0.01, 0.01});
        assertThatThrownBy(() -> Metrics.of(s, Metrics.Options.monthly().withRiskFree(rf))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no return on 2020-02-29");
    }

    @Test
    void options_riskFreeSeriesOrConstant_oneAtATime() {
        ReturnSeries rf = ReferenceData.monthly(0.01, 0.02);
        Metrics.Options o = Metrics.Options.monthly().withRiskFreePerPeriod(0.003).withRiskFree(rf);
        assertThat(o.riskFree()).isEqualTo(rf);
        assertThat(o.riskFreePerPeriod()).isZero();
        assertThat(o.withConfidence(0.99).withMinimumAcceptableReturnPerPeriod(0.001).riskFree()).isEqualTo(rf);
        assertThat(o.withRiskFreePerPeriod(0.002).riskFree()).isNull();
        assertThat(o.withRiskFreeAnnualRate(0.03).riskFree()).isNull();
        assertThatThrownBy(() -> new Metrics.Options(12, 0.001, 0, 0.95, rf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give one of them");
    }

    @Test
    void of_empty_onlyTheCumulativeReturnAndDrawdownExist() {
        Metrics m = Metrics.of(ReturnSeries.empty(), Metrics.Options.daily());
        assertThat(m.observations()).isZero();
        assertThat(m.cumulativeReturn()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.worstDrawdown()).isEmpty();
        assertThat(List.of(m.annualizedReturn(), m.annualizedReturnArithmetic(), m.annualizedVolatility(),
                m.annualizedVolatilityPopulation(), m.sharpePerPeriod(), m.sharpeAnnualized(), m.sharpeAnnualizedGeometric(),
                m.downsideDeviation(), m.downsideDeviationAnnualized(), m.sortinoPerPeriod(), m.sortinoAnnualized(), m.calmar(),
                m.valueAtRisk(), m.expectedShortfall(), m.valueAtRiskGaussian(), m.valueAtRiskGaussianSample(), m.beta(), m.alphaPerPeriod(),
                m.alphaAnnualizedGeometric(), m.alphaAnnualizedArithmetic())).allMatch(o -> o.isEmpty());
        assertThat(m.best()).isEmpty();
        assertThat(m.worst()).isEmpty();
    }

    @Test
    void of_singleObservation_noDispersionFigures() {
        // T4: one month of +5 %
        Metrics m = Metrics.of(ReferenceData.monthly(0.05), Metrics.Options.monthly());
        assertThat(m.cumulativeReturn()).isEqualTo(1.05 - 1);
        assertThat(m.annualizedReturn().getAsDouble()).isCloseTo(Math.pow(1.05, 12) - 1, within(EPS)); // 79.6 %
        assertThat(m.annualizedVolatility()).isEmpty();
        assertThat(m.annualizedVolatilityPopulation()).hasValue(0);
        assertThat(m.sharpeAnnualized()).isEmpty();
        assertThat(m.sharpeAnnualizedGeometric()).isEmpty();
        assertThat(m.downsideDeviation()).hasValue(0);
        assertThat(m.sortinoPerPeriod()).isEmpty();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.calmar()).isEmpty();
        assertThat(m.valueAtRisk()).hasValue(0.05);
        assertThat(m.expectedShortfall()).hasValue(0.05);
        assertThat(m.valueAtRiskGaussian()).isEmpty();
        assertThat(m.valueAtRiskGaussianSample()).isEmpty();
    }

    @Test
    void of_zeroVolatility_isExactlyZero_andRatiosOverItAbsent() {
        // T1: twelve months of +0.1 %
        Metrics m = Metrics.of(ReferenceData.monthly(0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001,
                0.001), Metrics.Options.monthly());
        assertThat(m.annualizedVolatility()).hasValue(0);
        assertThat(m.sharpePerPeriod()).isEmpty();
        assertThat(m.sharpeAnnualized()).isEmpty();
        assertThat(m.sortinoAnnualized()).isEmpty();
        assertThat(m.calmar()).isEmpty();
        assertThat(m.valueAtRisk()).hasValue(0.001);  // a gain, reported (PerformanceAnalytics: NA)
        assertThat(m.valueAtRiskGaussian()).hasValue(0.001);
        assertThat(m.valueAtRiskGaussianSample()).hasValue(0.001);
        assertThat(m.annualizedReturn().getAsDouble()).isCloseTo(0.012066220495791535, within(EPS));
    }

    @Test
    void of_totalLoss_cumulativeAndDrawdownMinusOne() {
        // T3: +10 %, -100 %, +50 %: the wealth stays at zero after the loss
        Metrics m = Metrics.of(ReferenceData.monthly(0.1, -1, 0.5), Metrics.Options.monthly());
        assertThat(m.cumulativeReturn()).isEqualTo(-1);
        assertThat(m.annualizedReturn()).hasValue(-1);
        assertThat(m.maxDrawdown()).isEqualTo(-1);
        assertThat(m.worstDrawdown().orElseThrow().isRecovered()).isFalse();
        assertThat(m.calmar()).hasValue(-1);
        assertThat(m.valueAtRisk().getAsDouble()).isCloseTo(-0.89, within(EPS));
        assertThat(m.worst()).contains(new DatedReturn(d(1), -1));
        // with a positive risk-free rate the excess return of the loss is below -1: no geometric figure
        Metrics rf = Metrics.of(ReferenceData.monthly(0.1, -1, 0.5), Metrics.Options.monthly().withRiskFreePerPeriod(0.001));
        assertThat(rf.sharpeAnnualizedGeometric()).isEmpty();
        assertThat(rf.sharpeAnnualized()).isPresent();
    }

    @Test
    void of_noDrawdown_maxDrawdownZeroAndNoCalmar() {
        // T11: twelve months of +1 %
        Metrics m = Metrics.of(ReferenceData.monthly(0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01),
                Metrics.Options.monthly());
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.worstDrawdown()).isEmpty();
        assertThat(m.calmar()).isEmpty();
        assertThat(m.sortinoPerPeriod()).isEmpty();
        assertThat(m.downsideDeviation()).hasValue(0);
    }

    @Test
    void of_benchmark_betaAndAlphaOnTheCommonDates() {
        // r = 0.5 * b + 0.001 on the three common dates; r's fourth date is not in the benchmark
        ReturnSeries b = ReturnSeries.of(List.of(d(0), d(1), d(2)), new double[] {0.02, -0.04, 0.06});
        ReturnSeries r = ReturnSeries.of(List.of(d(0), d(1), d(2), d(3)), new double[] {0.011, -0.019, 0.031, 0.5});
        Metrics m = Metrics.of(r, b, Metrics.Options.monthly());
        assertThat(m.benchmarkObservations()).isEqualTo(3);
        assertThat(m.beta().getAsDouble()).isCloseTo(0.5, within(EPS));
        assertThat(m.alphaPerPeriod().getAsDouble()).isCloseTo(0.001, within(EPS));
        assertThat(m.alphaAnnualizedArithmetic().getAsDouble()).isCloseTo(0.012, within(EPS));
        assertThat(m.alphaAnnualizedGeometric().getAsDouble()).isCloseTo(Math.pow(1.001, 12) - 1, within(EPS));
        assertThat(m.observations()).isEqualTo(4);  // the other figures use the whole series
    }

    @Test
    void of_benchmarkWithoutVarianceOrCommonDates_noBeta() {
        ReturnSeries r = ReferenceData.monthly(0.01, 0.02, 0.03);
        assertThat(Metrics.of(r, ReferenceData.monthly(0.01, 0.01, 0.01), Metrics.Options.monthly()).beta()).isEmpty();
        ReturnSeries elsewhere = ReturnSeries.of(List.of(d(5), d(6)), new double[] {0.01, 0.02});
        Metrics m = Metrics.of(r, elsewhere, Metrics.Options.monthly());
        assertThat(m.benchmarkObservations()).isZero();
        assertThat(m.beta()).isEmpty();
        assertThat(m.alphaAnnualizedGeometric()).isEmpty();
    }

    @Test
    void options_defaultsAndValidation() {
        assertThat(Metrics.Options.daily()).isEqualTo(new Metrics.Options(252, 0, 0, 0.95));
        assertThat(Metrics.Options.weekly().periodsPerYear()).isEqualTo(52);
        assertThat(Metrics.Options.monthly().periodsPerYear()).isEqualTo(12);
        assertThat(Metrics.Options.monthly().withRiskFreeAnnualRate(0.035).riskFreePerPeriod())
                .isCloseTo(Math.pow(1.035, 1.0 / 12) - 1, within(1e-17));
        assertThat(Metrics.Options.daily().withConfidence(0.99).confidence()).isEqualTo(0.99);
        assertThatThrownBy(() -> Metrics.Options.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.Options.daily().withConfidence(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.Options.daily().withRiskFreePerPeriod(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.Options.daily().withMinimumAcceptableReturnPerPeriod(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
