package dev.erasmo.examples;

import dev.erasmo.money.Money;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.ReturnSeries;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The page {@code erasmo report} writes: one self-contained HTML file (inline CSS and SVG, no
 * scripts, nothing fetched) that is also well-formed XML. Every figure is formatted as the other
 * commands print it; every piece of user text is escaped.
 */
final class HtmlReport {

    /** The SVG namespace, the one address in the page: a name, never fetched. */
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static final int WIDTH = 720;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 28;
    private static final int CHART_HEIGHT = 260;
    private static final int BAR_ROW = 26;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;max-width:980px;margin:2em auto;padding:0 1em}
            h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .5em}
            .meta,.note{color:#5b6573}.warn{color:#b3261e}svg text.warn{fill:#b3261e}
            .scroll{overflow-x:auto}svg{width:100%;min-width:640px;height:auto;display:block}
            svg text{font:11px system-ui,sans-serif;fill:#5b6573}
            .grid{stroke:#e3e7ec}.zero{stroke:#8d96a3}.axis{stroke:#8d96a3}
            .line{fill:none;stroke-width:1.6;stroke-linejoin:round}
            .portfolio{stroke:#1f63b5}.benchmark{stroke:#e07b00}.drawdown{stroke:#b3261e}.area{fill:#b3261e;fill-opacity:.15;stroke:none}
            .bar{fill:#1f63b5}.bar.cash{fill:#7fa7d6}
            table{border-collapse:collapse;margin:.3em 0 1em}
            th,td{padding:.25em .7em;border-bottom:1px solid #e3e7ec;text-align:left;vertical-align:top}
            th{font-weight:600;font-size:.85em;color:#5b6573}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .label{white-space:pre}.holdings td{white-space:nowrap}
            """;

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param performance the figures of the period, with its curve
     * @param benchmark the benchmark's daily returns over the period, or null without one
     * @param holdings the valuation at the period's last date
     * @param generatedAt when the page is made (the app's clock)
     * @param periodNote what to say of the period's dates (why it ends where it does), or null
     * @return the page, XHTML-compatible HTML
     */
    static String page(PerformanceCommand.Report performance, @Nullable ReturnSeries benchmark, ValuationReport holdings, Instant generatedAt,
            @Nullable String periodNote) {
        EquityCurve curve = performance.curve();
        String name = curve.portfolio().name();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(name)).append(" \u2013 erasmo report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(name)).append("</h1>\n<p class=\"meta\">Paper-trading portfolio in ")
                .append(esc(curve.portfolio().baseCurrency().getCurrencyCode())).append(" (").append(curve.portfolio().costMethod())
                .append("), ").append(curve.from()).append(" to ").append(curve.to()).append(" \u00b7 generated at ").append(generatedAt)
                .append(" by erasmo</p>\n");
        if (periodNote != null) {
            b.append("<p class=\"note\">").append(esc(periodNote)).append("</p>\n");
        }
        if (curve.days().isEmpty()) {
            b.append("<p class=\"warn\">No day to show between these dates: there is no curve to draw.</p>\n");
        } else if (performance.metrics().observations() == 0) {
            String why = curve.days().stream().allMatch(DailyValue::complete) ? "nothing was invested: the equity was zero"
                    : "none with a value of everything held on it and the day before" + firstIncomplete(curve).map(d -> "; on " + leftOut(d)).orElse("");
            b.append("<p class=\"warn\">No daily return between these dates (").append(curve.days().size())
                    .append(curve.days().size() == 1 ? " day, " : " days, ").append(esc(why)).append("): there is no return to draw.</p>\n");
        } else {
            curveNotes(b, curve);
            curves(b, performance, benchmark);
        }
        allocation(b, holdings);
        holdings(b, holdings);
        b.append("<h2>Performance</h2>\n<p class=\"note\">").append(PerformanceCommand.dailyReturns(performance.metrics()))
                .append(performance.benchmark() == null ? "" : ", against " + esc(performance.benchmark().value()))
                .append("; conventions as in <code>erasmo performance</code>.</p>\n");
        table(b, List.of("", "", ""), List.of(false, true, false),
                PerformanceCommand.rows(performance).stream().map(r -> new String[] {r.label(), r.value(), r.note()}).toList(), "label", "");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /**
     * What a curve with days doesn't show: the days after the closes of what was held end (more
     * than a week before the period's end), and the flat start before anything was invested.
     */
    private static void curveNotes(StringBuilder b, EquityCurve curve) {
        List<DailyValue> days = curve.days();
        LocalDate lastDay = days.get(days.size() - 1).date();
        if (ChronoUnit.DAYS.between(lastDay, curve.to()) > 7) {
            b.append("<p class=\"note\">The closes of what was held end on ").append(lastDay)
                    .append(": the charts and figures stop there, not on ").append(curve.to()).append(".</p>\n");
        }
        int first = 0;
        while (first < days.size() && days.get(first).dailyReturn() == null && days.get(first).complete()) {
            first++;
        }
        if (first > 0 && first < days.size()) {
            b.append("<p class=\"note\">Nothing was invested before ").append(days.get(first).date()).append(": the lines start flat.</p>\n");
        }
    }

    /** The first day that left something held out of its equity, if any. */
    private static Optional<DailyValue> firstIncomplete(EquityCurve curve) {
        return curve.days().stream().filter(d -> !d.complete()).findFirst();
    }

    /** A day and what it left out: {@code 2020-01-06: XYZ: no price}. */
    private static String leftOut(DailyValue day) {
        return day.date() + ": " + String.join("; ", day.missing());
    }

    /** The return against the benchmark and the drawdown, both from the start of the curve (at 0). */
    private static void curves(StringBuilder b, PerformanceCommand.Report performance, @Nullable ReturnSeries benchmark) {
        EquityCurve curve = performance.curve();
        List<LocalDate> dates = new ArrayList<>();
        dates.add(curve.start().date());
        curve.days().forEach(d -> dates.add(d.date()));
        double[] wealth = wealth(curve);
        double[] cumulative = new double[wealth.length];
        double[] drawdown = new double[wealth.length];
        double peak = 1;
        for (int i = 0; i < wealth.length; i++) {
            // beyond a double (a linked return above 1e308) there is no point to draw
            boolean finite = Double.isFinite(wealth[i]);
            cumulative[i] = finite ? wealth[i] - 1 : Double.NaN;
            peak = finite ? Math.max(peak, wealth[i]) : peak;
            drawdown[i] = finite ? wealth[i] / peak - 1 : Double.NaN;
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Portfolio " + (Double.isFinite(cumulative[cumulative.length - 1]) ? pct(cumulative[cumulative.length - 1]) : Text.NONE),
                "portfolio", cumulative));
        String against = "";
        if (performance.benchmark() != null && benchmark != null) {
            double[] bench = benchmark(benchmark, dates);
            String symbol = performance.benchmark().value();
            if (benchmark.isEmpty()) {
                against = " (no closes of " + symbol + " in the period)";
            } else {
                lines.add(new Line(symbol + " " + pct(last(bench)), "benchmark", bench));
                against = " against " + symbol;
            }
        }
        b.append("<h2>Time-weighted return").append(esc(against)).append("</h2>\n");
        lineChart(b, "Cumulative time-weighted return" + against, dates, lines, false);
        long incomplete = curve.days().stream().filter(d -> !d.complete()).count();
        if (incomplete > 0) {
            b.append("<p class=\"warn\">On ").append(incomplete).append(" of ").append(curve.days().size())
                    .append(" days something held had no price and was left out of that day\u2019s equity (first on ")
                    .append(esc(firstIncomplete(curve).map(HtmlReport::leftOut).orElseThrow())).append("): those days, and the day after each, have no return (a price dropping out is not a loss).</p>\n");
        }
        b.append("<h2>Drawdown</h2>\n");
        lineChart(b, "Drawdown from the running peak", dates,
                List.of(new Line("Drawdown, worst " + pct(performance.metrics().maxDrawdown()), "drawdown", drawdown)), true);
    }

    /** Growth of 1 at the start and each day: the daily returns linked; a day without a return keeps the last value. */
    private static double[] wealth(EquityCurve curve) {
        double[] w = new double[curve.days().size() + 1];
        w[0] = 1;
        for (int i = 1; i < w.length; i++) {
            Double r = curve.days().get(i - 1).dailyReturn();
            w[i] = w[i - 1] * (1 + (r == null ? 0 : r));
        }
        return w;
    }

    /**
     * The benchmark's cumulative return at each date: its returns linked up to the date (0 before
     * its first), or NaN (no point) when its last close is more than the quote look-back older.
     */
    private static double[] benchmark(ReturnSeries returns, List<LocalDate> dates) {
        double[] out = new double[dates.size()];
        double w = 1;
        int next = 0;
        LocalDate lastClose = null;
        for (int i = 0; i < dates.size(); i++) {
            while (next < returns.size() && !returns.dateAt(next).isAfter(dates.get(i))) {
                w *= 1 + returns.returnAt(next);
                lastClose = returns.dateAt(next++);
            }
            boolean stale = lastClose != null && ChronoUnit.DAYS.between(lastClose, dates.get(i)) > QuoteSource.AS_OF_LOOKBACK_DAYS;
            out[i] = i == 0 ? 0 : stale || !Double.isFinite(w) ? Double.NaN : w - 1;
        }
        return out;
    }

    /** A line of a chart: its legend, its CSS class, and one value per date (NaN: no point). */
    private record Line(String legend, String css, double[] values) {
    }

    /**
     * An SVG line chart of ratios over dates spaced evenly, the first the start of the period: %
     * gridlines with the 0% line marked ({@code class="zero"}), a few ticks of the period's dates, a legend, one polyline per line with a point per
     * value; with {@code area}, the first line's area down to 0% is filled too.
     */
    private static void lineChart(StringBuilder b, String title, List<LocalDate> dates, List<Line> lines, boolean area) {
        double lo = 0;
        double hi = 0;
        for (Line l : lines) {
            for (double v : l.values()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi - lo < 1e-9) {
            // a flat line: 0% with a little room, below it only for a drawdown
            lo -= 0.01;
            hi += area ? 0 : 0.01;
        }
        double step = niceStep((hi - lo) / 4);
        lo = Math.floor(lo / step + 1e-9) * step;
        hi = Math.ceil(hi / step - 1e-9) * step;
        Scale s = new Scale(dates.size(), lo, hi, CHART_HEIGHT);
        svgOpen(b, CHART_HEIGHT, title);
        for (long k = Math.round(lo / step); k <= Math.round(hi / step); k++) {
            double y = s.y(k * step);
            b.append("<line class=\"").append(k == 0 ? "zero" : "grid").append("\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                    .append(pct(k * step)).append("</text>\n");
        }
        int n = dates.size();
        // the first point is the start (the end of the day before the period): the dates under the axis are the period's days
        int first = n > 1 ? 1 : 0;
        List<Integer> ticks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            int i = first + (int) Math.round(k * (n - 1 - first) / 4.0);
            if (!ticks.contains(i)) {
                ticks.add(i);
            }
        }
        double bottom = CHART_HEIGHT - BOTTOM;
        for (int i : ticks) {
            String anchor = i == n - 1 ? "end" : i == ticks.get(0) ? "start" : "middle";
            b.append("<line class=\"axis\" x1=\"").append(f(s.x(i))).append("\" x2=\"").append(f(s.x(i))).append("\" y1=\"").append(f(bottom))
                    .append("\" y2=\"").append(f(bottom + 4)).append("\"/><text x=\"").append(f(s.x(i))).append("\" y=\"").append(f(bottom + 16))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(dates.get(i)).append("</text>\n");
        }
        int legendX = LEFT;
        for (Line l : lines) {
            b.append("<line class=\"line ").append(l.css()).append("\" x1=\"").append(legendX).append("\" x2=\"").append(legendX + 18)
                    .append("\" y1=\"12\" y2=\"12\"/><text x=\"").append(legendX + 24).append("\" y=\"16\">").append(esc(l.legend()))
                    .append("</text>\n");
            legendX += 40 + 7 * l.legend().length();
        }
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(l.values()[i])) {
                    points.append(points.length() == 0 ? "" : " ").append(f(s.x(i))).append(',').append(f(s.y(l.values()[i])));
                }
            }
            if (area && l == lines.get(0)) {
                b.append("<polygon class=\"area\" points=\"").append(points).append(' ').append(f(s.x(n - 1))).append(',').append(f(s.y(0)))
                        .append(' ').append(f(s.x(0))).append(',').append(f(s.y(0))).append("\"/>\n");
            }
            b.append("<polyline class=\"line ").append(l.css()).append("\" points=\"").append(points).append("\"/>\n");
        }
        b.append("</svg></div>\n");
    }

    /** Where dates (by index) and ratios go in a chart's plot area. */
    private record Scale(int count, double lo, double hi, int height) {
        double x(int index) {
            double width = WIDTH - LEFT - RIGHT;
            return count == 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
        }

        double y(double value) {
            return TOP + (height - TOP - BOTTOM) * (hi - value) / (hi - lo);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    /** A bar of the allocation: a symbol or the cash, its value in base (null: unpriced) and its share of the equity (null: none). */
    private record Slice(String label, @Nullable Money value, @Nullable BigDecimal share) {
    }

    /** Horizontal bars of each position's market value in base and the cash, as shares of the equity. */
    private static void allocation(StringBuilder b, ValuationReport report) {
        Valuation v = report.valuation();
        List<Slice> slices = new ArrayList<>();
        v.positions().forEach(p -> slices.add(new Slice(p.instrument().symbol().value(), p.marketValueInBase(), p.weight())));
        slices.add(new Slice("Cash", v.cashInBase(), v.equity().amount().signum() > 0 ? share(v.cashInBase(), v.equity()) : null));
        String base = v.baseCurrency().getCurrencyCode();
        b.append("<h2>Allocation on ").append(report.asOf()).append("</h2>\n");
        svgOpen(b, TOP + slices.size() * BAR_ROW, "Allocation by market value in " + base);
        b.append("<text x=\"").append(LEFT).append("\" y=\"16\">market value in ").append(esc(base)).append(" and share of the equity of ")
                .append(esc(base)).append(" ").append(ValuationTable.amount(v.equity())).append("</text>\n");
        double width = WIDTH - LEFT - RIGHT - 160;
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            String y = f(TOP + i * BAR_ROW + 15);
            b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\" text-anchor=\"end\">").append(esc(slice.label()))
                    .append("</text>");
            if (slice.value() == null) {
                b.append("<text class=\"warn\" x=\"").append(LEFT).append("\" y=\"").append(y).append("\">UNPRICED: left out of the equity</text>\n");
                continue;
            }
            double w = slice.share() == null ? 0 : width * Math.max(0, slice.share().doubleValue());
            b.append("<rect class=\"bar").append(i == slices.size() - 1 ? " cash" : "").append("\" x=\"").append(LEFT).append("\" y=\"")
                    .append(f(TOP + i * BAR_ROW + 4)).append("\" width=\"").append(f(w)).append("\" height=\"").append(BAR_ROW - 8).append("\"/>")
                    .append("<text x=\"").append(f(LEFT + w + 6)).append("\" y=\"").append(y).append("\">")
                    .append(ValuationTable.amount(slice.value())).append(" (").append(Text.percent(slice.share())).append(")</text>\n");
        }
        b.append("</svg></div>\n");
    }

    /** The holdings and the totals, as {@code erasmo show --at} prints them. */
    private static void holdings(StringBuilder b, ValuationReport report) {
        Valuation v = report.valuation();
        b.append("<h2>Holdings on ").append(report.asOf()).append("</h2>\n");
        if (v.positions().isEmpty()) {
            b.append("<p>No holdings.</p>\n");
        } else {
            table(b, ValuationTable.HOLDINGS.stream().map(ValuationTable.Column::header).toList(),
                    ValuationTable.HOLDINGS.stream().map(c -> !c.text()).toList(), v.positions().stream().map(ValuationTable::holding).toList(), "",
                    "holdings");
        }
        b.append("<p class=\"note\">Totals since the portfolio began (realized P&amp;L, dividends, fees, deposits and the total return"
                + " count every event up to this date, not only the period of the charts).</p>\n");
        table(b, List.of("", "", ""), List.of(false, false, true), ValuationTable.totals(report), "label", "");
        if (!v.isComplete()) {
            b.append("<p class=\"warn\">INCOMPLETE: left out of the totals: ").append(esc(String.join("; ", v.missing()))).append("</p>\n");
        }
    }

    /**
     * A table of class {@code tableClass} (none if empty), in a box that scrolls sideways on a narrow
     * screen; a header row unless every header is empty; the first column's cells get {@code firstClass}.
     */
    private static void table(StringBuilder b, List<String> headers, List<Boolean> numeric, List<String[]> rows, String firstClass, String tableClass) {
        b.append("<div class=\"scroll\"><table").append(tableClass.isEmpty() ? "" : " class=\"" + tableClass + "\"").append(">\n");
        if (headers.stream().anyMatch(h -> !h.isEmpty())) {
            b.append("<tr>");
            for (int c = 0; c < headers.size(); c++) {
                b.append("<th").append(numeric.get(c) ? " class=\"num\"" : "").append('>').append(esc(headers.get(c))).append("</th>");
            }
            b.append("</tr>\n");
        }
        for (String[] row : rows) {
            b.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                String css = numeric.get(c) ? "num" : c == 0 ? firstClass : "UNPRICED".equals(row[c]) ? "warn" : "";
                b.append("<td").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append('>').append(esc(row[c])).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    /** Opens a chart in a box that scrolls sideways on a narrow screen rather than shrinking its text. */
    private static void svgOpen(StringBuilder b, int height, String title) {
        b.append("<div class=\"scroll\"><svg xmlns=\"").append(SVG_NS).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\">")
                .append("<title>").append(esc(title)).append("</title>\n");
    }

    /** Money over the equity, as a weight is: {@value Valuation#RATIO_SCALE} decimals, half-even. */
    private static BigDecimal share(Money part, Money whole) {
        return part.amount().divide(whole.amount(), Valuation.RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static double last(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return 0;
    }

    private static String pct(double ratio) {
        return Text.percent(BigDecimal.valueOf(ratio));
    }

    /** A coordinate with one decimal. */
    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Text for HTML and XML: the five markup characters as references; what XML does not allow
     * (control characters, a lone surrogate) as U+FFFD.
     */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.appendCodePoint(xmlChar(c) ? c : '\uFFFD');
            }
        });
        return b.toString();
    }

    /** Whether XML 1.0 allows the character. */
    private static boolean xmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
