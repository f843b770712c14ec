package dev.erasmo.valuation;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Lot;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds portfolio states and snapshots for the valuation tests. */
final class Fixtures {

    static final Currency USD = Currencies.of("USD");
    static final Currency EUR = Currencies.of("EUR");
    static final Currency JPY = Currencies.of("JPY");
    static final Currency BHD = Currencies.of("BHD");
    static final LocalDate DAY = LocalDate.of(2013, 12, 31);

    private Fixtures() {
    }

    /** A position of one lot. */
    static Position position(String symbol, Currency currency, BigDecimal quantity, BigDecimal cost) {
        return Position.of(Instrument.of(Symbol.of(symbol), currency),
                List.of(new Lot(Instant.EPOCH, Quantity.of(quantity), Money.of(currency, cost))));
    }

    /** A position of one lot, from strings: {@code position("AAPL", "USD", "3", "0.90")}. */
    static Position position(String symbol, String currency, String quantity, String cost) {
        return position(symbol, Currencies.of(currency), new BigDecimal(quantity), new BigDecimal(cost));
    }

    /** A state holding the positions and the cash, with nothing else booked. */
    static PortfolioState state(List<Money> cash, List<Position> positions) {
        Map<Currency, Money> c = cash.stream().collect(Collectors.toMap(Money::currency, Function.identity(), Money::plus));
        Map<Symbol, Position> p = new HashMap<>();
        positions.forEach(pos -> p.put(pos.instrument().symbol(), pos));
        return new PortfolioState(c, p, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A state holding the positions and no cash. */
    static PortfolioState state(Position... positions) {
        return state(List.of(), Arrays.asList(positions));
    }

    /** A snapshot from "SYMBOL=USD 1.23" pairs. */
    static PriceSnapshot snapshot(String... prices) {
        Map<Symbol, MarketPrice> m = new HashMap<>();
        for (String s : prices) {
            String[] parts = s.split("=", 2);
            m.put(Symbol.of(parts[0]), new MarketPrice(Price.parse(parts[1]), DAY));
        }
        return PriceSnapshot.of(m);
    }

    /** Compiles the state and values it against the snapshot through the fast path. */
    static HoldingsValue fast(PortfolioState state, PriceSnapshot snapshot, Currency currency) {
        SymbolIndex index = SymbolIndex.create();
        PriceVector prices = PriceVector.of(index, snapshot, currency);
        return Holdings.of(index, state, currency).valueAt(prices);
    }
}
