package dev.erasmo.examples;

import dev.erasmo.portfolio.PortfolioInfo;
import picocli.CommandLine.Command;

/** {@code erasmo delete}: a portfolio and its whole ledger. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a portfolio and its whole ledger.")
final class DeleteCommand extends PortfolioCommand {

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        long events = session.erasmo().portfolio(portfolio.id()).version();
        session.erasmo().deletePortfolio(portfolio.id());
        out().println("deleted portfolio '" + portfolio.name() + "' and its " + events + (events == 1 ? " event" : " events"));
        return ErasmoApp.EXIT_OK;
    }
}
