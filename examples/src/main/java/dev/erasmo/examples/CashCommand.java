package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A deposit or withdrawal of cash in the portfolio's base currency. Not thread-safe. */
abstract class CashCommand extends PortfolioCommand {

    @Parameters(index = "1", paramLabel = "AMOUNT", converter = Converters.Positive.class,
            description = "Cash in the portfolio's base currency, above zero, at most its minor unit (cents for USD).")
    BigDecimal amount;

    @Option(names = "--at", paramLabel = "DATE", converter = Converters.At.class,
            description = "When it takes effect: YYYY-MM-DD (00:00 UTC) or an ISO instant (default: now).")
    @Nullable Instant at;

    @Mixin
    KeyOption key;

    @Override
    final int run(Session session, PortfolioInfo portfolio) {
        Money cash = Money.of(portfolio.baseCurrency(), amount);
        Instant when = session.at(at);
        // the dividends and splits due first, as buy and sell do, so the cash reported includes them
        session.bookCorporateActions(portfolio, session.erasmo().dateOf(when), out());
        CommandResult result = book(session.erasmo(), portfolio.id(), cash, when, key.key);
        if (result instanceof CommandResult.Rejected r) {
            return rejected(r, "");
        }
        CommandResult.Booked booked = (CommandResult.Booked) result;
        // what was booked, which for a command sent again with its key is the first one
        out().println(done() + " " + amountOf(booked.entry().event()) + " on " + Text.time(booked.entry().event().at()) + "; "
                + cashAfter(booked, portfolio.baseCurrency()) + (booked.replayed() ? key.already() : ""));
        return ErasmoApp.EXIT_OK;
    }

    /** Books the cash movement. */
    abstract CommandResult book(Erasmo erasmo, PortfolioId id, Money cash, Instant when, @Nullable IdempotencyKey key);

    /** The cash a booked movement moved. */
    abstract Money amountOf(LedgerEvent booked);

    /** The past tense of the command, for its report. */
    abstract String done();
}
