package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.TradeRequest;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.portfolio.PortfolioId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code erasmo sell}: units held, relieved by the portfolio's cost method (the fee reduces the proceeds). */
@Command(name = "sell", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sells units held at the close of a date (or --price); the fee reduces the proceeds.")
final class SellCommand extends TradeCommand {

    @Override
    CommandResult book(Erasmo erasmo, PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key) {
        return erasmo.sell(id, request, key);
    }

    @Override
    Trade trade(LedgerEvent booked) {
        Sell s = (Sell) booked;
        return new Trade("sold", s.quantity(), s.instrument().symbol(), s.price(), s.fee(), "received " + s.proceeds());
    }
}
