package dev.erasmo.examples;

import dev.erasmo.money.Money;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.io.PrintWriter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@code erasmo show} as aligned plain-text tables: holdings, then the totals in the base currency. */
final class ValuationTable {

    private ValuationTable() {
    }

    static void print(ValuationReport report, PrintWriter out) {
        Valuation v = report.valuation();
        String base = v.baseCurrency().getCurrencyCode();
        out.println("Portfolio '" + report.portfolio().name() + "' (" + base + ", " + report.portfolio().costMethod() + ") as of "
                + report.asOf() + (report.latestQuotes() ? ", at the latest prices" : ", at the closes on or before that date"));
        out.println();
        if (v.positions().isEmpty()) {
            out.println("No holdings.");
        } else {
            Table holdings = new Table().left("SYMBOL").left("CCY").right("QUANTITY").right("PRICE").left("PRICE DATE")
                    .right("MARKET VALUE").right("COST BASIS").right("UNREALIZED P&L").right("WEIGHT").left("");
            for (PositionValuation p : v.positions()) {
                holdings.row(p.instrument().symbol().value(), p.instrument().currency().getCurrencyCode(), p.quantity().toString(),
                        or(p.price(), m -> Text.amount(m.price())), or(p.price(), m -> m.date().toString()),
                        amount(p.marketValue()), amount(p.costBasis()), amount(p.unrealizedPnl()), Text.percent(p.weight()),
                        p.isPriced() ? "" : "UNPRICED");
            }
            holdings.print(out);
        }
        out.println();
        Table totals = new Table().left("").left("").right("");
        if (v.cash().keySet().stream().allMatch(v.baseCurrency()::equals)) {
            totals.row("Cash", base, amount(v.cashInBase()));
        } else {
            report.cash().forEach(cash -> totals.row("Cash", cash.currency().getCurrencyCode(), amount(cash)));
            totals.row("Cash in " + base, base, amount(v.cashInBase()));
        }
        totals.row("Market value", base, amount(v.marketValue()))
                .row("Equity", base, amount(v.equity()))
                .row("Cost basis", base, amount(v.costBasis()))
                .row("Unrealized P&L", base, amount(v.unrealizedPnl()))
                .row("Realized P&L", base, amount(v.realizedPnl()))
                .row("Dividends", base, amount(v.dividends()))
                .row("Fees", base, amount(v.fees()))
                .row("Net deposits", base, amount(v.netDeposits()))
                .row("Total return", "", Text.percent(v.totalReturn()));
        totals.print(out);
        if (!v.isComplete()) {
            out.println();
            out.println("INCOMPLETE: left out of the totals: " + String.join("; ", v.missing()));
        }
    }

    private static String amount(@Nullable Money m) {
        return m == null ? Text.NONE : m.amount().toPlainString();
    }

    private static <T> String or(@Nullable T value, Function<T, String> text) {
        return value == null ? Text.NONE : text.apply(value);
    }
}
