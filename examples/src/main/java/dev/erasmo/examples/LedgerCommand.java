package dev.erasmo.examples;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioInfo;
import picocli.CommandLine.Command;

/** {@code erasmo ledger}: every event of a portfolio, in the order they take effect, with its number. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Lists a portfolio's events in the order they take effect, numbered as recorded (#1 is the first recorded).")
final class LedgerCommand extends PortfolioCommand {

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        Portfolio p = session.erasmo().portfolio(portfolio.id());
        if (p.version() == 0) {
            out().println("no events in '" + portfolio.name() + "'");
        }
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            out().println("#" + e.sequence() + "  " + Portfolio.describe(e.event()));
        }
        return ErasmoApp.EXIT_OK;
    }
}
