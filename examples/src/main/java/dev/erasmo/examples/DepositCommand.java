package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code erasmo deposit}: cash into a portfolio. */
@Command(name = "deposit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deposits cash, now or back-dated with --at.")
final class DepositCommand extends CashCommand {

    @Override
    CommandResult book(Erasmo erasmo, PortfolioId id, Money cash, Instant when, @Nullable IdempotencyKey key) {
        return erasmo.deposit(id, cash, when, key);
    }

    @Override
    Money amountOf(LedgerEvent booked) {
        return ((Deposit) booked).amount();
    }

    @Override
    String done() {
        return "deposited";
    }
}
