package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.TradeRequest;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.quote.Quote;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code erasmo buy}: units of a symbol, paid from the portfolio's cash (fee included in the cost). */
@Command(name = "buy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Buys units of a symbol at the close of a date (or --price); the fee goes into the cost.")
final class BuyCommand extends TradeCommand {

    @Override
    CommandResult book(Erasmo erasmo, PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key) {
        return erasmo.buy(id, request, key);
    }

    @Override
    Trade trade(LedgerEvent booked) {
        Buy b = (Buy) booked;
        return new Trade("bought", b.quantity(), b.instrument().symbol(), b.price(), b.fee(), "paid " + b.cashPaid());
    }

    /**
     * A buy short of cash says how to fix it: a portfolio cannot get cash in another currency than
     * its base from the app, so trade that currency's instruments in a portfolio of that currency;
     * a buy dated before the portfolio has any cash: deposit earlier.
     */
    @Override
    String hint(Session session, PortfolioInfo portfolio, Instant when, Rejection rejection, @Nullable Quote quote) {
        java.util.Currency base = portfolio.baseCurrency();
        if (rejection.reason() == Rejection.Reason.INSUFFICIENT_CASH && quote != null && !quote.price().currency().equals(base)) {
            String code = quote.price().currency().getCurrencyCode();
            return "; '" + portfolio.name() + "' is in " + base.getCurrencyCode() + " and 'erasmo deposit' adds only " + base.getCurrencyCode()
                    + ": trade " + quote.symbol() + " in a portfolio created with --currency " + code + ", e.g. 'erasmo create NAME --cash AMOUNT"
                    + " --currency " + code + "'";
        }
        if (rejection.reason() != Rejection.Reason.INSUFFICIENT_CASH
                || session.erasmo().portfolio(portfolio.id()).stateAt(when).cash().values().stream().anyMatch(Money::isPositive)) {
            return "";
        }
        String date = session.erasmo().dateOf(when).toString();
        return "; '" + portfolio.name() + "' has no cash on or before " + Text.time(when)
                + ": deposit with an earlier --at first, e.g. 'erasmo deposit " + portfolio.name() + " AMOUNT --at " + date + "'";
    }
}
