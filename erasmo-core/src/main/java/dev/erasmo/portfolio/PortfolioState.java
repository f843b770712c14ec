package dev.erasmo.portfolio;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of a portfolio at some point of its ledger: the pure fold of its events in
 * effective-time order. Derived, never stored as truth.
 *
 * <p>Maps are sorted (currencies by code, symbols alphabetically) and unmodifiable. Amounts are
 * per currency: cash, fees, dividends and net deposits in the currency they were booked in;
 * realized P&amp;L per symbol in the instrument's currency.
 *
 * <p>Fee accounting: a buy's fee is inside the lot's cost; a sell's fee reduces the proceeds and
 * so the realized P&amp;L; a {@code Fee} event is neither. {@link #fees()} counts all three.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cash cash per currency (may be zero, never negative)
 * @param positions open positions per symbol
 * @param realizedPnl realized P&amp;L per symbol ever sold: net proceeds minus relieved cost
 * @param fees total fees per currency (trade fees and fee events)
 * @param dividends total cash dividends received per currency
 * @param netDeposits deposits minus withdrawals per currency
 */
public record PortfolioState(Map<Currency, Money> cash, Map<Symbol, Position> positions, Map<Symbol, Money> realizedPnl,
        Map<Currency, Money> fees, Map<Currency, Money> dividends, Map<Currency, Money> netDeposits) {

    static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    /** The state of an empty ledger. */
    public static final PortfolioState EMPTY =
            new PortfolioState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * Copies every map into a sorted unmodifiable one.
     *
     * @param cash cash per currency (may be zero, never negative)
     * @param positions open positions per symbol
     * @param realizedPnl realized P&amp;L per symbol ever sold: net proceeds minus relieved cost
     * @param fees total fees per currency (trade fees and fee events)
     * @param dividends total cash dividends received per currency
     * @param netDeposits deposits minus withdrawals per currency
     */
    public PortfolioState {
        cash = sortedByCode(cash);
        positions = sorted(positions);
        realizedPnl = sorted(realizedPnl);
        fees = sortedByCode(fees);
        dividends = sortedByCode(dividends);
        netDeposits = sortedByCode(netDeposits);
    }

    /**
     * The cash held in a currency.
     *
     * @param currency the currency
     * @return the cash, zero if none was ever booked
     */
    public Money cash(Currency currency) {
        Money m = cash.get(currency);
        return m != null ? m : Money.zero(currency);
    }

    /**
     * The open position in a symbol.
     *
     * @param symbol the symbol
     * @return the position, or empty if none is open
     */
    public Optional<Position> findPosition(Symbol symbol) {
        return Optional.ofNullable(positions.get(symbol));
    }

    private static <V> Map<Currency, V> sortedByCode(Map<Currency, V> map) {
        TreeMap<Currency, V> m = new TreeMap<>(BY_CODE);
        m.putAll(map);
        return Collections.unmodifiableMap(m);
    }

    private static <V> Map<Symbol, V> sorted(Map<Symbol, V> map) {
        return SymbolMap.copyOf(map);
    }
}
