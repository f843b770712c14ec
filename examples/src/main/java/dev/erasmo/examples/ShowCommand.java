package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.valuation.Valuation;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasmo show}: a portfolio's valuation, as a table or as one JSON document. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows a portfolio's valuation: holdings, cash, equity, P&L, dividends, fees, total return.",
            "Positions without a price are marked and the valuation is flagged incomplete.",
            "First books, once each, the dividends and splits in the quote data for what was held on each ex-date."})
final class ShowCommand extends PortfolioCommand {

    @Option(names = "--at", paramLabel = "DATE", converter = Converters.At.class,
            description = "Value as of the end of this date: its events, and each symbol's close on or before it"
                    + " (default: every event, at the latest prices).")
    @Nullable Instant at;

    @Option(names = "--json", description = "Print one JSON document instead (decimals as strings; see examples/README.md).")
    boolean json;

    @Override
    int run(Session session, PortfolioInfo portfolio) throws Exception {
        Erasmo erasmo = session.erasmo();
        Instant when = session.at(at);
        LocalDate date = erasmo.dateOf(when);
        // the dividends and splits in the quote data for what was held arrive by themselves, once
        session.bookCorporateActions(portfolio, date, json ? null : out());
        Valuation v = at == null ? erasmo.valuation(portfolio.id()) : erasmo.valuation(portfolio.id(), date);
        ValuationReport report = new ValuationReport(portfolio, date, at == null, v);
        if (json) {
            ValuationJson.print(report, out());
        } else {
            ValuationTable.print(report, out());
        }
        return ErasmoApp.EXIT_OK;
    }
}
