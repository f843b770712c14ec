package dev.erasmo.valuation;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Price;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prices of a {@link PriceSnapshot} in one currency, laid out by {@link SymbolIndex} number
 * for {@link Holdings#valueAt(PriceVector)}: build one per tick, value every portfolio against it.
 *
 * <p>Only the snapshot's prices in this vector's currency are kept; a symbol priced in another
 * currency counts as having no price here, and positions in it are reported as unpriced, never
 * valued at zero. Building the vector numbers the snapshot's symbols that are new to the index,
 * in alphabetical order.
 *
 * <p>Inside, a price is an exact {@code long} of its value at {@value dev.erasmo.money.Price#MAX_SCALE}
 * decimals; the rare price too large for that (92,233,720,368.54775807 or more) is kept exactly
 * aside and valued on an exact slower path.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceVector {

    /** Marks a number without a price in this vector. */
    static final long NO_PRICE = 0L;

    private final SymbolIndex index;
    private final Currency currency;
    /** Scaled price per symbol number; {@link #NO_PRICE}, or {@link Fixed#TOO_LARGE} for one in {@link #large}. */
    final long[] scaled;
    /** The exact price of each symbol whose scaled price is {@link Fixed#TOO_LARGE}. */
    private final Map<Integer, BigDecimal> large;
    private final int size;

    private PriceVector(SymbolIndex index, Currency currency, long[] scaled, Map<Integer, BigDecimal> large, int size) {
        this.index = index;
        this.currency = currency;
        this.scaled = scaled;
        this.large = Map.copyOf(large);
        this.size = size;
    }

    /**
     * Lays out the prices of a snapshot that are in the given currency.
     *
     * @param index the symbol numbering shared with the holdings to value
     * @param snapshot the prices
     * @param currency the currency of the prices to keep, and of the values computed
     * @return the vector
     * @throws IllegalArgumentException if the currency has no minor unit
     */
    public static PriceVector of(SymbolIndex index, PriceSnapshot snapshot, Currency currency) {
        Objects.requireNonNull(index, "index");
        Currencies.minorUnits(currency);
        List<Symbol> symbols = new ArrayList<>(snapshot.prices().size());
        List<Price> prices = new ArrayList<>(snapshot.prices().size());
        snapshot.prices().forEach((symbol, price) -> {
            symbols.add(symbol);
            prices.add(price.price());
        });
        int[] numbers = index.internAll(symbols);
        long[] scaled = new long[index.size()];
        Map<Integer, BigDecimal> large = new HashMap<>();
        int size = 0;
        for (int i = 0; i < numbers.length; i++) {
            Price price = prices.get(i);
            if (price.currency().equals(currency)) {
                scaled[numbers[i]] = Fixed.scaled(price.amount(), Fixed.PRICE_SCALE);
                if (scaled[numbers[i]] == Fixed.TOO_LARGE) {
                    large.put(numbers[i], price.amount());
                }
                size++;
            }
        }
        return new PriceVector(index, currency, scaled, large, size);
    }

    /**
     * The currency of the prices kept.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Tells how many symbols have a price in this vector.
     *
     * @return the count of the snapshot's prices in {@link #currency()}
     */
    public int size() {
        return size;
    }

    /** The symbol numbering this vector is laid out by. */
    SymbolIndex index() {
        return index;
    }

    /** The exact price of a symbol whose scaled price is {@link Fixed#TOO_LARGE}. */
    BigDecimal large(int number) {
        return large.get(number);
    }

    @Override
    public String toString() {
        return "PriceVector[" + size + " prices in " + currency.getCurrencyCode() + "]";
    }
}
