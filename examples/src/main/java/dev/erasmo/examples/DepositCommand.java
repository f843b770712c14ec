package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioId;
import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code erasmo deposit}: cash into a portfolio. */
@Command(name = "deposit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deposits cash, now or back-dated with --at.")
final class DepositCommand extends CashCommand {

    @Override
    CommandResult book(Erasmo erasmo, PortfolioId id, Money cash, Instant when) {
        return erasmo.deposit(id, cash, when);
    }

    @Override
    String done() {
        return "deposited";
    }
}
