package dev.erasmo.portfolio;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The open lots of a position, oldest first, with their total quantity and cost kept as they
 * change: an immutable list that the next state shares (its lots in an {@link AppendOnlyList}), so
 * that a buy adds a lot and a sell takes lots from the front at a cost that does not grow with the
 * number of lots held. A position of 50,000 FIFO lots used to copy and re-sum all of them for every
 * event.
 *
 * <p>Immutable and thread-safe. Refuses a lot in another currency.
 */
final class LotList extends AbstractList<Lot> implements RandomAccess {

    /** How many lots taken from the front may lie unused before the rest is copied to a new array. */
    private static final int COMPACT_AFTER = 32;

    private final Currency currency;
    private final AppendOnlyList<Lot> lots;
    /** The index in {@link #lots} of the first open lot. */
    private final int start;
    /** The first open lot when it is not {@code lots.get(start)} (what a partial sell left of it). */
    private final @Nullable Lot first;
    private final BigDecimal quantity;
    private final BigDecimal cost;

    private LotList(Currency currency, AppendOnlyList<Lot> lots, int start, @Nullable Lot first, BigDecimal quantity, BigDecimal cost) {
        this.currency = currency;
        this.lots = lots;
        this.start = start;
        this.first = first;
        this.quantity = quantity;
        this.cost = cost;
    }

    /** The lots of a list, summed. */
    static LotList of(Currency currency, List<Lot> lots) {
        if (lots instanceof LotList l && l.currency.equals(currency)) {
            return l;
        }
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        for (Lot lot : lots) {
            check(currency, lot);
            q = q.add(lot.quantity().value());
            c = c.add(lot.cost().amount());
        }
        return new LotList(currency, AppendOnlyList.copyOf(lots), 0, null, q, c);
    }

    private static void check(Currency currency, Lot lot) {
        if (!lot.cost().currency().equals(currency)) {
            throw new dev.erasmo.money.CurrencyMismatchException(currency, lot.cost().currency());
        }
    }

    /** The currency of the lots' cost. */
    Currency currency() {
        return currency;
    }

    /** The sum of the lots' quantities. */
    BigDecimal quantity() {
        return quantity;
    }

    /** The sum of the lots' costs. */
    BigDecimal cost() {
        return cost;
    }

    /** These lots and one more, the newest. */
    LotList plusLast(Lot lot) {
        check(currency, Objects.requireNonNull(lot, "lot"));
        return new LotList(currency, lots.plus(lot), start, first, quantity.add(lot.quantity().value()), cost.add(lot.cost().amount()));
    }

    /** These lots without the oldest. */
    LotList withoutFirst() {
        Lot gone = get(0);
        BigDecimal q = quantity.subtract(gone.quantity().value());
        BigDecimal c = cost.subtract(gone.cost().amount());
        int next = start + 1;
        if (next > COMPACT_AFTER && next > lots.size() - next) {
            return new LotList(currency, AppendOnlyList.copyOf(lots.subList(next, lots.size())), 0, null, q, c);
        }
        return new LotList(currency, lots, next, null, q, c);
    }

    /** These lots with the oldest replaced (by what a partial sell leaves of it). */
    LotList withFirst(Lot lot) {
        check(currency, Objects.requireNonNull(lot, "lot"));
        Lot old = get(0);
        return new LotList(currency, lots, start, lot, quantity.subtract(old.quantity().value()).add(lot.quantity().value()),
                cost.subtract(old.cost().amount()).add(lot.cost().amount()));
    }

    @Override
    public Lot get(int index) {
        Objects.checkIndex(index, size());
        return index == 0 && first != null ? first : lots.get(start + index);
    }

    @Override
    public int size() {
        return lots.size() - start;
    }
}
