package dev.erasmo;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The fast way to the day values of a history in one currency: each symbol's close for every
 * day of the curve laid out once as an exact scaled {@code long}, and each day's market value the
 * sum of the positions' {@code quantity x price} each rounded half-even to the minor unit, exactly
 * as {@link dev.erasmo.valuation.Valuation#of} rounds them. Equal, field for field, to
 * {@link Erasmo#daily} (the tests check it on random ledgers); any input it does not take (another
 * currency, a number too large for a {@code long}) goes the general way.
 */
final class Curves {

    private static final long NO_PRICE = Long.MIN_VALUE;
    private static final long[] TENS = new long[19];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    private Curves() {
    }

    /** One symbol's close for each day of the curve, or {@link #NO_PRICE}. */
    private record Closes(long[] unscaled, int[] scale, boolean[] carried) {
    }

    /** A state laid out for valuing: held symbols, quantities as exact scaled longs, cash in minor units. */
    private record Layout(Symbol[] symbols, Position[] positions, Closes[] closes, long[] quantity, int[] quantityScale, long cash) {
    }

    /**
     * The day values, or empty when this way does not apply: every state, price and amount must be
     * in the base currency and fit a {@code long}.
     */
    static Optional<List<DailyValue>> fast(Currency base, List<LocalDate> dates, List<PortfolioState> states, Map<Symbol, PriceHistory> histories,
            Map<Symbol, LocalDate> firstBought) {
        int minor = base.getDefaultFractionDigits();
        if (minor < 0) {
            return Optional.empty();
        }
        long[] days = new long[dates.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = dates.get(i).toEpochDay();
        }
        Map<Symbol, Closes> closes = new HashMap<>();
        for (Map.Entry<Symbol, PriceHistory> h : histories.entrySet()) {
            if (!h.getValue().currency().equals(base)) {
                return Optional.empty();
            }
            // a symbol is never held before its first buy: its closes are laid out from then on
            LocalDate bought = firstBought.get(h.getKey());
            Closes c = layOut(h.getValue(), days, bought == null ? Long.MIN_VALUE : bought.toEpochDay());
            if (c == null) {
                return Optional.empty();
            }
            closes.put(h.getKey(), c);
        }
        List<DailyValue> out = new ArrayList<>(dates.size());
        PortfolioState laidOut = null;
        Layout layout = null;
        Money previousEquity = null;
        boolean previousComplete = false;
        Money zero = Money.zero(base);
        for (int day = 0; day < dates.size(); day++) {
            PortfolioState state = states.get(day);
            if (state != laidOut) {
                layout = layOut(state, base, minor, closes, layout);
                if (layout == null) {
                    return Optional.empty();
                }
                laidOut = state;
            }
            long mv = 0;
            List<Symbol> carried = List.of();
            TreeSet<String> missing = null;
            for (int i = 0; i < layout.symbols.length; i++) {
                Closes c = layout.closes[i];
                long p = c == null ? NO_PRICE : c.unscaled[day];
                if (p == NO_PRICE) {
                    missing = missing == null ? new TreeSet<>() : missing;
                    missing.add(layout.symbols[i] + ": no price");
                    continue;
                }
                long value = valueOf(layout.quantity[i], layout.quantityScale[i], p, c.scale[day], minor);
                if (value == NO_PRICE) {
                    return Optional.empty();
                }
                long sum = mv + value;
                if (((mv ^ sum) & (value ^ sum)) < 0) {
                    return Optional.empty(); // the market value does not fit a long: the general way
                }
                mv = sum;
                if (c.carried[day]) {
                    carried = carried.isEmpty() ? new ArrayList<>() : carried;
                    carried.add(layout.symbols[i]);
                }
            }
            long total = layout.cash + mv;
            if (((layout.cash ^ total) & (mv ^ total)) < 0) {
                return Optional.empty(); // the equity does not fit a long: the general way
            }
            Money cash = Money.of(base, BigDecimal.valueOf(layout.cash, minor));
            Money marketValue = Money.of(base, BigDecimal.valueOf(mv, minor));
            Money equity = Money.of(base, BigDecimal.valueOf(total, minor));
            Money flow = zero;
            Money income = zero;
            Money fees = zero;
            List<String> missingList = missing == null ? List.of() : new ArrayList<>(missing);
            if (day > 0) {
                PortfolioState prev = states.get(day - 1);
                Map<Symbol, dev.erasmo.quote.Quote> none = Map.of();
                List<String> fx = new ArrayList<>();
                flow = Erasmo.addChange(zero, prev.netDeposits(), state.netDeposits(), base, dates.get(day), none, fx);
                income = Erasmo.addChange(zero, prev.dividends(), state.dividends(), base, dates.get(day), none, fx);
                fees = Erasmo.addChange(zero, prev.fees(), state.fees(), base, dates.get(day), none, fx);
                if (!fx.isEmpty()) {
                    return Optional.empty();
                }
            }
            if (carried.size() > 1) {
                carried.sort(null);
            }
            Double r = previousEquity == null || !previousComplete || !missingList.isEmpty() ? null
                    : Erasmo.returnOf(previousEquity, flow, equity);
            out.add(new DailyValue(dates.get(day), cash, marketValue, equity, flow, income, fees, r, carried, missingList));
            previousEquity = equity;
            previousComplete = missingList.isEmpty();
        }
        return Optional.of(out);
    }

    /**
     * A history's close for each day: the last bar on or before it, at most the look-back old and
     * not from before a split on or before the day (as {@link PriceHistory#closeAsOf}); null if a
     * close does not fit a {@code long}.
     */
    private static Closes layOut(PriceHistory h, long[] days, long heldFrom) {
        int n = days.length;
        long[] unscaled = new long[n];
        int[] scale = new int[n];
        boolean[] carried = new boolean[n];
        List<Bar> bars = h.bars();
        List<SplitEvent> splits = h.splits();
        int start = 0;
        while (start < n && days[start] < heldFrom) {
            unscaled[start++] = NO_PRICE;
        }
        // the first bar within the look-back of the first day laid out
        int b = firstBarFrom(bars, start < n ? days[start] - QuoteSource.AS_OF_LOOKBACK_DAYS - 1 : Long.MAX_VALUE);
        int s = 0;
        long barDay = b < bars.size() ? bars.get(b).date().toEpochDay() : Long.MAX_VALUE;
        long splitDay = splits.isEmpty() ? Long.MAX_VALUE : splits.get(0).date().toEpochDay();
        long lastBarDay = Long.MIN_VALUE;
        long lastSplitDay = Long.MIN_VALUE;
        Bar last = null;
        long lastUnscaled = 0;
        int lastScale = 0;
        for (int day = start; day < n; day++) {
            long d = days[day];
            boolean moved = false;
            while (barDay <= d) {
                last = bars.get(b);
                lastBarDay = barDay;
                b++;
                barDay = b < bars.size() ? bars.get(b).date().toEpochDay() : Long.MAX_VALUE;
                moved = true;
            }
            while (splitDay <= d) {
                lastSplitDay = splitDay;
                s++;
                splitDay = s < splits.size() ? splits.get(s).date().toEpochDay() : Long.MAX_VALUE;
            }
            if (last == null || lastBarDay < d - QuoteSource.AS_OF_LOOKBACK_DAYS || lastSplitDay > lastBarDay) {
                unscaled[day] = NO_PRICE;
                continue;
            }
            if (moved) {
                BigDecimal close = last.close();
                if (close.scale() < 0 || close.scale() > 18) {
                    return null;
                }
                BigInteger u = close.unscaledValue();
                if (u.bitLength() > 62) {
                    return null;
                }
                lastUnscaled = u.longValue();
                lastScale = close.scale();
            }
            unscaled[day] = lastUnscaled;
            scale[day] = lastScale;
            carried[day] = lastBarDay < d;
        }
        return new Closes(unscaled, scale, carried);
    }

    /** The index of the first bar after an epoch day (binary search: bars are in date order). */
    private static int firstBarFrom(List<Bar> bars, long afterDay) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().toEpochDay() <= afterDay) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Lays out a state, reusing the previous layout's slot of every position that did not change (the fold shares them). */
    private static Layout layOut(PortfolioState state, Currency base, int minor, Map<Symbol, Closes> closes, Layout previous) {
        for (Currency c : state.cash().keySet()) {
            if (!c.equals(base)) {
                return null;
            }
        }
        for (Map<Currency, Money> totals : List.of(state.netDeposits(), state.dividends(), state.fees())) {
            for (Currency c : totals.keySet()) {
                if (!c.equals(base)) {
                    return null;
                }
            }
        }
        int n = state.positions().size();
        Symbol[] symbols = new Symbol[n];
        Position[] held = new Position[n];
        Closes[] cl = new Closes[n];
        long[] quantity = new long[n];
        int[] quantityScale = new int[n];
        int i = 0;
        int j = 0;
        for (Position p : state.positions().values()) {
            // both layouts are in symbol order: walk the previous one alongside (names compared only where they differ)
            if (previous != null && j < previous.symbols.length && previous.positions[j] != p) {
                while (j < previous.symbols.length && previous.symbols[j].compareTo(p.instrument().symbol()) < 0) {
                    j++;
                }
            }
            if (previous != null && j < previous.symbols.length && previous.positions[j] == p) {
                symbols[i] = previous.symbols[j];
                held[i] = p;
                cl[i] = previous.closes[j];
                quantity[i] = previous.quantity[j];
                quantityScale[i] = previous.quantityScale[j];
                i++;
                j++;
                continue;
            }
            if (!p.instrument().currency().equals(base)) {
                return null;
            }
            BigDecimal q = p.quantity().value();
            if (q.unscaledValue().bitLength() > 62 || q.scale() < 0 || q.scale() > 18) {
                return null;
            }
            symbols[i] = p.instrument().symbol();
            held[i] = p;
            cl[i] = closes.get(symbols[i]);
            quantity[i] = q.unscaledValue().longValue();
            quantityScale[i] = q.scale();
            i++;
        }
        BigDecimal cash = state.cash(base).amount().setScale(minor, RoundingMode.UNNECESSARY);
        if (cash.unscaledValue().bitLength() > 62) {
            return null;
        }
        return new Layout(symbols, held, cl, quantity, quantityScale, cash.unscaledValue().longValue());
    }

    /**
     * {@code q x p} rounded half-even to {@code minor} decimals, in units of the minor unit;
     * {@link #NO_PRICE} if it does not fit a {@code long} on the way.
     */
    static long valueOf(long q, int qScale, long p, int pScale, int minor) {
        long hi = Math.multiplyHigh(q, p);
        long lo = q * p;
        int scale = qScale + pScale;
        if (hi != (lo >> 63)) {
            // the product needs more than 64 bits: exact BigInteger, rarely
            BigDecimal exact = new BigDecimal(BigInteger.valueOf(q).multiply(BigInteger.valueOf(p)), scale).setScale(minor, RoundingMode.HALF_EVEN);
            return exact.unscaledValue().bitLength() > 62 ? NO_PRICE : exact.unscaledValue().longValue();
        }
        if (scale <= minor) {
            int up = minor - scale;
            if (up >= TENS.length) {
                return NO_PRICE;
            }
            long hi2 = Math.multiplyHigh(lo, TENS[up]);
            long r = lo * TENS[up];
            return hi2 != (r >> 63) ? NO_PRICE : r;
        }
        int down = scale - minor;
        if (down >= TENS.length) {
            return BigDecimal.valueOf(lo, scale).setScale(minor, RoundingMode.HALF_EVEN).unscaledValue().longValue();
        }
        long unit = TENS[down];
        long quotient = lo / unit;
        long remainder = lo % unit;
        if (remainder != 0) {
            long twice = Math.abs(remainder) * 2; // |remainder| < unit <= 10^18: twice fits
            if (twice > unit || twice == unit && (quotient & 1) != 0) {
                quotient += lo < 0 ? -1 : 1;
            }
        }
        return quotient;
    }
}
