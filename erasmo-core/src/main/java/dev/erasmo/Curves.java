package dev.erasmo;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.internal.BarList;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** A {@link Curves#valueOf} that does not fit a {@code long}. */
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

    /**
     * A state laid out for valuing: held symbols, the column of each one's closes, quantities as
     * exact scaled longs, cash in minor units. Two of them take turns (the one being filled, and
     * the previous state's whose slots it reuses), so laying out a state allocates nothing once
     * they are large enough. Not thread-safe; confined to one call of {@link #fast}.
     */
    private static final class Layout {
        int size;
        Symbol[] symbols = new Symbol[16];
        Position[] positions = new Position[16];
        int[] column = new int[16];
        long[] quantity = new long[16];
        int[] quantityScale = new int[16];
        long cash;

        void ensure(int n) {
            if (symbols.length < n) {
                int c = Math.max(n, symbols.length * 2);
                symbols = new Symbol[c];
                positions = new Position[c];
                column = new int[c];
                quantity = new long[c];
                quantityScale = new int[c];
            }
        }
    }

    /** How many closes a block of days holds at most: rows of the symbols' closes that stay in the cache. */
    private static final int BLOCK = 16_384;

    /**
     * The day values, or empty when this way does not apply: every state, price and amount must be
     * in the base currency and fit a {@code long}.
     *
     * <p>The days are taken in blocks: the closes of a block are laid out as rows of a small
     * array ({@link Closes#fill}), then each day's market value is summed, in the order of the
     * positions, from its row.
     */
    static Optional<List<DailyValue>> fast(Currency base, List<LocalDate> dates, List<PortfolioState> states, Map<Symbol, PriceHistory> histories,
            Map<Symbol, LocalDate> firstBought) {
        int minor = base.getDefaultFractionDigits();
        if (minor < 0) {
            return Optional.empty();
        }
        int n = dates.size();
        Closes closes = Closes.of(base, dates, histories, firstBought);
        if (closes == null) {
            return Optional.empty();
        }
        int width = closes.width;
        int[] scale = closes.scale;
        int rows = Math.max(1, BLOCK / Math.max(1, width));
        long[] block = new long[rows * width];
        long[] mv = new long[n];
        long[] cash = new long[n];
        // what each day leaves out or carries, made only for the days that have any
        @SuppressWarnings({"unchecked", "rawtypes"})
        TreeSet<String>[] missing = new TreeSet[n];
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Symbol>[] carried = new List[n];
        Layout layout = null;
        Layout spare = new Layout();
        PortfolioState laidOut = null;
        for (int first = 0; first < n; first += rows) {
            int end = Math.min(n, first + rows);
            closes.fill(first, end, block);
            for (int day = first; day < end; day++) {
                // statesAt shares the state of days without an event: a state is laid out once
                PortfolioState state = states.get(day);
                if (state != laidOut) {
                    if (!layOut(state, base, minor, closes.column, layout, spare)) {
                        return Optional.empty();
                    }
                    Layout filled = spare;
                    spare = layout == null ? new Layout() : layout;
                    layout = filled;
                    laidOut = state;
                }
                int size = layout.size;
                int[] column = layout.column;
                long[] quantity = layout.quantity;
                int[] quantityScale = layout.quantityScale;
                int row = (day - first) * width;
                long sum = 0;
                for (int i = 0; i < size; i++) {
                    int k = column[i];
                    long p = k < 0 ? 0 : block[row + k];
                    if (p == 0) {
                        missing[day] = missing[day] == null ? new TreeSet<>() : missing[day];
                        missing[day].add(layout.symbols[i] + ": no price");
                        continue;
                    }
                    if (p < 0) {
                        p = -p;
                        carried[day] = carried[day] == null ? new ArrayList<>() : carried[day];
                        carried[day].add(layout.symbols[i]);
                    }
                    long value = valueOf(quantity[i], quantityScale[i], p, scale[k], minor);
                    if (value == NO_PRICE) {
                        return Optional.empty();
                    }
                    long next = sum + value;
                    if (((sum ^ next) & (value ^ next)) < 0) {
                        return Optional.empty(); // the market value does not fit a long: the general way
                    }
                    sum = next;
                }
                mv[day] = sum;
                cash[day] = layout.cash;
            }
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
     * Every history's close for each day, by symbol (the column of each): the last bar on or
     * before the day, at most the look-back old and not from before a split on or before the day
     * (as {@link PriceHistory#closeAsOf}), from the day the symbol was first bought on (never held
     * before). Laid out a block of days at a time by {@link #fill}, each history's bars walked by a
     * cursor of its own over the epoch days of {@link BarList.Columns}: no date or
     * {@code BigDecimal} is read per bar. Not thread-safe; confined to one call of {@link #fast}.
     */
    private static final class Closes {
        final int width;
        final int[] scale;
        final Map<Symbol, Integer> column;
        private final long[] day;
        private final long[][] barDays;
        private final long[][] barCloses;
        private final long[][] splitDays;
        private final int[] start; // the first day laid out
        private final int[] viewStart;
        private final int[] viewEnd;
        private final int[] cursor; // the first bar after the days laid out so far
        private final int[] splitCursor;

        private Closes(int width, long[] day) {
            this.width = width;
            this.day = day;
            scale = new int[width];
            column = new HashMap<>();
            barDays = new long[width][];
            barCloses = new long[width][];
            splitDays = new long[width][];
            start = new int[width];
            viewStart = new int[width];
            viewEnd = new int[width];
            cursor = new int[width];
            splitCursor = new int[width];
        }

        /** The closes of the histories over the dates; null when this way does not apply (another currency, a close too large). */
        static @Nullable Closes of(Currency base, List<LocalDate> dates, Map<Symbol, PriceHistory> histories, Map<Symbol, LocalDate> firstBought) {
            int n = dates.size();
            List<Symbol> symbols = new ArrayList<>(histories.keySet());
            symbols.sort(null);
            long[] day = new long[n];
            for (int i = 0; i < n; i++) {
                day[i] = dates.get(i).toEpochDay();
            }
            Closes c = new Closes(symbols.size(), day);
            for (int k = 0; k < c.width; k++) {
                Symbol s = symbols.get(k);
                PriceHistory h = histories.get(s);
                if (!h.currency().equals(base)) {
                    return null;
                }
                BarList bars = BarList.copyOf(h.bars());
                BarList.Columns columns = bars.columns();
                if (columns.scale() < 0 || columns.scale() > Price.MAX_SCALE) {
                    // a close a Price cannot hold as written: the general way says so (or strips its trailing zeros)
                    return null;
                }
                c.column.put(s, k);
                c.scale[k] = columns.scale();
                c.barDays[k] = columns.epochDays();
                c.barCloses[k] = columns.closes();
                List<SplitEvent> splits = h.splits();
                c.splitDays[k] = new long[splits.size()];
                for (int i = 0; i < splits.size(); i++) {
                    c.splitDays[k][i] = splits.get(i).date().toEpochDay();
                }
                LocalDate bought = firstBought.get(s);
                long from = bought == null ? Long.MIN_VALUE : bought.toEpochDay();
                int first = firstFrom(day, 0, n, from);
                c.start[k] = first;
                c.viewStart[k] = columns.first();
                c.viewEnd[k] = columns.first() + bars.size();
                // from the first bar within the look-back of the first day laid out
                c.cursor[k] = first < n ? firstFrom(c.barDays[k], c.viewStart[k], c.viewEnd[k], day[first] - QuoteSource.AS_OF_LOOKBACK_DAYS)
                        : c.viewEnd[k];
            }
            return c;
        }

        /**
         * Lays out days {@code [from, to)}, which follow the days laid out before: the close of
         * column {@code k} on day {@code d} goes to {@code block[(d - from) * width + k]}, times
         * 10 to the power {@code scale[k]}, negated when it is carried from an earlier day, 0 when
         * there is none (a close is above zero).
         */
        void fill(int from, int to, long[] block) {
            Arrays.fill(block, 0, (to - from) * width, 0L);
            for (int k = 0; k < width; k++) {
                // one symbol at a time: its cursors stay in registers, its bars are read in order
                long[] bd = barDays[k];
                long[] bc = barCloses[k];
                long[] sd = splitDays[k];
                int b = cursor[k];
                int e = viewEnd[k];
                int first = viewStart[k];
                int s = splitCursor[k];
                for (int d = Math.max(from, start[k]); d < to; d++) {
                    long today = day[d];
                    while (b < e && bd[b] <= today) {
                        b++;
                    }
                    while (s < sd.length && sd[s] <= today) {
                        s++;
                    }
                    if (b == first) {
                        continue; // no bar on or before the day
                    }
                    long lastBar = bd[b - 1];
                    if (lastBar < today - QuoteSource.AS_OF_LOOKBACK_DAYS || s > 0 && sd[s - 1] > lastBar) {
                        continue; // too old, or in units from before a split
                    }
                    long p = bc[b - 1];
                    block[(d - from) * width + k] = lastBar < today ? -p : p;
                }
                cursor[k] = b;
                splitCursor[k] = s;
            }
        }
    }

    /** The index of the first epoch day on or after a day in {@code days[from, to)} ({@code to} if none): they ascend. */
    private static int firstFrom(long[] days, int from, int to, long day) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The trading days of some histories between two dates: every date one of them has a bar
     * on, in order. Merged as epoch days, history by history; a history with the same days as
     * those merged so far (the usual case) is only compared.
     */
    static List<LocalDate> tradingDays(Collection<PriceHistory> histories, LocalDate from, LocalDate to) {
        long lo = from.toEpochDay();
        long hi = to.toEpochDay();
        long[] days = new long[0];
        for (PriceHistory h : histories) {
            BarList bars = BarList.copyOf(h.bars());
            BarList.Columns columns = bars.columns();
            long[] bd = columns.epochDays();
            int end = columns.first() + bars.size();
            int i = firstFrom(bd, columns.first(), end, lo);
            int j = firstFrom(bd, i, end, hi + 1);
            if (Arrays.equals(days, 0, days.length, bd, i, j)) {
                continue;
            }
            long[] merged = new long[days.length + j - i];
            int m = 0;
            int a = 0;
            while (a < days.length || i < j) {
                long next;
                if (i == j || a < days.length && days[a] <= bd[i]) {
                    next = days[a++];
                    if (i < j && bd[i] == next) {
                        i++;
                    }
                } else {
                    next = bd[i++];
                }
                merged[m++] = next;
            }
            days = Arrays.copyOf(merged, m);
        }
        List<LocalDate> out = new ArrayList<>(days.length);
        for (long d : days) {
            out.add(LocalDate.ofEpochDay(d));
        }
        return List.copyOf(out);
    }

    /**
     * Lays out a state into {@code into}, reusing the previous layout's slot of every position that
     * did not change (the fold shares them); false when this way does not apply to the state.
     */
    private static boolean layOut(PortfolioState state, Currency base, int minor, Map<Symbol, Integer> columns, @Nullable Layout previous,
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
        int m = state.positions().size();
        into.ensure(m);
        // the positions copied out of the state's map at once (into.positions is large enough, so nothing is allocated)
        Position[] now = state.positions().values().toArray(into.positions);
        int before = previous == null ? 0 : previous.size;
        int i = 0;
        int j = 0;
        while (i < m) {
            Position p = now[i];
            if (previous != null && j < before && previous.positions[j] != p) {
                // both layouts are in symbol order: walk the previous one alongside (names compared only where they differ)
                while (j < before && previous.symbols[j].compareTo(p.instrument().symbol()) < 0) {
                    j++;
                }
            }
            if (previous != null && j < before && previous.positions[j] == p) {
                // a run of positions the previous state shares: copied slot by slot in bulk
                int from = j;
                int to = i;
                Position[] shared = previous.positions;
                while (i < m && j < before && now[i] == shared[j]) {
                    i++;
                    j++;
                }
                int run = i - to;
                System.arraycopy(previous.symbols, from, into.symbols, to, run);
                System.arraycopy(previous.column, from, into.column, to, run);
                System.arraycopy(previous.quantity, from, into.quantity, to, run);
                System.arraycopy(previous.quantityScale, from, into.quantityScale, to, run);
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
            into.column[i] = columns.getOrDefault(into.symbols[i], -1);
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
