package dev.erasmo.internal;

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
 * objects on every call. A sub-list shares the array and the columns of the list it is cut from.
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
     * Where this list starts in its {@link #columns()}: bar {@code i} of this list is column
     * entry {@code offset() + i}.
     *
     * @return the offset of the first bar
     */
    public int offset() {
        return offset;
    }

    /**
     * The columns of the array this list is a part of (see {@link #offset()}), computed on first
     * use.
     *
     * @return the epoch days and scaled closes
     */
    public Columns columns() {
        Columns c = memo.columns;
        if (c == null) {
            c = Columns.of(bars);
            memo.columns = c;
        }
        return c;
    }

    /**
     * The bars' dates and closes as primitive arrays, in the bars' order. The arrays are shared:
     * callers must not change them.
     */
    public static final class Columns {

        private final long[] epochDays;
        private final long[] closes;
        private final int scale;

        private Columns(long[] epochDays, long[] closes, int scale) {
            this.epochDays = epochDays;
            this.closes = closes;
            this.scale = scale;
        }

        static Columns of(Bar[] bars) {
            long[] days = new long[bars.length];
            int scale = 0;
            for (int i = 0; i < bars.length; i++) {
                days[i] = bars[i].date().toEpochDay();
                scale = Math.max(scale, bars[i].close().scale());
            }
            long[] closes = new long[bars.length];
            if (scale > 18 || !scaled(bars, scale, closes)) {
                return new Columns(days, new long[0], -1);
            }
            return new Columns(days, closes, scale);
        }

        /** Each close times 10^scale into {@code out}; false if one is not a whole number below 2^62 then. */
        private static boolean scaled(Bar[] bars, int scale, long[] out) {
            for (int i = 0; i < bars.length; i++) {
                BigDecimal close = bars[i].close();
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
