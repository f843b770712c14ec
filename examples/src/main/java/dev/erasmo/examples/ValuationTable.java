package dev.erasmo.examples;

import dev.erasmo.money.Money;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@code erasmo show} as aligned plain-text tables: holdings, then the totals in the base currency. */
final class ValuationTable {

    /** A column of the holdings: its header, and whether it holds text (aligned left) rather than figures (aligned right). */
    record Column(String header, boolean text) {
    }

    /** The columns of the holdings, one per cell of {@link #holding}. */
    static final List<Column> HOLDINGS = List.of(new Column("SYMBOL", true), new Column("CCY", true), new Column("QUANTITY", false),
            new Column("PRICE", false), new Column("PRICE DATE", true), new Column("MARKET VALUE", false), new Column("COST BASIS", false),
            new Column("UNREALIZED P&L", false), new Column("WEIGHT", false), new Column("", true));

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
            Table holdings = new Table();
            HOLDINGS.forEach(c -> {
                if (c.text()) {
                    holdings.left(c.header());
                } else {
                    holdings.right(c.header());
                }
            });
            v.positions().forEach(p -> holdings.row(holding(p)));
            holdings.print(out);
        }
        out.println();
        Table totals = new Table().left("").left("").right("");
        totals(report).forEach(totals::row);
        totals.print(out);
        if (!v.isComplete()) {
            out.println();
            out.println("INCOMPLETE: left out of the totals: " + String.join("; ", v.missing()));
        }
    }

    /** A position's cells under {@link #HOLDINGS}; an unpriced one is marked {@code UNPRICED}. */
    static String[] holding(PositionValuation p) {
        return new String[] {p.instrument().symbol().value(), p.instrument().currency().getCurrencyCode(), p.quantity().toString(),
            or(p.price(), m -> Text.amount(m.price())), or(p.price(), m -> m.date().toString()),
            amount(p.marketValue()), amount(p.costBasis()), amount(p.unrealizedPnl()), Text.percent(p.weight()),
            p.isPriced() ? "" : "UNPRICED"};
    }

    /** The totals as rows of {label, currency, amount}: cash (per currency when there are several), then the base totals. */
    static List<String[]> totals(ValuationReport report) {
        Valuation v = report.valuation();
        String base = v.baseCurrency().getCurrencyCode();
        List<String[]> rows = new ArrayList<>();
        if (v.cash().keySet().stream().allMatch(v.baseCurrency()::equals)) {
            rows.add(new String[] {"Cash", base, amount(v.cashInBase())});
        } else {
            report.cash().forEach(cash -> rows.add(new String[] {"Cash", cash.currency().getCurrencyCode(), amount(cash)}));
            rows.add(new String[] {"Cash in " + base, base, amount(v.cashInBase())});
        }
        rows.add(new String[] {"Market value", base, amount(v.marketValue())});
        rows.add(new String[] {"Equity", base, amount(v.equity())});
        rows.add(new String[] {"Cost basis", base, amount(v.costBasis())});
        rows.add(new String[] {"Unrealized P&L", base, amount(v.unrealizedPnl())});
        rows.add(new String[] {"Realized P&L", base, amount(v.realizedPnl())});
        rows.add(new String[] {"Dividends", base, amount(v.dividends())});
        rows.add(new String[] {"Fees", base, amount(v.fees())});
        rows.add(new String[] {"Net deposits", base, amount(v.netDeposits())});
        rows.add(new String[] {"Total return", "", Text.percent(v.totalReturn())});
        return rows;
    }

    /** An amount as the app prints money: its exact decimals, or {@link Text#NONE} when there is none. */
    static String amount(@Nullable Money m) {
        return m == null ? Text.NONE : m.amount().toPlainString();
    }

    private static <T> String or(@Nullable T value, Function<T, String> text) {
        return value == null ? Text.NONE : text.apply(value);
    }
}
