package dev.erasmo.quote;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A quote source over histories and quotes held in memory, for tests, simulations and
 * applications that bring their own data. The latest quote of a symbol is the one given with
 * {@link Builder#quote(Quote)}, or else the close of its last bar.
 *
 * <p>Immutable and thread-safe once built; the builder is not thread-safe.
 */
public final class InMemoryQuoteSource implements QuoteSource {

    private final Map<Symbol, PriceHistory> histories;
    private final Map<Symbol, Quote> quotes;

    private InMemoryQuoteSource(Builder b) {
        this.histories = Map.copyOf(b.histories);
        Map<Symbol, Quote> q = new HashMap<>();
        histories.forEach((s, h) -> {
            if (!h.bars().isEmpty()) {
                Bar last = h.bars().get(h.bars().size() - 1);
                q.put(s, new Quote(s, new Price(h.currency(), last.close()), last.date()));
            }
        });
        q.putAll(b.quotes);
        this.quotes = Map.copyOf(q);
    }

    /**
     * Starts a builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            Quote q = quotes.get(s);
            if (q != null) {
                result.put(s, q);
            }
        }
        return result;
    }

    @Override
    public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
        PriceHistory h = histories.get(symbol);
        if (h == null) {
            throw new QuoteNotFoundException("no history for " + symbol);
        }
        return h.between(from, to);
    }

    @Override
    public Quote asOf(Symbol symbol, LocalDate date) {
        PriceHistory h = histories.get(symbol);
        if (h == null) {
            throw new QuoteNotFoundException("no history for " + symbol);
        }
        return h.closeAsOf(date, AS_OF_LOOKBACK_DAYS);
    }

    /** Collects histories and quotes. Not thread-safe. */
    public static final class Builder {
        private final Map<Symbol, PriceHistory> histories = new HashMap<>();
        private final Map<Symbol, Quote> quotes = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds (or replaces) the full history of a symbol.
         *
         * @param history the history
         * @return this builder
         */
        public Builder history(PriceHistory history) {
            histories.put(history.symbol(), history);
            return this;
        }

        /**
         * Sets the latest quote of a symbol, overriding its last close.
         *
         * @param quote the quote
         * @return this builder
         */
        public Builder quote(Quote quote) {
            quotes.put(quote.symbol(), quote);
            return this;
        }

        /**
         * Builds the source.
         *
         * @return an immutable source
         */
        public InMemoryQuoteSource build() {
            return new InMemoryQuoteSource(this);
        }
    }
}
