package dev.erasmo.valuation;

import static dev.erasmo.valuation.Fixtures.BHD;
import static dev.erasmo.valuation.Fixtures.DAY;
import static dev.erasmo.valuation.Fixtures.EUR;
import static dev.erasmo.valuation.Fixtures.JPY;
import static dev.erasmo.valuation.Fixtures.USD;
import static dev.erasmo.valuation.Fixtures.position;
import static dev.erasmo.valuation.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests: for seeded random portfolios and snapshots, {@link Holdings#valueAt(PriceVector)}
 * equals the BigDecimal definition {@link HoldingsValue#of(PortfolioState, PriceSnapshot, Currency)}
 * field for field. A failure message names the seed and the portfolio, so it can be replayed.
 */
class HoldingsPropertyTest {

    private static final List<Currency> CURRENCIES = List.of(USD, JPY, BHD, EUR);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Test
    void valueAt_thousandsOfRandomPortfolios_equalsExactDefinition() {
        long seed = 20261203L;
        Random random = new Random(seed);
        int compared = 0;
        int unpriced = 0;
        int largeValues = 0;
        for (int round = 0; round < 50; round++) {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            Currency other = currency.equals(USD) ? EUR : USD;
            SymbolIndex index = SymbolIndex.create();
            int universe = 200 + random.nextInt(3000);
            PriceSnapshot snapshot = randomSnapshot(random, universe, currency, other);
            PriceVector vector = PriceVector.of(index, snapshot, currency);
            for (int n = 0; n < 100; n++) {
                int positions = random.nextInt(20) == 0 ? 500 + random.nextInt(2500) : random.nextInt(40);
                PortfolioState state = randomState(random, universe + 50, positions, currency, other);
                HoldingsValue fast = Holdings.of(index, state, currency).valueAt(vector);
                HoldingsValue exact = HoldingsValue.of(state, snapshot, currency);

                assertThat(fast).as("seed %d round %d portfolio %d", seed, round, n).isEqualTo(exact);
                compared++;
                unpriced += fast.unpriced();
                largeValues += fast.marketValue().amount().compareTo(new BigDecimal("1e12")) > 0 ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(5000);
        assertThat(unpriced).as("unpriced positions exercised").isGreaterThan(1000);
        assertThat(largeValues).as("values beyond 64-bit products exercised").isGreaterThan(1000);
    }

    @Test
    void valueAt_randomPortfoliosOnExactRoundingTies_equalsExactDefinition() {
        // every total is built to sit exactly half a minor unit between two amounts
        long seed = 42L;
        Random random = new Random(seed);
        int roundedUp = 0;
        int roundedDown = 0;
        for (int n = 0; n < 3000; n++) {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            BigDecimal unit = BigDecimal.ONE.movePointLeft(Currencies.minorUnits(currency));
            Book book = new Book(currency);
            BigDecimal sum = BigDecimal.ZERO;
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                // quantity and price decimals add up to at most 8, so the last price can fix the total
                int quantityScale = random.nextInt(5);
                BigDecimal quantity = randomDecimal(random, quantityScale, 1 + random.nextInt(10));
                BigDecimal price = randomDecimal(random, random.nextInt(9 - quantityScale), 1 + random.nextInt(10));
                book.add("S" + i, quantity, price);
                sum = sum.add(quantity.multiply(price));
            }
            // last price = unit/2 - (sum mod unit) + j × unit, with j >= 1 so it is above zero
            BigDecimal last = unit.divide(TWO).subtract(sum.remainder(unit)).add(unit.multiply(BigDecimal.valueOf(1 + random.nextInt(1000))));
            book.add("TIE", BigDecimal.ONE, last);
            BigDecimal total = sum.add(last);
            assertThat(total.remainder(unit)).isEqualByComparingTo(unit.divide(TWO));

            HoldingsValue fast = book.valueFastAndCheck("seed " + seed + " portfolio " + n);

            if (fast.marketValue().amount().compareTo(total) > 0) {
                roundedUp++;
            } else {
                roundedDown++;
            }
        }
        assertThat(roundedUp).as("ties rounded up to even").isGreaterThan(1000);
        assertThat(roundedDown).as("ties rounded down to even").isGreaterThan(1000);
    }

    @Test
    void valueAt_thousandsOfPositionsNearTheLongLimits_accumulatesBeyond128BitsExactly() {
        // each scaled price and quantity is in [2^62, 2^63), so each product is at least 2^124 and
        // 2,000 of them need about 135 bits
        long seed = 7L;
        Random random = new Random(seed);
        for (int n = 0; n < 20; n++) {
            Book book = new Book(USD);
            for (int i = 0; i < 2000; i++) {
                book.add("S" + i, BigDecimal.valueOf(Long.MIN_VALUE >>> 1 | random.nextLong() >>> 2, 9),
                        BigDecimal.valueOf(Long.MIN_VALUE >>> 1 | random.nextLong() >>> 2, 8));
            }

            HoldingsValue fast = book.valueFastAndCheck("seed " + seed + " portfolio " + n);

            assertThat(fast.marketValue().amount().movePointRight(17).toBigInteger().bitLength()).isGreaterThan(128);
        }
    }

    @Test
    void valueAt_randomSingleCurrencyPortfolios_differsFromValuationByAtMostHalfAUnitPerPosition() {
        // Valuation rounds per position, the fast path once: each position's rounding moves the
        // total by at most half a minor unit
        long seed = 99L;
        Random random = new Random(seed);
        for (int n = 0; n < 1000; n++) {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            int universe = 100;
            PriceSnapshot snapshot = randomSnapshot(random, universe, currency, currency);
            PortfolioState state = randomState(random, universe, random.nextInt(30), currency, currency);

            HoldingsValue fast = Fixtures.fast(state, snapshot, currency);
            Valuation valuation = Valuation.of(state, snapshot, FxRates.none(currency));

            BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Currencies.minorUnits(currency)).divide(TWO);
            BigDecimal difference = fast.marketValue().minus(valuation.marketValue()).amount().abs();
            assertThat(difference).as("seed %d portfolio %d", seed, n)
                    .isLessThanOrEqualTo(halfUnit.multiply(BigDecimal.valueOf(fast.priced())));
            assertThat(fast.costBasis()).isEqualTo(valuation.costBasis());
            assertThat(fast.priced() + fast.unpriced()).isEqualTo(valuation.positions().size());
            assertThat(fast.unpriced()).isEqualTo(valuation.positions().stream().filter(p -> !p.isPriced()).count());
        }
    }

    @Test
    void valueAt_wholeMinorUnitProducts_equalsValuationMarketValue() {
        // whole quantities at prices with no more decimals than the currency: nothing to round
        long seed = 5L;
        Random random = new Random(seed);
        for (int n = 0; n < 1000; n++) {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            int minor = Currencies.minorUnits(currency);
            Book book = new Book(currency);
            for (int i = 0; i < random.nextInt(50); i++) {
                book.add("S" + i, randomDecimal(random, 0, 1 + random.nextInt(9)), randomDecimal(random, minor, 1 + random.nextInt(9)));
            }

            HoldingsValue fast = book.valueFastAndCheck("seed " + seed + " portfolio " + n);

            assertThat(fast.marketValue()).as("seed %d portfolio %d", seed, n)
                    .isEqualTo(Valuation.of(book.state(), book.snapshot(), FxRates.none(currency)).marketValue());
        }
    }

    /**
     * Prices for symbols {@code S0..S(universe-1)}: about 1 in 10 missing, 1 in 20 in the other
     * currency, the rest in the currency.
     */
    private static PriceSnapshot randomSnapshot(Random random, int universe, Currency currency, Currency other) {
        Map<Symbol, MarketPrice> prices = new HashMap<>();
        for (int i = 0; i < universe; i++) {
            int pick = random.nextInt(20);
            if (pick < 2) {
                continue;
            }
            prices.put(Symbol.of("S" + i), marketPrice(pick == 2 ? other : currency, randomValue(random, Price.MAX_SCALE)));
        }
        return PriceSnapshot.of(prices);
    }

    /** A state of distinct random symbols from {@code S0..S(universe-1)}, about 1 in 20 in the other currency. */
    private static PortfolioState randomState(Random random, int universe, int positions, Currency currency, Currency other) {
        Map<Symbol, Position> held = new HashMap<>();
        for (int i = 0; i < positions; i++) {
            Currency c = random.nextInt(20) == 0 ? other : currency;
            BigDecimal cost = BigDecimal.valueOf(random.nextLong() >>> (1 + random.nextInt(63)), Currencies.minorUnits(c));
            Position p = position("S" + random.nextInt(universe), c, randomValue(random, 9), cost);
            held.put(p.instrument().symbol(), p);
        }
        List<Money> cash = List.of(Money.of(currency, BigDecimal.valueOf(random.nextInt(1_000_000))),
                Money.of(other, BigDecimal.valueOf(random.nextInt(3))));
        return state(cash, new ArrayList<>(held.values()));
    }

    /**
     * A random value above zero with up to {@code maxScale} decimals: mostly of 1 to 18 digits,
     * 1 in 25 with its scaled long right at the limit, 1 in 25 too large for a long when scaled.
     */
    private static BigDecimal randomValue(Random random, int maxScale) {
        int pick = random.nextInt(25);
        if (pick == 0) {
            return BigDecimal.valueOf(Long.MAX_VALUE - random.nextInt(1000), maxScale);
        }
        if (pick == 1) {
            return BigDecimal.valueOf(Long.MAX_VALUE - random.nextInt(1000), maxScale).add(BigDecimal.ONE);
        }
        return randomDecimal(random, random.nextInt(maxScale + 1), 1 + random.nextInt(18));
    }

    /** A random decimal above zero of up to {@code digits} digits, {@code scale} of them decimals. */
    private static BigDecimal randomDecimal(Random random, int scale, int digits) {
        long bound = BigDecimal.TEN.pow(digits).longValueExact();
        return BigDecimal.valueOf(1 + (random.nextLong() >>> 1) % (bound - 1), scale).setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Positions of cost 1 and their prices, all in one currency, built side by side. */
    private static final class Book {
        private final Currency currency;
        private final List<Position> positions = new ArrayList<>();
        private final Map<Symbol, MarketPrice> prices = new HashMap<>();

        Book(Currency currency) {
            this.currency = currency;
        }

        void add(String symbol, BigDecimal quantity, BigDecimal price) {
            positions.add(position(symbol, currency, quantity, BigDecimal.ONE));
            prices.put(Symbol.of(symbol), marketPrice(currency, price));
        }

        PortfolioState state() {
            return Fixtures.state(List.of(), positions);
        }

        PriceSnapshot snapshot() {
            return PriceSnapshot.of(prices);
        }

        /** Values through the fast path and checks that it equals the definition. */
        HoldingsValue valueFastAndCheck(String description) {
            HoldingsValue fast = Fixtures.fast(state(), snapshot(), currency);
            assertThat(fast).as(description).isEqualTo(HoldingsValue.of(state(), snapshot(), currency));
            return fast;
        }
    }

    private static MarketPrice marketPrice(Currency currency, BigDecimal amount) {
        return new MarketPrice(Price.of(currency, amount), DAY);
    }
}
