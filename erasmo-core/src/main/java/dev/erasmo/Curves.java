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
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

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

    /**
     * A state laid out for valuing: held symbols, quantities as exact scaled longs, cash in minor
     * units. Two of them take turns (the one being filled, and the previous state's whose slots it
     * reuses), so laying out a state allocates nothing once they are large enough. Not
     * thread-safe; confined to one call of {@link #fast}.
     */
    private static final class Layout {
        int size;
        Symbol[] symbols = new Symbol[16];
        Position[] positions = new Position[16];
        @Nullable Closes[] closes = new Closes[16];
        long[] quantity = new long[16];
        int[] quantityScale = new int[16];
        long cash;

        void ensure(int n) {
            if (symbols.length < n) {
                int c = Math.max(n, symbols.length * 2);
                symbols = new Symbol[c];
                positions = new Position[c];
                closes = new Closes[c];
                quantity = new long[c];
                quantityScale = new int[c];
            }
        }
    }

    /**
     * The day values, or empty when this way does not apply: every state, price and amount must be
     * in the base currency and fit a {@code long}.
     *
     * <p>The market values are summed symbol by symbol over the days a state lasts (each symbol's
     * closes are one array over the days), in the order of the positions, so each day's sum is
     * made of the same terms in the same order as it would be day by day.
     */
    static Optional<List<DailyValue>> fast(Currency base, List<LocalDate> dates, List<PortfolioState> states, Map<Symbol, PriceHistory> histories,
            Map<Symbol, LocalDate> firstBought) {
        int minor = base.getDefaultFractionDigits();
        if (minor < 0) {
            return Optional.empty();
        }
        int n = dates.size();
        // the oldest close each day may take: the look-back before it
        LocalDate[] oldest = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            oldest[i] = dates.get(i).minusDays(QuoteSource.AS_OF_LOOKBACK_DAYS);
        }
        Map<Symbol, Closes> closes = new HashMap<>();
        for (Map.Entry<Symbol, PriceHistory> h : histories.entrySet()) {
            if (!h.getValue().currency().equals(base)) {
                return Optional.empty();
            }
            // a symbol is never held before its first buy: its closes are laid out from then on
            LocalDate bought = firstBought.get(h.getKey());
            Closes c = layOut(h.getValue(), dates, oldest, bought);
            if (c == null) {
                return Optional.empty();
            }
            closes.put(h.getKey(), c);
        }
        long[] mv = new long[n];
        long[] cash = new long[n];
        // what each day leaves out or carries, made only for the days that have any
        @SuppressWarnings({"unchecked", "rawtypes"})
        TreeSet<String>[] missing = new TreeSet[n];
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Symbol>[] carried = new List[n];
        Layout layout = new Layout();
        Layout previous = null;
        for (int first = 0; first < n;) {
            // the days one state lasts: statesAt shares the state of days without an event
            PortfolioState state = states.get(first);
            int end = first + 1;
            while (end < n && states.get(end) == state) {
                end++;
            }
            if (!layOut(state, base, minor, closes, previous, layout)) {
                return Optional.empty();
            }
            for (int i = 0; i < layout.size; i++) {
                Closes c = layout.closes[i];
                long q = layout.quantity[i];
                int qs = layout.quantityScale[i];
                for (int day = first; day < end; day++) {
                    long p = c == null ? NO_PRICE : c.unscaled[day];
                    if (p == NO_PRICE) {
                        missing[day] = missing[day] == null ? new TreeSet<>() : missing[day];
                        missing[day].add(layout.symbols[i] + ": no price");
                        continue;
                    }
                    long value = valueOf(q, qs, p, c.scale[day], minor);
                    if (value == NO_PRICE) {
                        return Optional.empty();
                    }
                    long sum = mv[day] + value;
                    if (((mv[day] ^ sum) & (value ^ sum)) < 0) {
                        return Optional.empty(); // the market value does not fit a long: the general way
                    }
                    mv[day] = sum;
                    if (c.carried[day]) {
                        carried[day] = carried[day] == null ? new ArrayList<>() : carried[day];
                        carried[day].add(layout.symbols[i]);
                    }
                }
            }
            for (int day = first; day < end; day++) {
                cash[day] = layout.cash;
            }
            Layout filled = layout;
            layout = previous == null ? new Layout() : previous;
            previous = filled;
            first = end;
        }
        List<DailyValue> out = new ArrayList<>(n);
        Money previousEquity = null;
        boolean previousComplete = false;
        Money zero = Money.zero(base);
        for (int day = 0; day < n; day++) {
            PortfolioState state = states.get(day);
            long total = cash[day] + mv[day];
            if (((cash[day] ^ total) & (mv[day] ^ total)) < 0) {
                return Optional.empty(); // the equity does not fit a long: the general way
            }
            Money cashMoney = Money.of(base, BigDecimal.valueOf(cash[day], minor));
            Money marketValue = Money.of(base, BigDecimal.valueOf(mv[day], minor));
            Money equity = Money.of(base, BigDecimal.valueOf(total, minor));
            Money flow = zero;
            Money income = zero;
            Money fees = zero;
            List<String> missingList = missing[day] == null ? List.of() : new ArrayList<>(missing[day]);
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
            List<Symbol> carriedList = carried[day] == null ? List.of() : carried[day];
            if (carriedList.size() > 1) {
                carriedList.sort(null);
            }
            Double r = previousEquity == null || !previousComplete || !missingList.isEmpty() ? null
                    : Erasmo.returnOf(previousEquity, flow, equity);
            out.add(new DailyValue(dates.get(day), cashMoney, marketValue, equity, flow, income, fees, r, carriedList, missingList));
            previousEquity = equity;
            previousComplete = missingList.isEmpty();
        }
        return Optional.of(out);
    }

    /**
     * A history's close for each day: the last bar on or before it, at most the look-back old and
     * not from before a split on or before the day (as {@link PriceHistory#closeAsOf}); null if a
     * close does not fit a {@code long}. Dates are compared as dates (no epoch-day arithmetic per
     * bar), and a close is converted to a long once per bar, not once per day.
     */
    private static @Nullable Closes layOut(PriceHistory h, List<LocalDate> days, LocalDate[] oldest, @Nullable LocalDate heldFrom) {
        int n = days.size();
        long[] unscaled = new long[n];
        int[] scale = new int[n];
        boolean[] carried = new boolean[n];
        List<Bar> bars = h.bars();
        List<SplitEvent> splits = h.splits();
        int start = 0;
        // a symbol is never held before its first buy: its closes are laid out from then on
        while (start < n && heldFrom != null && days.get(start).isBefore(heldFrom)) {
            unscaled[start++] = NO_PRICE;
        }
        if (start == n) {
            return new Closes(unscaled, scale, carried);
        }
        // the first bar within the look-back of the first day laid out
        int b = firstBarFrom(bars, oldest[start]);
        int s = 0;
        LocalDate barDay = b < bars.size() ? bars.get(b).date() : null;
        LocalDate splitDay = splits.isEmpty() ? null : splits.get(0).date();
        LocalDate lastBarDay = null;
        LocalDate lastSplitDay = null;
        long lastUnscaled = 0;
        int lastScale = 0;
        Bar last = null;
        for (int day = start; day < n; day++) {
            LocalDate d = days.get(day);
            boolean moved = false;
            while (barDay != null && !barDay.isAfter(d)) {
                last = bars.get(b);
                lastBarDay = barDay;
                b++;
                barDay = b < bars.size() ? bars.get(b).date() : null;
                moved = true;
            }
            while (splitDay != null && !splitDay.isAfter(d)) {
                lastSplitDay = splitDay;
                s++;
                splitDay = s < splits.size() ? splits.get(s).date() : null;
            }
            if (last == null || lastBarDay.isBefore(oldest[day]) || lastSplitDay != null && lastSplitDay.isAfter(lastBarDay)) {
                unscaled[day] = NO_PRICE;
                continue;
            }
            if (moved) {
                BigDecimal close = last.close();
                int sc = close.scale();
                if (sc < 0 || sc > 18) {
                    return null;
                }
                if (close.precision() <= 18) {
                    // below 10^18 < 2^62: no BigInteger needed
                    lastUnscaled = sc == 0 ? close.longValueExact() : close.movePointRight(sc).longValueExact();
                } else {
                    BigInteger u = close.unscaledValue();
                    if (u.bitLength() > 62) {
                        return null;
                    }
                    lastUnscaled = u.longValue();
                }
                lastScale = sc;
            }
            unscaled[day] = lastUnscaled;
            scale[day] = lastScale;
            carried[day] = lastBarDay.isBefore(d);
        }
        return new Closes(unscaled, scale, carried);
    }

    /** The index of the first bar on or after a date (binary search: bars are in date order). */
    private static int firstBarFrom(List<Bar> bars, LocalDate from) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The trading days of some histories between two dates: every date one of them has a bar
     * on, in order. Merged as dates, history by history; when they share their days (the usual
     * case) no list is built beyond the first.
     */
    static List<LocalDate> tradingDays(Collection<PriceHistory> histories, LocalDate from, LocalDate to) {
        List<LocalDate> days = List.of();
        for (PriceHistory h : histories) {
            List<Bar> bars = h.bars();
            int i = firstBarFrom(bars, from);
            int j = 0;
            List<LocalDate> merged = null;
            while (i < bars.size() && !bars.get(i).date().isAfter(to)) {
                LocalDate d = bars.get(i).date();
                while (j < days.size() && days.get(j).isBefore(d)) {
                    if (merged != null) {
                        merged.add(days.get(j));
                    }
                    j++;
                }
                if (j < days.size() && days.get(j).equals(d)) {
                    if (merged != null) {
                        merged.add(d);
                    }
                    j++;
                } else {
                    if (merged == null) {
                        merged = new ArrayList<>(days.size() + bars.size());
                        merged.addAll(days.subList(0, j));
                    }
                    merged.add(d);
                }
                i++;
            }
            if (merged != null) {
                merged.addAll(days.subList(j, days.size()));
                days = merged;
            }
        }
        return List.copyOf(days);
    }

    /**
     * Lays out a state into {@code into}, reusing the previous layout's slot of every position that
     * did not change (the fold shares them); false when this way does not apply to the state.
     */
    private static boolean layOut(PortfolioState state, Currency base, int minor, Map<Symbol, Closes> closes, @Nullable Layout previous,
            Layout into) {
        for (Currency c : state.cash().keySet()) {
            if (!c.equals(base)) {
                return false;
            }
        }
        for (Map<Currency, Money> totals : List.of(state.netDeposits(), state.dividends(), state.fees())) {
            for (Currency c : totals.keySet()) {
                if (!c.equals(base)) {
                    return false;
                }
            }
        }
        into.ensure(state.positions().size());
        int i = 0;
        int j = 0;
        int before = previous == null ? 0 : previous.size;
        for (Position p : state.positions().values()) {
            // both layouts are in symbol order: walk the previous one alongside (names compared only where they differ)
            if (previous != null && j < before && previous.positions[j] != p) {
                while (j < before && previous.symbols[j].compareTo(p.instrument().symbol()) < 0) {
                    j++;
                }
            }
            if (previous != null && j < before && previous.positions[j] == p) {
                into.symbols[i] = previous.symbols[j];
                into.positions[i] = p;
                into.closes[i] = previous.closes[j];
                into.quantity[i] = previous.quantity[j];
                into.quantityScale[i] = previous.quantityScale[j];
                i++;
                j++;
                continue;
            }
            if (!p.instrument().currency().equals(base)) {
                return false;
            }
            BigDecimal q = p.quantity().value();
            if (q.unscaledValue().bitLength() > 62 || q.scale() < 0 || q.scale() > 18) {
                return false;
            }
            into.symbols[i] = p.instrument().symbol();
            into.positions[i] = p;
            into.closes[i] = closes.get(into.symbols[i]);
            into.quantity[i] = q.unscaledValue().longValue();
            into.quantityScale[i] = q.scale();
            i++;
        }
        into.size = i;
        BigDecimal cash = state.cash(base).amount().setScale(minor, RoundingMode.UNNECESSARY);
        if (cash.unscaledValue().bitLength() > 62) {
            return false;
        }
        into.cash = cash.unscaledValue().longValue();
        return true;
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
