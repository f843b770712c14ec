package dev.erasmo.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.performance.Drawdown;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.Metrics;
import dev.erasmo.performance.ReturnSeries;
import dev.erasmo.performance.Xirr;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasmo performance}: how a portfolio did over a period: returns, risk, and against a benchmark. */
@Command(name = "performance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows how a portfolio did: returns, risk, and against a benchmark.",
            "Time-weighted and money-weighted returns, volatility, Sharpe, Sortino, maximum drawdown, Calmar, value at risk,",
            "best and worst day, and beta and alpha against a benchmark. Conventions follow R's PerformanceAnalytics (see the",
            "README). First books the dividends and splits due, like show."})
final class PerformanceCommand extends PeriodCommand {

    @Option(names = "--benchmark", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "Compare with this symbol's daily returns (beta, alpha), e.g. ^GSPC.")
    @Nullable Symbol benchmark;

    @Option(names = "--risk-free", paramLabel = "RATE", converter = Converters.NotNegative.class,
            description = "The annual risk-free rate for Sharpe and alpha, e.g. 0.03 for 3%% (default: 0); compounded to a "
                    + "daily rate: (1 + RATE)^(1/252) - 1.")
    @Nullable BigDecimal riskFree;

    @Option(names = "--json", description = "Print one JSON document instead (figures as decimal strings, 8 places).")
    boolean json;

    @Override
    int run(Session session, PortfolioInfo portfolio) throws Exception {
        if (benchmark != null) {
            session.quotes().requireKnown(benchmark);
        }
        EquityCurve curve = curve(session, portfolio, json ? null : out());
        LocalDate first = curve.from();
        LocalDate last = curve.to();
        Report r = report(curve, benchmark, benchmark == null ? null : benchmarkReturns(session.quotes().source(), benchmark, first, last),
                riskFree == null ? 0 : riskFree.doubleValue());
        if (json) {
            ValuationJson.printNode(json(r), out());
        } else {
            print(r, out());
        }
        return ErasmoApp.EXIT_OK;
    }

    /**
     * The figures of a curve, with a benchmark's returns or null. The money-weighted return and
     * Modified Dietz are the curve's ({@link EquityCurve#moneyWeightedReturn()}, {@link
     * EquityCurve#modifiedDietz()}: flows at the start of their day, as the time-weighted return
     * counts them); null and empty when the first or last day leaves out something without a
     * price: its end value would be short of it.
     */
    record Report(EquityCurve curve, Metrics metrics, @Nullable Symbol benchmark, Xirr.@Nullable Result xirr, OptionalDouble modifiedDietz) {
    }

    static Report report(EquityCurve curve, @Nullable Symbol benchmark, @Nullable ReturnSeries bench, double riskFreeAnnual) {
        Metrics.Options o = Metrics.Options.daily().withRiskFreeAnnualRate(riskFreeAnnual);
        Metrics m = bench == null ? Metrics.of(curve.returns(), o) : Metrics.of(curve.returns(), bench, o);
        return new Report(curve, m, benchmark, curve.moneyWeightedReturn().orElse(null), curve.modifiedDietz());
    }

    /**
     * A symbol's daily returns from its closes between the dates (and the close before the first), the closes before each of its
     * splits divided by the split's ratio: closes are as traded, so a 4-for-1 split is not a 75% loss.
     */
    static ReturnSeries benchmarkReturns(QuoteSource quotes, Symbol symbol, LocalDate from, LocalDate to) {
        PriceHistory h = quotes.history(symbol, from.minusDays(QuoteSource.AS_OF_LOOKBACK_DAYS), to);
        List<LocalDate> dates = new ArrayList<>();
        List<Bar> bars = h.bars();
        int firstIn = 0;
        while (firstIn < bars.size() && bars.get(firstIn).date().isBefore(from)) {
            firstIn++;
        }
        int begin = Math.max(0, firstIn - 1);
        double[] closes = new double[bars.size() - begin];
        for (int i = begin; i < bars.size(); i++) {
            dates.add(bars.get(i).date());
            BigDecimal close = bars.get(i).close();
            for (SplitEvent s : h.splits()) {
                if (bars.get(i).date().isBefore(s.date())) {
                    close = close.multiply(BigDecimal.valueOf(s.denominator())).divide(BigDecimal.valueOf(s.numerator()), MathContext.DECIMAL64);
                }
            }
            closes[i - begin] = close.doubleValue();
        }
        return closes.length < 2 ? ReturnSeries.empty() : ReturnSeries.fromPrices(dates, closes);
    }

    /** One row of the figures: a label, the value as printed, and what it means or when it happened. */
    record Row(String label, String value, String note) {
    }

    /** "1 daily return", "252 daily returns". */
    static String dailyReturns(Metrics m) {
        return m.observations() + (m.observations() == 1 ? " daily return" : " daily returns");
    }

    /**
     * A figure of the daily returns that is defined for none (the linked return's empty product
     * is 0, so is the drawdown of nothing): none without a daily return.
     */
    private static OptionalDouble ofReturns(Metrics m, double figure) {
        return m.observations() == 0 ? OptionalDouble.empty() : OptionalDouble.of(figure);
    }

    /** The figures of a report as the table prints them, in order; the HTML report shows the same rows. */
    static List<Row> rows(Report r) {
        Metrics m = r.metrics();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Time-weighted return", pct(ofReturns(m, m.cumulativeReturn())),
                "daily returns linked; deposits and withdrawals are not gains"));
        rows.add(new Row("  annualized", pct(m.annualizedReturn()), "geometric, 252 days a year"));
        rows.add(new Row("Money-weighted return", r.xirr() instanceof Xirr.Rate rate ? pct(OptionalDouble.of(rate.value())) : Text.NONE,
                r.xirr() == null ? (r.curve().days().isEmpty() ? "none: no day in the period"
                        : "none: the first or last day leaves out something held without a price or FX rate")
                        : r.xirr() instanceof Xirr.NoSolution no ? no.message() : "XIRR, a rate per year, of the start value, deposits, withdrawals (at the start of their day) and the end value"));
        rows.add(new Row("Modified Dietz", pct(r.modifiedDietz()), "the period's return, flows weighted by the days they were in"));
        rows.add(new Row("Volatility", pct(m.annualizedVolatility()), "annualized, sample standard deviation"));
        rows.add(new Row("Sharpe ratio", num(m.sharpeAnnualized()),
                "annualized" + (m.options().riskFreePerPeriod() == 0 ? "" : ", net of the risk-free rate")));
        rows.add(new Row("Sortino ratio", num(m.sortinoAnnualized()), "annualized, minimum acceptable return 0"));
        Drawdown d = m.worstDrawdown().orElse(null);
        rows.add(new Row("Maximum drawdown", pct(ofReturns(m, m.maxDrawdown())), d == null ? (m.observations() == 0 ? "" : "none")
                : "peak " + (d.peakDate() == null ? "at the start" : d.peakDate()) + ", trough " + d.troughDate() + ", "
                + (d.recoveryDate() == null ? "not recovered" : "recovered " + d.recoveryDate()) + ", " + d.length() + " trading days"));
        rows.add(new Row("Calmar ratio", num(m.calmar()), "annualized return / maximum drawdown"));
        rows.add(new Row("Value at risk", pct(m.valueAtRisk()), "95%, one day, historical"));
        rows.add(new Row("Expected shortfall", pct(m.expectedShortfall()), "95%, one day: the mean of the days beyond the value at risk"));
        rows.add(new Row("Best day", m.best().map(b -> Text.percent(ratio(b.value()))).orElse(Text.NONE),
                m.best().map(b -> b.date().toString()).orElse("")));
        rows.add(new Row("Worst day", m.worst().map(b -> Text.percent(ratio(b.value()))).orElse(Text.NONE),
                m.worst().map(b -> b.date().toString()).orElse("")));
        if (r.benchmark() != null) {
            rows.add(new Row("Beta", num(m.beta()), "against " + r.benchmark() + ", " + m.benchmarkObservations() + " common days"));
            rows.add(new Row("Alpha", pct(m.alphaAnnualizedGeometric()), "annualized (geometric)"));
        }
        return rows;
    }

    private static void print(Report r, PrintWriter out) {
        EquityCurve c = r.curve();
        out.println("Portfolio '" + c.portfolio().name() + "' (" + c.portfolio().baseCurrency().getCurrencyCode() + "), " + c.from() + " to "
                + c.to() + ": " + dailyReturns(r.metrics()) + (r.benchmark() != null ? ", against " + r.benchmark() : ""));
        out.println();
        Table t = new Table().left("").right("").left("");
        rows(r).forEach(row -> t.row(row.label(), row.value(), row.note()));
        t.print(out);
    }

    static ObjectNode json(Report r) {
        EquityCurve c = r.curve();
        Metrics m = r.metrics();
        ObjectNode root = ValuationJson.MAPPER.createObjectNode();
        ObjectNode p = root.putObject("portfolio");
        p.put("id", c.portfolio().id().value());
        p.put("name", c.portfolio().name());
        p.put("baseCurrency", c.portfolio().baseCurrency().getCurrencyCode());
        root.put("from", c.from().toString());
        root.put("to", c.to().toString());
        root.put("observations", m.observations());
        root.put("benchmark", r.benchmark() == null ? null : r.benchmark().value());
        root.put("timeWeightedReturn", dec(ofReturns(m, m.cumulativeReturn())));
        root.put("annualizedReturn", dec(m.annualizedReturn()));
        root.put("moneyWeightedReturn", r.xirr() instanceof Xirr.Rate rate ? dec(OptionalDouble.of(rate.value())) : null);
        root.put("modifiedDietz", dec(r.modifiedDietz()));
        root.put("annualizedVolatility", dec(m.annualizedVolatility()));
        root.put("sharpe", dec(m.sharpeAnnualized()));
        root.put("sortino", dec(m.sortinoAnnualized()));
        root.put("maxDrawdown", dec(ofReturns(m, m.maxDrawdown())));
        Drawdown d = m.worstDrawdown().orElse(null);
        ObjectNode dd = root.putObject("worstDrawdown");
        dd.put("peak", d == null || d.peakDate() == null ? null : d.peakDate().toString());
        dd.put("trough", d == null ? null : d.troughDate().toString());
        dd.put("recovery", d == null || d.recoveryDate() == null ? null : d.recoveryDate().toString());
        dd.put("lengthDays", d == null ? null : d.length());
        root.put("calmar", dec(m.calmar()));
        root.put("valueAtRisk95", dec(m.valueAtRisk()));
        root.put("expectedShortfall95", dec(m.expectedShortfall()));
        root.put("bestDay", m.best().map(b -> b.date().toString()).orElse(null));
        root.put("bestDayReturn", m.best().map(b -> dec(OptionalDouble.of(b.value()))).orElse(null));
        root.put("worstDay", m.worst().map(b -> b.date().toString()).orElse(null));
        root.put("worstDayReturn", m.worst().map(b -> dec(OptionalDouble.of(b.value()))).orElse(null));
        root.put("beta", dec(m.beta()));
        root.put("alphaAnnualized", dec(m.alphaAnnualizedGeometric()));
        return root;
    }

    /** A figure as a decimal string of 8 places; null when absent or not finite (a linked return beyond a double). */
    private static @Nullable String dec(OptionalDouble d) {
        return finite(d) ? BigDecimal.valueOf(d.getAsDouble()).setScale(8, RoundingMode.HALF_EVEN).toPlainString() : null;
    }

    /** Whether a figure is present and a finite number: the cumulative return overflows to infinity beyond 1e308. */
    static boolean finite(OptionalDouble d) {
        return d.isPresent() && Double.isFinite(d.getAsDouble());
    }

    private static BigDecimal ratio(double r) {
        return BigDecimal.valueOf(r);
    }

    private static String pct(OptionalDouble d) {
        return finite(d) ? Text.percent(ratio(d.getAsDouble())) : Text.NONE;
    }

    private static String num(OptionalDouble d) {
        return finite(d) ? BigDecimal.valueOf(d.getAsDouble()).setScale(2, RoundingMode.HALF_EVEN).toPlainString() : Text.NONE;
    }
}
