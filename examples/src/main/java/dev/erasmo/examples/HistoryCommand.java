package dev.erasmo.examples;

import dev.erasmo.money.Money;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.portfolio.PortfolioInfo;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasmo history}: a portfolio's daily equity curve, as a table or CSV. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows a portfolio's value at the end of each trading day.",
            "Per day: cash, market value, equity, deposits and withdrawals, dividends, fees and the day's time-weighted return",
            "(flows count from the start of their day). A close carried forward from an earlier day is marked. First books",
            "the dividends and splits due, like show."})
final class HistoryCommand extends PeriodCommand {

    @Option(names = "--csv", description = "Print CSV instead: a header row, then one row per day, decimals exact.")
    boolean csv;

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        EquityCurve curve = curve(session, portfolio, csv ? null : out());
        if (csv) {
            printCsv(curve, out());
        } else {
            printTable(curve, out());
        }
        return ErasmoApp.EXIT_OK;
    }

    static void printTable(EquityCurve c, PrintWriter out) {
        String ccy = c.portfolio().baseCurrency().getCurrencyCode();
        out.println("Portfolio '" + c.portfolio().name() + "' (" + ccy + ") day by day, " + c.from() + " to " + c.to());
        out.println();
        Table t = new Table().left("DATE").right("CASH").right("MARKET VALUE").right("EQUITY").right("FLOW").right("INCOME").right("FEES")
                .right("RETURN").left("");
        for (DailyValue d : c.days()) {
            t.row(d.date().toString(), amount(d.cash()), amount(d.marketValue()), amount(d.equity()), flow(d.externalFlow()), flow(d.income()),
                    flow(d.fees()), d.dailyReturn() == null ? Text.NONE : Text.percent(ratio(d.dailyReturn())), note(d));
        }
        t.print(out);
        if (c.days().isEmpty()) {
            out.println("(no day to show between these dates)");
        }
        out.println();
        out.println("Time-weighted return: " + (PerformanceCommand.finite(c.timeWeightedReturn())
                ? Text.percent(ratio(c.timeWeightedReturn().getAsDouble())) : Text.NONE) + " (daily returns linked; deposits and withdrawals are not gains)");
    }

    private static void printCsv(EquityCurve c, PrintWriter out) {
        out.println("date,currency,cash,market_value,equity,external_flow,income,fees,daily_return,carried,missing");
        String ccy = c.portfolio().baseCurrency().getCurrencyCode();
        for (DailyValue d : c.days()) {
            out.println(String.join(",", d.date().toString(), ccy, amount(d.cash()), amount(d.marketValue()), amount(d.equity()),
                    amount(d.externalFlow()), amount(d.income()), amount(d.fees()),
                    d.dailyReturn() == null ? "" : ratio(d.dailyReturn()).toPlainString(),
                    d.carried().stream().map(Object::toString).collect(Collectors.joining(" ")),
                    String.join(" ", d.missing()).replace(',', ';')));
        }
    }

    /** A daily return as a decimal of at most 10 places (the double's shortest form, rounded half-even). */
    static BigDecimal ratio(double r) {
        BigDecimal d = BigDecimal.valueOf(r).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String amount(Money m) {
        return m.amount().toPlainString();
    }

    private static String flow(Money m) {
        return m.isZero() ? "" : m.amount().toPlainString();
    }

    private static String note(DailyValue d) {
        StringBuilder b = new StringBuilder();
        if (!d.carried().isEmpty()) {
            b.append("carried: ").append(d.carried().stream().map(Object::toString).collect(Collectors.joining(" ")));
        }
        if (!d.missing().isEmpty()) {
            b.append(b.length() == 0 ? "" : "; ").append("missing: ").append(String.join("; ", d.missing()));
        }
        return b.toString();
    }
}
