package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers symbols {@code 0, 1, 2, ...} in the order they are first seen, so that a
 * {@link PriceVector} and the {@link Holdings} of many portfolios can meet by array index instead
 * of by map look-up.
 *
 * <p>A symbol keeps its number for the life of the index, and the index only grows: share one
 * index per universe of symbols (a game, a market), not one per tick. A price vector and the
 * holdings valued against it must come from the same index.
 *
 * <p>Thread-safe: looking up a known symbol takes no lock; numbering a new one takes a short lock.
 */
public final class SymbolIndex {

    private final ConcurrentHashMap<Symbol, Integer> numbers = new ConcurrentHashMap<>();
    private int next;

    private SymbolIndex() {
    }

    /**
     * Creates an empty index.
     *
     * @return a new index
     */
    public static SymbolIndex create() {
        return new SymbolIndex();
    }

    /**
     * Returns the number of a symbol, giving it the next free number if it has none yet.
     *
     * @param symbol the symbol
     * @return its number, from zero to {@link #size()} minus one
     */
    public int intern(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        Integer known = numbers.get(symbol);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return numbers.computeIfAbsent(symbol, s -> next++);
        }
    }

    /**
     * Tells how many symbols have a number.
     *
     * @return the count; every number given out so far is below it
     */
    public int size() {
        return numbers.size();
    }
}
