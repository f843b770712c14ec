package dev.erasmo.examples;

import dev.erasmo.Erasmo;
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

    Session(Erasmo erasmo, PortfolioStore store, QuoteData quotes, Clock clock) {
        this.erasmo = erasmo;
        this.store = store;
        this.quotes = quotes;
        this.clock = clock;
    }

    Erasmo erasmo() {
        return erasmo;
    }

    QuoteData quotes() {
        return quotes;
    }

    /** The local owner's portfolio of that name. */
    PortfolioInfo portfolio(String name) {
        return erasmo.findPortfolio(ErasmoApp.OWNER, name).orElseThrow(() -> new PortfolioNotFoundException(
                "no portfolio named '" + name + "' (see 'erasmo list')"));
    }

    /** The time given with {@code --at}, or now; never in the future. */
    Instant at(@Nullable Instant at) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException("--at " + Text.time(at) + " is in the future (now is " + now + ")");
        }
        return at;
    }

    @Override
    public void close() {
        quotes.done().run();
        if (store instanceof dev.erasmo.store.jdbc.JdbcPortfolioStore c) {
            c.close();
        }
    }
}
