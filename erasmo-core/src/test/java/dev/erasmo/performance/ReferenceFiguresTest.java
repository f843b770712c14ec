package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.erasmo.performance.ReferenceData.Row;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of expected.csv (figures of R PerformanceAnalytics 2.1.0 and 2.0.8, empyrical 0.5.5,
 * quantstats 0.0.81, LibreOffice Calc 7.4.7, Gnumeric 1.12.55 and R's uniroot, on the real data
 * beside it) is reproduced to 1e-9 relative (dates and counts exactly; NA/NaN as an absent
 * figure); or, where erasmo answers differently by design, listed in {@link #DIFFERS} with the
 * reason and erasmo's documented answer, which is asserted instead; or, where the tool follows a
 * convention erasmo does not offer, listed in {@link #EXPLAINED} with the reason and the tool's
 * convention computed from erasmo's public figures, which must give the tool's figure to 1e-9
 * relative; or listed in {@link #NOT_REPRODUCED} with the reason and reported as skipped (no row
 * is). A row that is none of these fails.
 */
class ReferenceFiguresTest {

    private static final double RELATIVE = 1e-9;

    /** What is not reproduced, and why: reported as skipped. Each entry must match at least one row. */
    record NotReproduced(String what, Predicate<Row> applies, String reason) {
    }

    /**
     * Where the tool's figure is not erasmo's by design: {@code erasmo} gives erasmo's documented
     * answer for the row, in the form of the file's values ({@code NA} for absent). Each entry
     * must match at least one row.
     */
    record Differs(String what, Predicate<Row> applies, String reason, Function<Row, String> erasmo) {
    }

    /**
     * Where the tool follows a convention erasmo does not offer: {@code tool} computes the tool's
     * figure for the row by that convention from erasmo's public figures, and must give the row's
     * value to 1e-9 relative. erasmo's own figure for the row (the convention it follows, named in
     * the reason) must differ from the tool's, or the entry is not needed. Each entry must match
     * at least one row.
     */
    record Explained(String what, Predicate<Row> applies, String reason, ToDoubleFunction<Row> tool) {
    }

    static final List<NotReproduced> NOT_REPRODUCED = List.of();

    static final List<Explained> EXPLAINED = List.of(
            new Explained("PerformanceAnalytics 2.0.8's Sharpe ratio over a risk-free series",
                    r -> r.params().contains("rf=series") && r.version().equals("2.0.8"),
                    "2.0.8 divides the annualized excess return (arithmetic or geometric) by the annualized volatility of the "
                            + "raw returns, not of the excess returns (the same with a constant rate); erasmo divides by the "
                            + "volatility of the excess returns, as 2.1.0 and empyrical, whose rows for the same series are "
                            + "reproduced, and does not offer 2.0.8's mix",
                    ReferenceFiguresTest::sharpeOf208),
            new Explained("empyrical's alpha_beta over a risk-free series",
                    r -> r.params().contains("rf=series") && r.tool().equals("Python empyrical.alpha_beta"),
                    "empyrical 0.5.5's beta does not subtract the risk-free series (its figure is the beta of the raw "
                            + "returns, despite the row's 'cov/var of excess returns') and its alpha is (1 + mean((ra - rf) - "
                            + "beta_raw (rb - rf)))^12 - 1 with that raw beta; erasmo subtracts the series from both, as "
                            + "PerformanceAnalytics' CAPM.beta and CAPM.alpha, whose rows are reproduced",
                    ReferenceFiguresTest::alphaBetaOfEmpyrical));

    static final List<Differs> DIFFERS = List.of(
            new Differs("an infinite ratio", r -> r.bareValue().equals("Inf"),
                    "a ratio whose denominator is zero (zero volatility, no downside, no drawdown) is absent "
                            + "(OptionalDouble.empty()), never infinite",
                    r -> "NA"),
            new Differs("PerformanceAnalytics' refusal of a VaR that is a gain",
                    r -> r.tool().equals("R PerformanceAnalytics::VaR") && r.value().contains("inverse risk"),
                    "valueAtRisk reports the quantile even when it is a gain, as empyrical does: its figure for the same "
                            + "series; PerformanceAnalytics answers NA with a warning",
                    r -> companion(r, o -> o.caseId().equals(r.caseId()) && o.metric().equals(r.metric())
                            && o.tool().equals("Python empyrical.value_at_risk"))),
            new Differs("numpy's rounding noise around a zero volatility",
                    r -> (r.caseId().equals("T1") || r.caseId().equals("T11")) && !r.tool().startsWith("R ")
                            && (r.metric().equals("annualized_volatility") || r.metric().equals("sharpe_annualized")),
                    "with equal returns the volatility is exactly 0 (as PerformanceAnalytics reports) and the Sharpe ratio "
                            + "absent; numpy's mean leaves noise (7.8e-19) and so a Sharpe ratio of 1.5e16",
                    r -> r.metric().equals("annualized_volatility") ? "0" : "NA"),
            new Differs("Gnumeric's error on an unsorted XIRR schedule",
                    r -> r.tool().startsWith("Gnumeric") && r.value().startsWith("ERROR"),
                    "Gnumeric refuses a schedule whose first row is not the earliest date; Xirr solves it like LibreOffice, "
                            + "at the rate Gnumeric gives for the same flows sorted (X4s)",
                    r -> companion(r, o -> o.caseId().equals(r.caseId() + "s") && o.metric().equals(r.metric())
                            && o.tool().equals(r.tool()))));

    @TestFactory
    Stream<DynamicTest> referenceRow_reproducedOrErasmosDocumentedAnswer_matches() {
        return ReferenceData.expected().stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
    }

    @Test
    void listedRows_everyEntryMatchesRows_andTheCountsAreKnown() {
        List<Row> rows = ReferenceData.expected();
        Map<String, Integer> differ = new LinkedHashMap<>();
        Map<String, Integer> explain = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        int reproduced = 0;
        for (Row row : rows) {
            Optional<NotReproduced> n = notReproduced(row);
            Optional<Differs> d = differs(row);
            Optional<Explained> e = explained(row);
            assertThat(Stream.of(n, d, e).filter(Optional::isPresent).count())
                    .as("%s is listed in more than one of NOT_REPRODUCED, DIFFERS and EXPLAINED", row).isLessThanOrEqualTo(1);
            if (n.isPresent()) {
                skipped.merge(n.get().what(), 1, Integer::sum);
            } else if (d.isPresent()) {
                differ.merge(d.get().what(), 1, Integer::sum);
            } else if (e.isPresent()) {
                explain.merge(e.get().what(), 1, Integer::sum);
            } else {
                reproduced++;
            }
        }
        for (NotReproduced n : NOT_REPRODUCED) {
            assertThat(skipped).as("the entry '%s' matches no row of expected.csv: remove it", n.what()).containsKey(n.what());
        }
        for (Differs d : DIFFERS) {
            assertThat(differ).as("the entry '%s' matches no row of expected.csv: remove it", d.what()).containsKey(d.what());
        }
        for (Explained e : EXPLAINED) {
            assertThat(explain).as("the entry '%s' matches no row of expected.csv: remove it", e.what()).containsKey(e.what());
        }
        assertThat(rows).hasSize(393);
        assertThat(reproduced).as("rows reproduced (differing by design: %s; explained: %s; not reproduced: %s)", differ, explain, skipped)
                .isEqualTo(EXPECTED_REPRODUCED);
        assertThat(differ.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXPECTED_DIFFERING);
        assertThat(explain.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXPECTED_EXPLAINED);
        assertThat(skipped.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXPECTED_SKIPPED);
    }

    private static final int EXPECTED_REPRODUCED = 364;
    private static final int EXPECTED_DIFFERING = 25;
    private static final int EXPECTED_EXPLAINED = 4;
    private static final int EXPECTED_SKIPPED = 0;

    private static Optional<NotReproduced> notReproduced(Row row) {
        return NOT_REPRODUCED.stream().filter(n -> n.applies().test(row)).findFirst();
    }

    private static Optional<Differs> differs(Row row) {
        return DIFFERS.stream().filter(d -> d.applies().test(row)).findFirst();
    }

    private static Optional<Explained> explained(Row row) {
        return EXPLAINED.stream().filter(e -> e.applies().test(row)).findFirst();
    }

    /** The value of the one other row that matches, for an answer another tool (or case) gives. */
    private static String companion(Row row, Predicate<Row> which) {
        List<Row> found = ReferenceData.expected().stream().filter(o -> o != row && which.test(o)).toList();
        assertThat(found).as("the one companion row of %s", row).hasSize(1);
        return found.get(0).bareValue();
    }

    private static void check(Row row) {
        Optional<NotReproduced> n = notReproduced(row);
        if (n.isPresent()) {
            Assumptions.abort("not reproduced, " + n.get().what() + ": " + n.get().reason());
        }
        String gives = row.tool() + " " + row.version() + " gives " + row.value() + " for " + row.caseId() + " " + row.series() + " "
                + row.metric() + " [" + row.params() + "]";
        Optional<Explained> e = explained(row);
        if (e.isPresent()) {
            checkExplained(row, e.get(), gives);
            return;
        }
        Optional<Differs> d = differs(row);
        String expected = d.isPresent() ? d.get().erasmo().apply(row) : row.bareValue();
        String described = gives
                + d.map(x -> "; erasmo differs by design (" + x.what() + ": " + x.reason() + ") and gives " + expected).orElse("");
        Object actual = figure(row);
        if (expected.startsWith("NA") || expected.equals("NaN")) {
            assertThat(actual).as(described + ": absent expected").isNull();
        } else if (row.metric().endsWith("_date")) {
            assertThat(actual).as(described).isEqualTo(LocalDate.parse(expected));
        } else if (row.metric().equals("n_returns") || row.metric().endsWith("_periods") || row.metric().endsWith("_days")) {
            assertThat(actual).as(described).isEqualTo(Integer.parseInt(expected));
        } else {
            double x = Double.parseDouble(expected);
            assertThat(actual).as(described + ": a figure expected").isInstanceOf(Double.class);
            double a = (Double) actual;
            assertThat(Math.abs(a - x)).as(described + ", erasmo gives " + a + " (1e-9 relative)")
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(x));
        }
    }

    /**
     * The tool's convention computed from erasmo's public figures gives the tool's figure, and
     * erasmo's own figure for the row is another.
     */
    private static void checkExplained(Row row, Explained e, String gives) {
        double tool = Double.parseDouble(row.bareValue());
        double recomputed = e.tool().applyAsDouble(row);
        Object own = figure(row);
        String described = gives + "; erasmo follows another convention (" + e.what() + ": " + e.reason() + ") and gives " + own
                + "; the tool's convention computed from erasmo's figures gives " + recomputed;
        assertThat(Math.abs(recomputed - tool)).as(described + " (1e-9 relative)").isLessThanOrEqualTo(RELATIVE * Math.abs(tool));
        assertThat(own).as(described + ": a figure of erasmo's own expected").isInstanceOf(Double.class);
        assertThat(Math.abs((Double) own - tool)).as(described + ": erasmo's own figure is the tool's, so reproduce the row instead")
                .isGreaterThan(RELATIVE * Math.abs(tool));
    }

    /**
     * PerformanceAnalytics 2.0.8's SharpeRatio.annualized over a risk-free series: the annualized
     * excess return (arithmetic, or geometric) over the annualized volatility of the raw returns;
     * both are erasmo's figures without a risk-free rate, of the excess series and of the returns.
     */
    private static double sharpeOf208(Row row) {
        Metrics.Options withSeries = options(row);
        Metrics.Options plain = withSeries.withRiskFreePerPeriod(0);
        ReturnSeries r = series(row, row.series());
        Metrics ofExcess = Metrics.of(excess(r, riskFree(withSeries)), plain);
        OptionalDouble annualizedExcess = switch (row.metric()) {
            case "sharpe_annualized_arithmetic" -> ofExcess.annualizedReturnArithmetic();
            case "sharpe_annualized_geometric" -> ofExcess.annualizedReturn();
            default -> fail("no 2.0.8 Sharpe ratio for " + row);
        };
        return annualizedExcess.getAsDouble() / Metrics.of(r, plain).annualizedVolatility().getAsDouble();
    }

    /**
     * empyrical 0.5.5's alpha_beta over a risk-free series: {@code beta_raw} is erasmo's beta of
     * the returns on the benchmark's without a risk-free rate; alpha is {@code (1 + mean(ra - rf)
     * - beta_raw * mean(rb - rf))^scale - 1} with erasmo's means of the excess series, on the
     * common dates.
     */
    private static double alphaBetaOfEmpyrical(Row row) {
        Metrics.Options withSeries = options(row);
        Metrics.Options plain = withSeries.withRiskFreePerPeriod(0);
        String[] names = row.series().split("~");
        ReturnSeries ra = series(row, names[0]);
        ReturnSeries rb = series(row, names[1]);
        double betaRaw = Metrics.of(ra, rb, plain).beta().getAsDouble();
        ReturnSeries rf = riskFree(withSeries);
        double meanXa = mean(excess(ra.alignedWith(rb), rf));
        double meanXb = mean(excess(rb.alignedWith(ra), rf));
        return switch (row.metric()) {
            case "beta" -> betaRaw;
            case "alpha_annualized_geometric" -> Math.pow(1 + meanXa - betaRaw * meanXb, plain.periodsPerYear()) - 1;
            default -> fail("no empyrical alpha_beta figure for " + row);
        };
    }

    private static ReturnSeries riskFree(Metrics.Options o) {
        ReturnSeries rf = o.riskFree();
        assertThat(rf).as("the risk-free series of %s", o).isNotNull();
        return rf;
    }

    /** {@code r - rf} on each date of r, with the public API; rf must have every date of r. */
    private static ReturnSeries excess(ReturnSeries r, ReturnSeries rf) {
        ReturnSeries f = rf.alignedWith(r);
        assertThat(f.dates()).as("the risk-free series' dates").isEqualTo(r.dates());
        double[] x = r.returns();
        for (int i = 0; i < x.length; i++) {
            x[i] -= f.returnAt(i);
        }
        return ReturnSeries.of(r.dates(), x);
    }

    /** The arithmetic mean of the returns: erasmo's arithmetic annualized return with one period a year. */
    private static double mean(ReturnSeries r) {
        return Metrics.of(r, Metrics.Options.of(1)).annualizedReturnArithmetic().getAsDouble();
    }

    /** erasmo's figure for a row: a Double, LocalDate or Integer, or null when absent. */
    private static @Nullable Object figure(Row row) {
        if (row.caseId().startsWith("X")) {
            return switch (row.metric()) {
                case "xirr", "xnpv_roots_all" -> value(Xirr.of(ReferenceData.xirrCase(row.caseId())).rate());
                default -> fail("no figure for " + row);
            };
        }
        String[] names = row.series().split("~");
        ReturnSeries r = series(row, names[0]);
        Metrics.Options o = options(row);
        Metrics m = names.length == 1 ? Metrics.of(r, o) : Metrics.of(r, series(row, names[1]), o);
        Optional<Drawdown> dd = m.worstDrawdown();
        boolean geometric = row.params().contains("geometric=TRUE")
                || row.params().contains("geometric=package_default") && row.version().equals("2.0.8");
        return switch (row.metric()) {
            case "n_returns" -> m.observations();
            case "cumulative_return" -> m.cumulativeReturn();
            case "annualized_return" -> value(m.annualizedReturn());
            case "annualized_return_arithmetic" -> value(m.annualizedReturnArithmetic());
            case "annualized_volatility" -> value(m.annualizedVolatility());
            case "annualized_volatility_population" -> value(m.annualizedVolatilityPopulation());
            case "sharpe_per_period" -> value(m.sharpePerPeriod());
            case "sharpe_annualized" -> value(geometric ? m.sharpeAnnualizedGeometric() : m.sharpeAnnualized());
            case "sharpe_annualized_arithmetic" -> value(m.sharpeAnnualized());
            case "sharpe_annualized_geometric" -> value(m.sharpeAnnualizedGeometric());
            case "downside_deviation_per_period" -> value(m.downsideDeviation());
            case "downside_deviation_annualized" -> value(m.downsideDeviationAnnualized());
            case "sortino_per_period" -> value(m.sortinoPerPeriod());
            case "sortino_annualized" -> value(m.sortinoAnnualized());
            case "max_drawdown" -> row.params().contains("positive number is a loss") ? -m.maxDrawdown() : m.maxDrawdown();
            case "max_drawdown_percent" -> m.maxDrawdown() * 100;
            case "calmar" -> value(m.calmar());
            case "var_historical" -> value(m.valueAtRisk());
            case "var_gaussian" -> value(row.tool().startsWith("Python quantstats") ? m.valueAtRiskGaussianSample() : m.valueAtRiskGaussian());
            case "beta" -> value(m.beta());
            case "alpha_per_period" -> value(m.alphaPerPeriod());
            case "alpha_annualized_geometric" -> value(m.alphaAnnualizedGeometric());
            case "alpha_annualized_arithmetic" -> value(m.alphaAnnualizedArithmetic());
            case "max_drawdown_from_date" -> worst(row, dd).startDate();
            case "max_drawdown_trough_date" -> worst(row, dd).troughDate();
            case "max_drawdown_to_date" -> worst(row, dd).recoveryDate();
            case "max_drawdown_end_date" -> worst(row, dd).endDate();
            case "max_drawdown_days" -> Math.toIntExact(worst(row, dd).calendarDays());
            case "max_drawdown_length_periods" -> worst(row, dd).length();
            case "max_drawdown_to_trough_periods" -> worst(row, dd).periodsToTrough();
            case "max_drawdown_recovery_periods" -> value(worst(row, dd).periodsToRecovery());
            default -> fail("no figure for " + row);
        };
    }

    private static Drawdown worst(Row row, Optional<Drawdown> dd) {
        return dd.orElseGet(() -> fail("no drawdown found for " + row));
    }

    private static @Nullable Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static @Nullable Integer value(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    private static ReturnSeries series(Row row, String name) {
        return switch (row.caseId()) {
            case "D1" -> ReferenceData.fromPrices(row.dataset(), name);
            case "M1", "M2" -> ReferenceData.returns(row.dataset(), name);
            case "T1" -> inline(row, "rep(0.001,12)", repeat(0.001, 12));
            case "T3" -> inline(row, "c(0.1,-1,0.5)", 0.1, -1, 0.5);
            case "T4" -> inline(row, "r=0.05 ", 0.05);
            case "T11" -> inline(row, "rep(0.01,12)", repeat(0.01, 12));
            default -> fail("no series for " + row);
        };
    }

    private static ReturnSeries inline(Row row, String text, double... returns) {
        assertThat(row.series()).as("the inline series of %s", row.caseId()).contains(text);
        return ReferenceData.monthly(returns);
    }

    private static double[] repeat(double r, int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, r);
        return x;
    }

    /** The options a row's params name; periods per year 252 for the daily case and 12 otherwise unless given. */
    private static Metrics.Options options(Row row) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : row.params().split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                p.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String scale = p.getOrDefault("scale", p.get("periods"));
        Metrics.Options o = Metrics.Options.of(scale != null ? Integer.parseInt(scale) : row.caseId().equals("D1") ? 252 : 12);
        if (p.containsKey("rf_per_period")) {
            o = o.withRiskFreePerPeriod(fraction(p.get("rf_per_period")));
        } else if (p.containsKey("rf_annual")) {
            o = o.withRiskFreeAnnualRate(Double.parseDouble(p.get("rf_annual").split(" ")[0]));
        } else if (p.containsKey("rf") && p.get("rf").startsWith("series ")) {
            o = o.withRiskFree(ReferenceData.returns(row.dataset(), p.get("rf").substring("series ".length())));
        } else if (p.containsKey("rf") && !p.get("rf").equals("0")) {
            fail("unknown risk-free rate in " + row);
        }
        if (p.containsKey("MAR")) {
            o = o.withMinimumAcceptableReturnPerPeriod(p.get("MAR").equals("rf") ? o.riskFreePerPeriod() : fraction(p.get("MAR")));
        }
        if (p.containsKey("p")) {
            o = o.withConfidence(Double.parseDouble(p.get("p").split(" ")[0]));
        } else if (p.containsKey("cutoff")) {
            o = o.withConfidence(1 - Double.parseDouble(p.get("cutoff").split(" ")[0]));
        } else if (p.containsKey("confidence")) {
            o = o.withConfidence(Double.parseDouble(p.get("confidence")));
        }
        return o;
    }

    /** "0.035/12" or "0". */
    private static double fraction(String text) {
        String[] parts = text.split("/");
        return parts.length == 1 ? Double.parseDouble(parts[0]) : Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
