package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
     * Returns the numbers of the given symbols, in their order, first numbering those that have
     * none yet in alphabetical order, so that the numbering does not depend on the iteration
     * order of a hash map.
     */
    int[] internAll(List<Symbol> symbols) {
        int[] result = new int[symbols.size()];
        List<Symbol> unknown = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            Integer known = numbers.get(symbols.get(i));
            result[i] = known != null ? known : -1;
            if (known == null) {
                unknown.add(symbols.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            Collections.sort(unknown);
            synchronized (this) {
                for (Symbol symbol : unknown) {
                    numbers.computeIfAbsent(symbol, s -> next++);
                }
            }
            for (int i = 0; i < result.length; i++) {
                if (result[i] < 0) {
                    result[i] = numbers.get(symbols.get(i));
                }
            }
        }
        return result;
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
