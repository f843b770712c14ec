package dev.erasmo.internal;

import dev.erasmo.money.Price;
import dev.erasmo.quote.Bar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The bars of a {@link dev.erasmo.quote.PriceHistory}: an unmodifiable list that also keeps,
 * once asked, every bar's date as an epoch day and its close as an exact scaled {@code long}
 * ({@link Columns}), so that a daily curve reads two arrays per symbol instead of thousands of
 * objects on every call. A sub-list is a view: it shares the array and the columns of the list it
 * is cut from (and keeps that array from being collected).
 * Not part of the API.
 *
 * <p>Immutable and thread-safe. The columns are computed on first use; threads that race to it
 * compute the same arrays, and each sees them whole (they are published through final fields).
 */
public final class BarList extends AbstractList<Bar> implements RandomAccess {

    private static final BarList EMPTY = new BarList(new Bar[0], 0, 0, new Memo());

    private final Bar[] bars;
    private final int offset;
    private final int size;
    private final Memo memo;

    /** The columns of the whole array, shared by a list and its sub-lists; computed at most a few times, always the same. */
    private static final class Memo {
        private @Nullable Columns columns;
    }

    private BarList(Bar[] bars, int offset, int size, Memo memo) {
        this.bars = bars;
        this.offset = offset;
        this.size = size;
        this.memo = memo;
    }

    /**
     * The bars as a {@code BarList}: the list itself if it is one, else a copy.
     *
     * @param bars the bars, none null
     * @return an unmodifiable list of the same bars in the same order
     * @throws NullPointerException if the list or a bar is null
     */
    public static BarList copyOf(Collection<Bar> bars) {
        if (bars instanceof BarList b) {
            return b;
        }
        Bar[] copy = bars.toArray(new Bar[0]);
        if (copy.length == 0) {
            return EMPTY;
        }
        for (Bar b : copy) {
            Objects.requireNonNull(b, "bar");
        }
        return new BarList(copy, 0, copy.length, new Memo());
    }

    @Override
    public Bar get(int index) {
        Objects.checkIndex(index, size);
        return bars[offset + index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<Bar> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new BarList(bars, offset + fromIndex, toIndex - fromIndex, memo);
    }

    /**
     * This list's bars as columns, computed on first use: those of the whole array this list is
     * a part of (shared with the list it was cut from and every other cut of it), starting at
     * {@link Columns#first()}; or, when the whole array has no common scale or one above
     * {@link Price#MAX_SCALE} and this list is only a part of it, this list's own, computed for
     * this call (so that a bar outside it does not decide for it).
     *
     * @return the epoch days and scaled closes
     */
    public Columns columns() {
        Columns whole = memo.columns;
        if (whole == null) {
            whole = Columns.of(bars, 0, bars.length, 0);
            memo.columns = whole;
        }
        if ((whole.scale < 0 || whole.scale > Price.MAX_SCALE) && size < bars.length) {
            // a bar this list does not hold must not keep it from the fast way
            return Columns.of(bars, offset, size, 0);
        }
        return offset == 0 ? whole : new Columns(whole.epochDays, whole.closes, whole.scale, offset);
    }

    /**
     * The bars' dates and closes as primitive arrays, in the bars' order. The arrays are shared:
     * callers must not change them.
     */
    public static final class Columns {

        private final long[] epochDays;
        private final long[] closes;
        private final int scale;
        private final int first;

        private Columns(long[] epochDays, long[] closes, int scale, int first) {
            this.epochDays = epochDays;
            this.closes = closes;
            this.scale = scale;
            this.first = first;
        }

        /** The columns of {@code bars[from, from + length)}, as arrays from index 0, their first entry at {@code first}. */
        static Columns of(Bar[] bars, int from, int length, int first) {
            long[] days = new long[length];
            int scale = 0;
            for (int i = 0; i < length; i++) {
                days[i] = bars[from + i].date().toEpochDay();
                scale = Math.max(scale, bars[from + i].close().scale());
            }
            long[] closes = new long[length];
            if (scale > 18 || !scaled(bars, from, scale, closes)) {
                return new Columns(days, new long[0], -1, first);
            }
            return new Columns(days, closes, scale, first);
        }

        /** Each close times 10^scale into {@code out}; false if one is not a whole number below 2^62 then. */
        private static boolean scaled(Bar[] bars, int from, int scale, long[] out) {
            for (int i = 0; i < out.length; i++) {
                BigDecimal close = bars[from + i].close();
                int shift = scale - close.scale(); // 0 or more: scale is the largest
                if (close.precision() + shift <= 18) {
                    // below 10^18 < 2^62: no BigInteger needed
                    out[i] = close.movePointRight(close.scale() + shift).longValueExact();
                } else {
                    BigInteger u = close.movePointRight(close.scale() + shift).toBigIntegerExact();
                    if (u.bitLength() > 62) {
                        return false;
                    }
                    out[i] = u.longValue();
                }
            }
            return true;
        }

        /**
         * The index in these arrays of the first bar of the list they were asked of.
         *
         * @return the index of the list's bar 0
         */
        public int first() {
            return first;
        }

        /**
         * Every bar's date as an epoch day.
         *
         * @return the epoch days, ascending
         */
        public long[] epochDays() {
            return epochDays;
        }

        /**
         * Every bar's close times 10 to the power {@link #scale()}, exactly; empty when the scale is
         * -1.
         *
         * @return the scaled closes, each above zero
         */
        public long[] closes() {
            return closes;
        }

        /**
         * The number of decimals of every entry of {@link #closes()}: the most any close has; -1
         * when a close has more than 18 or does not fit a {@code long} below 2^62 at that scale.
         *
         * @return the scale, 0 to 18, or -1
         */
        public int scale() {
            return scale;
        }
    }
}
