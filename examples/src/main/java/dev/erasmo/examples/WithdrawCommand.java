package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code erasmo withdraw}: cash out of a portfolio, never more than it holds then or later. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Withdraws cash, now or back-dated with --at; rejected if it leaves any later event without cash.")
final class WithdrawCommand extends CashCommand {

    @Override
    CommandResult book(Erasmo erasmo, PortfolioId id, Money cash, Instant when, @Nullable IdempotencyKey key) {
        return erasmo.withdraw(id, cash, when, key);
    }

    @Override
    Money amountOf(LedgerEvent booked) {
        return ((Withdrawal) booked).amount();
    }

    @Override
    String done() {
        return "withdrew";
    }
}
