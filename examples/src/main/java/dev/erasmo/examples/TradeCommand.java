package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.TradeRequest;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.quote.MarketState;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A buy or sell: at {@code --price}, or else at the quote data's close as of {@code --at} (the
 * latest close without it), which the report names with its date. Not thread-safe.
 */
abstract class TradeCommand extends PortfolioCommand {

    @Parameters(index = "1", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "The ticker, e.g. AAPL, BRK.B or OCDO.L (any that Yahoo Finance has); with --quotes sample or csv:DIR, one"
                    + " the data has (an unknown one is refused, naming those there are).")
    Symbol symbol;

    @Parameters(index = "2", paramLabel = "QTY", converter = Converters.Units.class,
            description = "How many units, above zero; fractions allowed (up to " + Quantity.MAX_SCALE + " decimals).")
    Quantity quantity;

    @Option(names = "--at", paramLabel = "DATE", converter = Converters.At.class,
            description = "When it takes effect: YYYY-MM-DD (00:00 UTC) or an ISO instant (default: now).")
    @Nullable Instant at;

    @Option(names = "--price", paramLabel = "P", converter = Converters.Positive.class,
            description = "The price per unit (default: the close on or before --at's date; without --at the latest quote, which while"
                    + " the market is open is the ask for a buy and the bid for a sell).")
    @Nullable BigDecimal price;

    @Option(names = "--fee", paramLabel = "F", converter = Converters.NotNegative.class,
            description = "A fee in the instrument's currency (default: none).")
    @Nullable BigDecimal fee;

    @Mixin
    KeyOption key;

    @Override
    final int run(Session session, PortfolioInfo portfolio) {
        Erasmo erasmo = session.erasmo();
        Instant when = session.at(at);
        if (key.key != null && erasmo.portfolio(portfolio.id()).findEntry(key.key).isPresent()) {
            // sent again with its key: erasmo returns the first trade (or refuses a key used for another command), and no
            // quote is needed for that
            return report(book(erasmo, portfolio.id(), new TradeRequest(symbol, quantity, at == null ? null : when, price, fee), key.key),
                    session, portfolio, when, null);
        }
        @Nullable LocalDate date = at == null ? null : erasmo.dateOf(when);
        // what can fail on the data or on a value fails before anything is written: an unknown symbol, no close, a fee in
        // fractions of a cent
        Quote quote = price != null ? null : session.quotes().quote(symbol, date);
        checkAmounts(session, portfolio, when, quote);
        // a trade sees the dividends and splits due before it, as at a broker: a sell after a split sells post-split units
        session.bookCorporateActions(portfolio, erasmo.dateOf(when), out());
        if (quote != null) {
            // again, as erasmo is about to (cached): a latest quote may have moved while the corporate actions were read
            quote = session.quotes().quote(symbol, date);
        }
        // without --price erasmo prices the trade itself from the same (cached) quote: a live quote fills at the ask or the bid
        return report(book(erasmo, portfolio.id(), new TradeRequest(symbol, quantity, at == null ? null : when, price, fee), key.key),
                session, portfolio, when, quote);
    }

    /** Prints the booked trade, or why it was rejected; returns the exit code. */
    private int report(CommandResult result, Session session, PortfolioInfo portfolio, Instant when, @Nullable Quote quote) {
        if (result instanceof CommandResult.Rejected r) {
            return rejected(r, hint(session, portfolio, when, r.rejection(), quote));
        }
        CommandResult.Booked booked = (CommandResult.Booked) result;
        Trade t = trade(booked.entry().event());
        String source = booked.replayed() ? "" : quote == null ? " (given price)" : quote.marketState() == MarketState.CLOSED
                ? " (close of " + quote.date() + ")" : " (" + quote.marketState().toString().toLowerCase(java.util.Locale.ROOT)
                + " market, price of " + Text.time(Objects.requireNonNull(quote.time())) + ")";
        out().println(t.done() + " " + t.quantity() + " " + t.symbol() + " @ " + Text.price(t.price()) + source + " on "
                + Text.time(booked.entry().event().at()) + ", fee " + t.fee() + ": " + t.cash() + "; " + cashAfter(booked, t.price().currency())
                + (booked.replayed() ? key.already() : ""));
        return ErasmoApp.EXIT_OK;
    }

    /**
     * Refuses a price with more decimals than a price takes, or a fee with more than the
     * instrument's currency has, as erasmo would when booking the trade; the currency is the
     * quote's, else the held position's, else the quote data's, else the portfolio's base.
     */
    private void checkAmounts(Session session, PortfolioInfo portfolio, Instant when, @Nullable Quote quote) {
        if (price != null) {
            try {
                Price.of(portfolio.baseCurrency(), price);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid --price: " + e.getMessage(), e);
            }
        }
        if (fee == null) {
            return;
        }
        Currency currency = quote != null ? quote.price().currency() : session.erasmo().portfolio(portfolio.id()).state()
                .findPosition(symbol).map(p -> p.instrument().currency()).orElse(null);
        if (currency == null) {
            try {
                currency = session.quotes().source().asOf(symbol, session.erasmo().dateOf(when)).price().currency();
            } catch (QuoteNotFoundException e) {
                currency = portfolio.baseCurrency();
            }
        }
        try {
            Money.of(currency, fee);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid --fee: " + e.getMessage(), e);
        }
    }

    /** Books the trade. */
    abstract CommandResult book(Erasmo erasmo, PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key);

    /** The figures of the booked trade for its report. */
    abstract Trade trade(LedgerEvent booked);

    /** What to add to a rejection's message to say how to fix it; empty for nothing. */
    String hint(Session session, PortfolioInfo portfolio, Instant when, Rejection rejection, @Nullable Quote quote) {
        return "";
    }

    /**
     * A booked trade as reported.
     *
     * @param done the verb, "bought" or "sold"
     * @param quantity the units
     * @param symbol the symbol
     * @param price the price per unit
     * @param fee the fee
     * @param cash the cash it moved, e.g. "paid USD 5490.30"
     */
    record Trade(String done, Quantity quantity, Symbol symbol, Price price, Money fee, String cash) {
    }
}
