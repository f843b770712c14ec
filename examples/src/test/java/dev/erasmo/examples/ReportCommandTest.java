package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The HTML report on the four-day CSV series of {@link PerformanceCommandTest}: ACME closes 10, 11,
 * 9.9, 10.89 on 2020-01-06 .. 2020-01-09; 100 deposited and 10 ACME bought at 10 on the first day;
 * BENCH closes 100 (and 100 on 2020-01-03, the close before), 105, 99.75, 104.7375.
 */
class ReportCommandTest extends AppTest {

    private String csv;
    private Path page;

    @BeforeEach
    void session() throws IOException {
        Path quotes = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("ACME.csv"), "Date,Close\n2020-01-06,10\n2020-01-07,11\n2020-01-08,9.9\n2020-01-09,10.89\n");
        Files.writeString(quotes.resolve("BENCH.csv"),
                "Date,Close\n2020-01-03,100\n2020-01-06,100\n2020-01-07,105\n2020-01-08,99.75\n2020-01-09,104.7375\n");
        csv = "csv:" + quotes;
        page = dir.resolve("report.html");
        app.ok("--quotes", csv, "create", "t", "--cash", "100", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "t", "ACME", "10", "--at", "2020-01-06");
    }

    @Test
    void report_csvSeries_writesAWellFormedSelfContainedPage() throws Exception {
        String out = app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09", "--benchmark", "BENCH");
        assertThat(out).isEqualTo(AppRunner.lines("wrote report of 't' to " + page.toAbsolutePath()));
        String html = Files.readString(page);
        Document doc = parse(page);
        // the return against the benchmark, the drawdown, the allocation
        assertThat(count(html, "<svg")).isEqualTo(3);
        assertThat(html.replace("xmlns=\"" + HtmlReport.SVG_NS + "\"", "")).doesNotContain("http://", "https://", "<script", "<link", "<img",
                "url(", "@import");
        assertThat(html).contains("<h1>t</h1>", "USD (FIFO), 2020-01-06 to 2020-01-09", "generated at 2024-06-03T12:00:00Z");
        // 1.1 x 0.9 x 1.1 - 1 = 8.90%; from 110 on 01-07 to 99 on 01-08: -10.00%; BENCH against which beta is 2
        assertThat(rows(doc)).contains(List.of("Time-weighted return", "8.90%", "daily returns linked; deposits and withdrawals are not gains"),
                List.of("Maximum drawdown", "-10.00%", "peak 2020-01-07, trough 2020-01-08, not recovered, 3 trading days"),
                List.of("Beta", "2.00", "against BENCH, 4 common days"),
                // 10 ACME at 10.89 = 108.90, all of the equity; the cash went into the buy
                List.of("ACME", "USD", "10", "10.89", "2020-01-09", "108.90", "100.00", "8.90", "100.00%", ""),
                List.of("Cash", "USD", "0.00"), List.of("Equity", "USD", "108.90"), List.of("Total return", "", "8.90%"));
        assertThat(html).contains(">108.90 (100.00%)</text>", ">0.00 (0.00%)</text>");
    }

    @Test
    void report_metrics_areTheRowsPerformancePrints() throws Exception {
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09", "--benchmark", "BENCH");
        String text = app.ok("--quotes", csv, "performance", "t", "--to", "2020-01-09", "--benchmark", "BENCH");
        List<List<String>> metrics = rows(parse(page)).stream().filter(r -> r.size() == 3 && r.get(1).matches("-?[\\d.]+%?|-")).toList();
        assertThat(metrics).hasSize(15);
        for (List<String> row : metrics) {
            // label, value aligned right, two spaces, note
            assertThat(text).containsPattern("(?m)^" + Pattern.quote(row.get(0)) + " +" + Pattern.quote(row.get(1)) + "  "
                    + Pattern.quote(row.get(2)) + "$");
        }
    }

    @Test
    void report_returnChart_hasAPointPerDayFromZeroAndTheBenchmark() throws Exception {
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09", "--benchmark", "BENCH");
        Element chart = svgs(parse(page)).get(0);
        double zero = zeroY(chart);
        double[][] portfolio = points(line(chart, "portfolio"));
        // the start (2020-01-05, at 0) and one point per day
        assertThat(portfolio).hasNumberOfRows(5);
        for (int i = 1; i < portfolio.length; i++) {
            assertThat(portfolio[i][0]).isGreaterThan(portfolio[i - 1][0]);
        }
        // cumulative 0, 0, +10%, -1%, +8.9%: up is a smaller y
        assertThat(portfolio[0][1]).isEqualTo(zero);
        assertThat(portfolio[1][1]).isEqualTo(zero);
        assertThat(portfolio[2][1]).isLessThan(portfolio[4][1]).isLessThan(zero);
        assertThat(portfolio[3][1]).isGreaterThan(zero);
        assertThat(points(line(chart, "benchmark"))).hasNumberOfRows(5);
        // 1.05 x 0.95 x 1.05 - 1 = 4.74%
        assertThat(chart.getTextContent()).contains("Portfolio 8.90%", "BENCH 4.74%", "2020-01-06", "2020-01-09", "10.00%", "0.00%");
    }

    @Test
    void report_drawdown_neverRisesAboveZeroAndReachesTheWorst() throws Exception {
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09");
        List<Element> charts = svgs(parse(page));
        assertThat(charts).hasSize(3);
        Element drawdown = charts.get(1);
        double zero = zeroY(drawdown);
        double[][] points = points(line(drawdown, "drawdown"));
        assertThat(points).hasNumberOfRows(5);
        assertThat(List.of(points)).allSatisfy(p -> assertThat(p[1]).isGreaterThanOrEqualTo(zero));
        // 0, 0, 0 (the peak of 01-07), -10% on 01-08, -1% on 01-09
        assertThat(points[2][1]).isEqualTo(zero);
        assertThat(points[3][1]).isGreaterThan(points[4][1]).isGreaterThan(zero);
        assertThat(drawdown.getTextContent()).contains("Drawdown, worst -10.00%");
        // no benchmark: one line in the first chart
        assertThat(charts.get(0).getElementsByTagName("polyline").getLength()).isEqualTo(1);
    }

    @Test
    void report_hostileName_isShownLiterally() throws Exception {
        String name = "<script>alert(1)</script> & 'Q\"";
        app.ok("--quotes", csv, "create", name, "--cash", "100", "--at", "2020-01-06");
        app.ok("--quotes", csv, "report", name, "--out", page.toString(), "--to", "2020-01-09");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script").contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Q&quot;</h1>");
        assertThat(parse(page).getElementsByTagName("h1").item(0).getTextContent()).isEqualTo(name);
    }

    @Test
    void report_noTradingDay_saysSoAndDrawsNoCurve() throws Exception {
        app.ok("--quotes", csv, "create", "c", "--cash", "100", "--at", "2020-01-06");
        // a weekend: a portfolio holding nothing has weekdays only
        app.ok("--quotes", csv, "report", "c", "--out", page.toString(), "--from", "2020-01-11", "--to", "2020-01-12");
        String html = Files.readString(page);
        assertThat(html).contains("No day to show between these dates", "<p>No holdings.</p>");
        assertThat(rows(parse(page))).contains(List.of("Money-weighted return", "-", "none: no day in the period"));
        assertThat(svgs(parse(page))).hasSize(1);
        assertThat(count(html, "<polyline")).isZero();
    }

    @Test
    void report_singleDay_drawsTheStartAndTheDay() throws Exception {
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--from", "2020-01-07", "--to", "2020-01-07");
        Element chart = svgs(parse(page)).get(0);
        double[][] points = points(line(chart, "portfolio"));
        assertThat(points).hasNumberOfRows(2);
        assertThat(points[1][0]).isGreaterThan(points[0][0]);
        // 100 at the end of 01-06, 110 at the end of 01-07
        assertThat(chart.getTextContent()).contains("Portfolio 10.00%");
        // the one date, under the last point at the right edge, ends there rather than running past it
        Element tick = elements(chart.getElementsByTagName("text")).stream().filter(t -> t.getTextContent().equals("2020-01-07"))
                .findFirst().orElseThrow();
        assertThat(tick.getAttribute("text-anchor")).isEqualTo("end");
        assertThat(Files.readString(page)).contains("1 daily return;");
    }

    @Test
    void report_nothingInvested_saysSo_andFlatDaysBeforeTheFirstDepositAreNamed() throws Exception {
        // a portfolio without cash: weekdays with an equity of zero, no return
        app.ok("--quotes", csv, "create", "empty", "--at", "2020-01-06");
        app.ok("--quotes", csv, "report", "empty", "--out", page.toString(), "--from", "2020-01-06", "--to", "2020-01-09");
        assertThat(Files.readString(page)).contains("No daily return between these dates (4 days, nothing was invested: the equity was zero)");
        // 250 deposited on 01-08: 01-06 and 01-07 have nothing in, 01-08 the first return (0: 250 over 0 + 250)
        app.ok("--quotes", csv, "create", "late", "--at", "2020-01-06");
        app.ok("--quotes", csv, "deposit", "late", "250", "--at", "2020-01-08");
        app.ok("--quotes", csv, "report", "late", "--out", page.toString(), "--from", "2020-01-06", "--to", "2020-01-09");
        assertThat(Files.readString(page)).contains("Nothing was invested before 2020-01-08: the lines start flat.");
    }

    @Test
    void report_toPastTheCloses_saysWhereTheyEnd() throws Exception {
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-31");
        assertThat(Files.readString(page)).contains("2020-01-06 to 2020-01-31",
                "The closes of what was held end on 2020-01-09: the charts and figures stop there, not on 2020-01-31.");
        app.fails(2, "erasmo report: --to 2030-01-01 is in the future (now is 2024-06-03T12:00:00Z)", "--quotes", csv, "report", "t", "--out",
                page.toString(), "--to", "2030-01-01");
    }

    @Test
    void report_onlyCash_isAllCash() throws Exception {
        app.ok("--quotes", csv, "create", "c", "--cash", "250", "--at", "2020-01-06");
        app.ok("--quotes", csv, "report", "c", "--out", page.toString(), "--to", "2020-01-09");
        Document doc = parse(page);
        List<Element> charts = svgs(doc);
        assertThat(charts).hasSize(3);
        assertThat(charts.get(2).getTextContent()).contains("Cash", "250.00 (100.00%)");
        assertThat(charts.get(0).getTextContent()).contains("Portfolio 0.00%");
        assertThat(List.of(points(line(charts.get(0), "portfolio")))).allSatisfy(p -> assertThat(p[1]).isEqualTo(zeroY(charts.get(0))));
        assertThat(Files.readString(page)).contains("<p>No holdings.</p>");
    }

    /** Reports on u to 2020-01-09: 100 deposited and 5 ACME bought on 01-06, and 1 XYZ, which has no close, bought at 10 on a date. */
    private void reportWithXyzBoughtOn(String date) {
        app.ok("--quotes", csv, "create", "u", "--cash", "100", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "u", "ACME", "5", "--at", "2020-01-06");
        app.ok("--quotes", csv, "buy", "u", "XYZ", "1", "--at", date, "--price", "10");
        app.ok("--quotes", csv, "report", "u", "--out", page.toString(), "--to", "2020-01-09");
    }

    @Test
    void report_unpricedPosition_isMarkedAndLeftOut() throws Exception {
        reportWithXyzBoughtOn("2020-01-06");
        Document doc = parse(page);
        assertThat(rows(doc)).contains(List.of("XYZ", "USD", "1", "-", "-", "-", "10.00", "-", "-", "UNPRICED"));
        String html = Files.readString(page);
        assertThat(html).contains("UNPRICED: left out of the equity", "INCOMPLETE: left out of the totals: XYZ: no price");
        // XYZ never has a price, so no day is complete and there is no daily return: no chart of a return that is not there
        assertThat(html).contains("No daily return between these dates (4 days, none with a value of everything held on it and the day "
                + "before; on 2020-01-06: XYZ: no price): there is no return to draw.");
        assertThat(svgs(doc)).hasSize(1);
        assertThat(rows(doc)).contains(List.of("Time-weighted return", "-", "daily returns linked; deposits and withdrawals are not gains"),
                List.of("Maximum drawdown", "-", ""));
    }

    @Test
    void report_partlyUnpriced_drawsTheDaysWithAReturnAndSaysWhichAreLeftOut() throws Exception {
        reportWithXyzBoughtOn("2020-01-08");
        // 01-06 and 01-07 are complete, so they have returns: 0 on 01-06 (100 deposited, 100 held), then 50 cash and 5 ACME from
        // 50 to 55, +5.00%; 01-08 and 01-09 leave XYZ out and have none
        String html = Files.readString(page);
        assertThat(html).contains("On 2 of 4 days something held had no price and was left out of that day\u2019s equity (first on 2020-01-08: "
                + "XYZ: no price)");
        assertThat(svgs(parse(page))).hasSize(3);
        assertThat(svgs(parse(page)).get(0).getTextContent()).contains("Portfolio 5.00%");
    }

    @Test
    void report_withoutTo_saysItEndsOnTheLastDayEverythingHadAPrice() throws Exception {
        // ACME's closes end on 2020-01-09, the app's today is 2024-06-03
        app.ok("--quotes", csv, "report", "t", "--out", page.toString());
        assertThat(Files.readString(page)).contains("2020-01-06 to 2020-01-09",
                "Ends on 2020-01-09, the last day on which everything held had a price (after it a position would drop out of the equity); "
                        + "--to sets another end.");
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09");
        assertThat(Files.readString(page)).doesNotContain("Ends on");
    }

    @Test
    void report_axis_startsOnThePeriodsFirstDay() throws Exception {
        // the first point is the equity at the end of 2020-01-05, the start of the period's first day
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--from", "2020-01-06", "--to", "2020-01-09");
        for (Element chart : svgs(parse(page)).subList(0, 2)) {
            // a tick per day: 01-06 .. 01-09, once each
            assertThat(elements(chart.getElementsByTagName("text")).stream().map(Element::getTextContent).filter(t -> t.startsWith("2020-")))
                    .containsExactly("2020-01-06", "2020-01-07", "2020-01-08", "2020-01-09");
        }
    }

    @Test
    void report_existingFile_isReplacedLeavingNoTemporaryFile() throws Exception {
        Files.writeString(page, "old");
        app.ok("--quotes", csv, "report", "t", "--out", page.toString(), "--to", "2020-01-09");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("erasmo.db", "quotes", "report.html");
        }
    }

    @Test
    void report_booksTheDividendsDueFirst() {
        app.ok("create", "a", "--cash", "1000", "--at", "2013-02-01");
        app.ok("buy", "a", "AAPL", "1", "--at", "2013-02-01");
        assertThat(app.ok("report", "a", "--out", page.toString(), "--to", "2013-02-28")).isEqualTo(AppRunner.lines(
                "booked from the quote data: dividend USD 2.65 per share of AAPL at 2013-02-07T00:00:00Z",
                "wrote report of 'a' to " + page.toAbsolutePath()));
    }

    @Test
    void report_outInAMissingFolder_isAUsageError() {
        Path missing = dir.resolve("missing").resolve("r.html");
        app.fails(2, "erasmo report: --out " + missing + ": the folder " + missing.getParent() + " does not exist",
                "--quotes", csv, "report", "t", "--out", missing.toString());
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void report_outIsAFolder_isAUsageError() {
        app.fails(2, "erasmo report: --out " + dir + " is a folder, not a file", "--quotes", csv, "report", "t", "--out", dir.toString());
    }

    @Test
    void report_unknownPortfolio_isRejected() {
        app.fails(1, "erasmo report: no portfolio named 'nope' of owner local (see 'erasmo list')", "--quotes", csv, "report", "nope", "--out", page.toString());
        assertThat(page).doesNotExist();
    }

    // ------------------------------------------------------------------ reading the page

    /** Parses the page as XML: fails unless it is well-formed. */
    static Document parse(Path page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(page.toFile());
    }

    static List<Element> svgs(Document doc) {
        return elements(doc.getElementsByTagName("svg"));
    }

    /** The text of every cell of every table row, row by row. */
    private static List<List<String>> rows(Document doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : elements(doc.getElementsByTagName("tr"))) {
            rows.add(elements(tr.getElementsByTagName("td")).stream().map(Element::getTextContent).toList());
        }
        return rows;
    }

    /** The chart's polyline of that class. */
    private static Element line(Element svg, String css) {
        return elements(svg.getElementsByTagName("polyline")).stream().filter(e -> e.getAttribute("class").equals("line " + css))
                .findFirst().orElseThrow();
    }

    /** The y of the chart's 0% line. */
    private static double zeroY(Element svg) {
        Element zero = elements(svg.getElementsByTagName("line")).stream().filter(e -> e.getAttribute("class").equals("zero"))
                .findFirst().orElseThrow();
        assertThat(zero.getAttribute("y2")).isEqualTo(zero.getAttribute("y1"));
        return Double.parseDouble(zero.getAttribute("y1"));
    }

    /** A polyline's points as {x, y} rows. */
    private static double[][] points(Element polyline) {
        String[] pairs = polyline.getAttribute("points").trim().split(" ");
        double[][] points = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(",");
            points[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return points;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
