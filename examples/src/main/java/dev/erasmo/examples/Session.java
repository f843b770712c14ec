package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.store.PortfolioNotFoundException;
import dev.erasmo.store.PortfolioStore;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of the app: erasmo wired to the opened store and the quote data. Closing it closes the
 * store. Not thread-safe.
 */
final class Session implements AutoCloseable {

    private final Erasmo erasmo;
    private final PortfolioStore store;
    private final QuoteData quotes;
    private final Clock clock;
    private final Owner owner;

    Session(Erasmo erasmo, PortfolioStore store, QuoteData quotes, Clock clock, Owner owner) {
        this.erasmo = erasmo;
        this.store = store;
        this.quotes = quotes;
        this.clock = clock;
        this.owner = owner;
    }

    /** The owner every command of this run acts for. */
    Owner owner() {
        return owner;
    }

    Erasmo erasmo() {
        return erasmo;
    }

    QuoteData quotes() {
        return quotes;
    }

    /** The owner's portfolio of that name. */
    PortfolioInfo portfolio(String name) {
        return erasmo.findPortfolio(owner, name).orElseThrow(() -> new PortfolioNotFoundException(
                "no portfolio named '" + name + "' of owner " + owner + " (see 'erasmo list')"));
    }

    /**
     * Books the dividends and splits in the quote data for what the portfolio held on each ex-date
     * up to a date, once each, and says so on {@code out} (if not null).
     */
    void bookCorporateActions(PortfolioInfo portfolio, java.time.LocalDate through, java.io.@Nullable PrintWriter out) {
        for (dev.erasmo.CommandResult r : erasmo.bookCorporateActions(portfolio.id(), through)) {
            if (out != null) {
                out.println(r instanceof dev.erasmo.CommandResult.Booked b
                        ? "booked from the quote data: " + dev.erasmo.portfolio.Portfolio.describe(b.entry().event())
                        : "not booked from the quote data: " + ((dev.erasmo.CommandResult.Rejected) r).rejection().message());
            }
        }
    }

    /** The time given with {@code --at}, or now; never in the future. */
    Instant at(@Nullable Instant at) {
        return at(at, "--at");
    }

    /** The time given with an option, or now; never in the future (the error names the option). */
    Instant at(@Nullable Instant at, String option) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException(option + " " + Text.time(at) + " is in the future (now is " + now + ")");
        }
        return at;
    }

    @Override
    public void close() {
        if (store instanceof dev.erasmo.store.jdbc.JdbcPortfolioStore c) {
            c.close();
        }
    }
}
