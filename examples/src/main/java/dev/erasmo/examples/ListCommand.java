package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.portfolio.PortfolioInfo;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code erasmo list}: the local owner's portfolios. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the portfolios.")
final class ListCommand extends AppCommand {

    @Override
    int run(Session session) {
        Erasmo erasmo = session.erasmo();
        List<PortfolioInfo> all = erasmo.portfolios(session.owner());
        if (all.isEmpty()) {
            out().println("no portfolios of owner " + session.owner() + " yet: create one with 'erasmo create NAME --cash AMOUNT'");
            return ErasmoApp.EXIT_OK;
        }
        Table table = new Table().left("NAME").left("CURRENCY").left("COST METHOD").right("EVENTS").left("CREATED").left("ID");
        for (PortfolioInfo p : all) {
            table.row(p.name(), p.baseCurrency().getCurrencyCode(), p.costMethod().name(),
                    Long.toString(erasmo.portfolio(p.id()).version()), p.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(), p.id().value());
        }
        table.print(out());
        return ErasmoApp.EXIT_OK;
    }
}
