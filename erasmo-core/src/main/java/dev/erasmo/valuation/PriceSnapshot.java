package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per symbol, at one moment, to value portfolios against.
 *
 * <p>Immutable and thread-safe.
 *
 * @param prices the price of each symbol
 */
public record PriceSnapshot(Map<Symbol, MarketPrice> prices) {

    /** An empty snapshot. */
    public static final PriceSnapshot EMPTY = new PriceSnapshot(Map.of());

    /**
     * Copies the map.
     *
     * @param prices the price of each symbol
     */
    public PriceSnapshot {
        prices = Map.copyOf(prices);
    }

    /**
     * Creates a snapshot.
     *
     * @param prices the prices
     * @return the snapshot
     */
    public static PriceSnapshot of(Map<Symbol, MarketPrice> prices) {
        return new PriceSnapshot(prices);
    }

    /**
     * The price of a symbol.
     *
     * @param symbol the symbol
     * @return its price, or empty if the snapshot has none
     */
    public Optional<MarketPrice> find(Symbol symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }
}
