package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.RejectedException;
import dev.erasmo.store.DuplicatePortfolioException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code erasmo create}: a new portfolio, with an optional opening deposit. Either both are
 * written or neither, in one transaction.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates a portfolio, optionally with an opening deposit (back-dated with --at).")
final class CreateCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "A name not used yet (1 to 100 characters).")
    String name;

    @Option(names = "--cash", paramLabel = "AMOUNT", converter = Converters.Positive.class,
            description = "An opening deposit in the base currency, booked at --at.")
    @Nullable BigDecimal cash;

    @Option(names = "--at", paramLabel = "DATE", converter = Converters.At.class,
            description = "When the opening deposit is booked (default: now).")
    @Nullable Instant at;

    @Option(names = "--currency", paramLabel = "CODE", converter = Converters.CurrencyCode.class,
            description = "The base currency, an ISO 4217 code (default: " + Erasmo.DEFAULT_CURRENCY + ").")
    @Nullable Currency currency;

    @Option(names = "--cost-method", paramLabel = "fifo|average",
            description = "How sells relieve cost: fifo (oldest lots first, default) or average.")
    CostMethod costMethod = Erasmo.DEFAULT_COST_METHOD;

    @Mixin
    KeyOption key;

    @Override
    int run(Session session) {
        Erasmo erasmo = session.erasmo();
        Currency base = currency != null ? currency : Currencies.of(Erasmo.DEFAULT_CURRENCY);
        // everything that can be checked is checked before anything is written
        Money opening = cash == null ? null : Money.of(base, cash);
        Instant when = session.at(at);
        if (key.key != null && opening == null) {
            throw new IllegalArgumentException("--key goes with --cash: the key is kept with the opening deposit, the one thing create books");
        }
        Optional<PortfolioInfo> existing = erasmo.findPortfolio(session.owner(), name);
        boolean again = key.key != null && existing.isPresent() && erasmo.portfolio(existing.get().id()).findEntry(key.key).isPresent();
        if (existing.isPresent() && !again) {
            throw new DuplicatePortfolioException("a portfolio named '" + name + "' exists already (see 'erasmo list')");
        }
        // the portfolio and its opening deposit are stored together, or not at all
        List<LedgerEvent> openingEvents = opening == null ? List.of() : List.of(new Deposit(EventId.random(), when, opening));
        Portfolio created;
        try {
            created = erasmo.createPortfolio(session.owner(), name, base, costMethod, openingEvents, key.key);
        } catch (RejectedException r) {
            return rejected(new CommandResult.Rejected(r.rejection()), " (portfolio '" + name + "' not created)");
        }
        Currency createdIn = created.info().baseCurrency();
        out().println("created portfolio '" + created.info().name() + "' (" + createdIn.getCurrencyCode() + ", " + created.info().costMethod()
                + ")" + (again ? key.already() : ""));
        if (opening != null) {
            // what was deposited, which for the command sent again with its key is the first deposit
            LedgerEntry first = key.key != null ? created.findEntry(key.key).orElseThrow() : created.entries().get(0);
            Deposit d = (Deposit) first.event();
            out().println("deposited " + d.amount() + " on " + Text.time(d.at()) + "; cash: " + created.stateAfter(first).cash(createdIn));
        }
        return ErasmoApp.EXIT_OK;
    }
}
