package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code history}, {@code performance} and {@code report} on awkward data: benchmarks that do not
 * overlap, rates out of range, empty and degenerate periods, total losses, hostile names, long
 * curves. Whatever the input: never {@code NaN} nor {@code Infinity} printed, exact money, one
 * line on stderr with exit code 1 or 2.
 */
class PerformanceAdversarialAppTest extends AppTest {

    private Path quotes;
    private String csv;

    @BeforeEach
    void session() throws IOException {
        quotes = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("ACME.csv"), "Date,Close\n2020-01-06,10\n2020-01-07,11\n2020-01-08,9.9\n2020-01-09,10.89\n");
        Files.writeString(quotes.resolve("OLD.csv"), "Date,Close\n2010-01-04,100\n2010-01-05,101\n");
        Files.writeString(quotes.resolve("ONE.csv"), "Date,Close\n2020-01-08,50\n");
        csv = "csv:" + quotes;
        app.ok("--quotes", csv, "create", "t", "--cash", "100", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "t", "ACME", "10", "--at", "2020-01-06");
    }

    private static void noNonsense(String out) {
        assertThat(out).doesNotContain("NaN", "Infinity", "E+", "E-");
    }

    @Test
    void anUnknownBenchmark_isOneLineExit1() {
        // the same message as buy's for an unknown symbol, naming the symbols there are
        app.fails(1, "erasmo performance: unknown symbol ZZZ: " + quotes + " has ACME, OLD, ONE", "--quotes", csv, "performance", "t", "--to", "2020-01-09",
                "--benchmark", "ZZZ");
    }

    @Test
    void aBenchmarkWithoutCommonDays_orOneDay_hasNoBetaNorAlpha() throws Exception {
        for (String b : new String[] {"OLD", "ONE"}) {
            String out = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--benchmark", b);
            noNonsense(out);
            assertThat(out).containsPattern("Beta +-  against " + b + ", 0 common days");
            String json = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--benchmark", b, "--json");
            assertThat(json).contains("\"beta\": null", "\"alphaAnnualized\": null");
            Path page = dir.resolve(b + ".html");
            app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09", "--benchmark", b);
            String html = Files.readString(page);
            noNonsense(html);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
        }
    }

    @Test
    void aBenchmarkThatSplits_isNotALossOnTheSplitDay() throws Exception {
        // BENCH of PerformanceCommandTest (0, +5%, -5%, +5%), split 2-for-1 on 2020-01-08: beta is still 2
        Files.writeString(quotes.resolve("HALF.csv"), "Date,Close\n2020-01-03,100\n2020-01-06,100\n2020-01-07,105\n2020-01-08,49.875\n"
                + "2020-01-09,52.36875\n");
        Files.writeString(quotes.resolve("HALF.splits.csv"), "Date,Stock Splits\n2020-01-08,2:1\n");
        String json = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--json", "--benchmark", "HALF");
        assertThat(json).contains("\"beta\": \"2.00000000\"", "\"alphaAnnualized\": \"0.00000000\"");
        Path page = dir.resolve("half.html");
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09", "--benchmark", "HALF");
        // 1.05 x 0.95 x 1.05 - 1
        assertThat(Files.readString(page)).contains("HALF 4.74%");
    }

    @Test
    void riskFreeRates_negativeIsAUsageError_hugeIsAUsageErrorOrAFigure() {
        AppRunner.Run r = run("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--risk-free", "-0.01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        for (String rate : new String[] {"1000000", "1e400", "0.99999999999999999999"}) {
            AppRunner.Run big = run("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--risk-free", rate);
            assertThat(big.exitCode()).as(rate).isIn(0, 2);
            if (big.exitCode() == 0) {
                noNonsense(big.out());
            } else {
                assertThat(big.out()).isEmpty();
                assertThat(big.err().lines().count()).isEqualTo(1);
                noNonsense(big.err());
            }
        }
    }

    private AppRunner.Run run(String... args) {
        return app.run(args);
    }

    @Test
    void emptyAndDegeneratePeriods_printDashes() throws Exception {
        // a weekend: no trading day; one day; before the first event; from = to = today
        for (String[] period : new String[][] {{"2020-01-11", "2020-01-12"}, {"2020-01-07", "2020-01-07"}, {"2019-06-01", "2020-01-09"},
            {"2024-06-03", "2024-06-03"}}) {
            String out = app.ok("--quotes", csv, "performance", "t", "--from", period[0], "--to", period[1]);
            noNonsense(out);
            String json = app.ok("--quotes", csv, "performance", "t", "--from", period[0], "--to", period[1], "--json");
            noNonsense(json);
            String hist = app.ok("--quotes", csv, "history", "t", "--from", period[0], "--to", period[1], "--csv");
            noNonsense(hist);
            Path page = dir.resolve("p.html");
            app.ok("--quotes", csv, "report", "t", "--from", period[0], "--to", period[1], "--out", page.toString());
            noNonsense(Files.readString(page));
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
        }
    }

    @Test
    void withdrawingEverythingThenDepositing_andATotalLoss_printNoNonsense() throws Exception {
        app.ok("--quotes", csv, "sell", "t", "ACME", "10", "--at", "2020-01-07");
        app.ok("--quotes", csv, "withdraw", "t", "110", "--at", "2020-01-07");
        app.ok("--quotes", csv, "deposit", "t", "50", "--at", "2020-01-09");
        noNonsense(app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09"));
        noNonsense(app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--json"));
        noNonsense(app.ok("--quotes", csv, "history", "t", "--to", "2020-01-09"));

        // a lot a reverse split leaves nothing of: everything lost
        app.ok("--quotes", csv, "create", "z", "--cash", "0.10", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "z", "ACME", "0.00000001", "--at", "2020-01-06", "--price", "10000000");
        app.ok("--quotes", csv, "split", "z", "ACME", "1:1000", "--at", "2020-01-08");
        String out = app.ok("--quotes", csv, "performance", "z", "--to", "2020-01-09");
        noNonsense(out);
        assertThat(out).containsPattern("Time-weighted return +-100\\.00%").containsPattern("Maximum drawdown +-100\\.00%");
        Path page = dir.resolve("z.html");
        app.ok("--quotes", csv, "report", "z", "--to", "2020-01-09", "--out", page.toString());
        noNonsense(Files.readString(page));
    }

    @Test
    void astronomicalReturns_printNoInfinity() {
        // 25 days of +1e15: the linked return overflows a double (the CSV data cannot get there in one symbol, the API can)
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        dev.erasmo.money.Money zero = dev.erasmo.money.Money.zero(usd);
        dev.erasmo.portfolio.PortfolioInfo info = new dev.erasmo.portfolio.PortfolioInfo(dev.erasmo.portfolio.PortfolioId.random(),
                AppRunner.OWNER, "moon", usd, dev.erasmo.portfolio.CostMethod.FIFO, AppRunner.NOW);
        java.util.List<dev.erasmo.performance.DailyValue> days = new java.util.ArrayList<>();
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = 1; i <= 25; i++) {
            days.add(new dev.erasmo.performance.DailyValue(first.plusDays(i), zero, zero, zero, zero, zero, zero, 1e15, java.util.List.of(),
                    java.util.List.of()));
        }
        dev.erasmo.performance.EquityCurve curve = new dev.erasmo.performance.EquityCurve(info, 1, first.plusDays(1), first.plusDays(25),
                new dev.erasmo.performance.DailyValue(first, zero, zero, zero, zero, zero, zero, null, java.util.List.of(), java.util.List.of()),
                days);
        PerformanceCommand.Report report = PerformanceCommand.report(curve, null, null, 0);
        PerformanceCommand.rows(report).forEach(r -> noNonsense(r.value()));
        noNonsense(PerformanceCommand.json(report).toString());
        java.io.StringWriter out = new java.io.StringWriter();
        HistoryCommand.printTable(curve, new java.io.PrintWriter(out, true));
        noNonsense(out.toString());
        dev.erasmo.valuation.Valuation v = dev.erasmo.valuation.Valuation.of(dev.erasmo.portfolio.PortfolioState.EMPTY,
                dev.erasmo.valuation.PriceSnapshot.EMPTY, new dev.erasmo.valuation.FxRates(usd, java.util.Map.of()));
        String html = HtmlReport.page(report, null, new ValuationReport(info, first.plusDays(25), false, v), AppRunner.NOW, null);
        noNonsense(html);
    }

    @Test
    void hostileNames_areEscapedInTheReport_andPlainInCsv() throws Exception {
        for (String name : new String[] {"a\"b", "Tom & Jerry's <b>", "x]]>y", "line\u2028two"}) {
            AppRunner.Run c = run("--quotes", csv, "create", name, "--cash", "1", "--at", "2020-01-06");
            if (c.exitCode() != 0) {
                assertThat(c.exitCode()).isEqualTo(2);
                continue;
            }
            Path page = dir.resolve("h.html");
            app.ok("--quotes", csv, "report", name, "--to", "2020-01-09", "--out", page.toString());
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
            String html = Files.readString(page);
            assertThat(html).doesNotContain("<b>");
        }
    }

    @Test
    void tenThousandDays_reportInReasonableTimeAndSize() throws Exception {
        StringBuilder b = new StringBuilder("Date,Close\n");
        LocalDate d = LocalDate.of(1990, 1, 1);
        java.util.Random random = new java.util.Random(1);
        double price = 100;
        for (int i = 0; i < 10_000; i++) {
            price *= 1 + (random.nextGaussian() * 0.01);
            b.append(d.plusDays(i)).append(',').append(String.format(java.util.Locale.ROOT, "%.4f", price)).append('\n');
        }
        Files.writeString(quotes.resolve("LONG.csv"), b.toString());
        app.ok("--quotes", csv, "create", "l", "--cash", "100000", "--at", "1990-01-01");
        app.ok("--quotes", csv, "buy", "l", "LONG", "100", "--at", "1990-01-01");
        Path page = dir.resolve("l.html");
        long t0 = System.nanoTime();
        app.ok("--quotes", csv, "report", "l", "--to", d.plusDays(9_999).toString(), "--out", page.toString(), "--benchmark", "LONG");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long size = Files.size(page);
        System.out.println("10,000-day report: " + ms + " ms, " + size + " bytes");
        assertThat(ms).isLessThan(10_000);
        assertThat(size).isLessThan(2_000_000);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
        noNonsense(Files.readString(page));
    }

    @Test
    void japaneseYenAndBahrainiDinar_historyCsvHasTheMinorUnits() throws IOException {
        Files.writeString(quotes.resolve("JP.csv"), "Date,Close\n2020-01-06,1234.5\n2020-01-07,1300\n");
        app.ok("--quotes", csv, "create", "y", "--cash", "100000", "--at", "2020-01-06", "--currency", "JPY");
        app.ok("--quotes", csv, "create", "bd", "--cash", "100.125", "--at", "2020-01-06", "--currency", "BHD");
        String y = app.ok("--quotes", csv, "history", "y", "--to", "2020-01-07", "--csv");
        assertThat(y).contains("2020-01-06,JPY,100000,0,100000,100000,0,0,0,,");
        String bd = app.ok("--quotes", csv, "history", "bd", "--to", "2020-01-07", "--csv");
        assertThat(bd).contains("2020-01-06,BHD,100.125,0.000,100.125,100.125,0.000,0.000,0,,");
    }

    @Test
    void aEuroPortfolioBuyingADollarStock_isOneLine() {
        app.ok("--quotes", csv, "create", "e", "--cash", "1000", "--at", "2020-01-06", "--currency", "EUR");
        AppRunner.Run r = app.run("--quotes", csv, "buy", "e", "ACME", "1", "--at", "2020-01-06");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.exitCode()).isIn(1, 2);
    }
}
