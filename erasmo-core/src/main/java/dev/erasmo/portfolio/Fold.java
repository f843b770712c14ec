package dev.erasmo.portfolio;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Rejection.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable accumulator of the fold: applies one event at a time and throws
 * {@link RejectedException} before changing anything when an event breaks a rule. Not
 * thread-safe; confined to one fold.
 */
final class Fold {

    private final CostMethod costMethod;
    private final Map<Currency, Money> cash = new HashMap<>();
    /**
     * The positions this fold has touched, by symbol; null for one closed here. A symbol not in
     * it has the position in {@link #current}: positions are taken out of the state they started
     * from only when an event needs them, so continuing a fold from a state costs nothing per
     * position held.
     */
    private final Map<Symbol, @Nullable OpenPosition> positions = new HashMap<>();
    /** The positions as of the last {@link #toState()}: shared with that state, replaced (not changed) on a change. */
    private SymbolMap<Position> current = SymbolMap.empty();
    /** The symbols whose position changed since the last {@link #toState()}. */
    private final java.util.Set<Symbol> dirty = new java.util.HashSet<>();
    /** Realized P&amp;L per symbol as of the last {@link #toState()}: shared with that state, replaced (not changed) on a change. */
    private SymbolMap<Money> realized = SymbolMap.empty();
    /** Realized P&amp;L booked since the last {@link #toState()}, by symbol: the new totals. */
    private final Map<Symbol, Money> realizedSince = new HashMap<>();
    private final Map<Currency, Money> fees = new HashMap<>();
    private final Map<Currency, Money> dividends = new HashMap<>();
    private final Map<Currency, Money> netDeposits = new HashMap<>();

    Fold(CostMethod costMethod) {
        this.costMethod = costMethod;
    }

    static Fold from(PortfolioState state, CostMethod costMethod) {
        Fold f = new Fold(costMethod);
        f.cash.putAll(state.cash());
        f.current = SymbolMap.copyOf(state.positions());
        f.realized = SymbolMap.copyOf(state.realizedPnl());
        f.fees.putAll(state.fees());
        f.dividends.putAll(state.dividends());
        f.netDeposits.putAll(state.netDeposits());
        return f;
    }

    PortfolioState toState() {
        if (!dirty.isEmpty()) {
            Map<Symbol, Position> changes = new HashMap<>();
            for (Symbol s : dirty) {
                OpenPosition p = positions.get(s);
                changes.put(s, p == null ? null : p.position());
            }
            current = current.with(changes);
            dirty.clear();
        }
        if (!realizedSince.isEmpty()) {
            realized = realized.with(realizedSince);
            realizedSince.clear();
        }
        return new PortfolioState(cash, current, realized, fees, dividends, netDeposits);
    }

    /** The position of a symbol as folded so far, or null if none is held. */
    private @Nullable OpenPosition open(Symbol symbol) {
        if (positions.containsKey(symbol)) {
            return positions.get(symbol);
        }
        Position held = current.get(symbol);
        OpenPosition p = held == null ? null : new OpenPosition(held);
        positions.put(symbol, p);
        return p;
    }

    void apply(LedgerEvent event) {
        if (event instanceof Deposit d) {
            add(cash, d.amount());
            add(netDeposits, d.amount());
        } else if (event instanceof Withdrawal w) {
            debit(w.amount(), "withdrawal of " + w.amount());
            add(netDeposits, w.amount().negated());
        } else if (event instanceof Fee f) {
            debit(f.amount(), "fee of " + f.amount());
            add(fees, f.amount());
        } else if (event instanceof Buy b) {
            buy(b);
        } else if (event instanceof Sell s) {
            sell(s);
        } else if (event instanceof Dividend d) {
            dividend(d);
        } else if (event instanceof Split s) {
            split(s);
        } else {
            throw new IllegalStateException("unknown event " + event);
        }
    }

    private void buy(Buy b) {
        Instrument instrument = b.instrument();
        OpenPosition p = open(instrument.symbol());
        checkCurrency(p, instrument);
        Money paid = b.cashPaid();
        debit(paid, "buy of " + b.quantity() + " " + instrument.symbol() + " for " + paid);
        add(fees, b.fee());
        if (p == null) {
            p = new OpenPosition(instrument, List.of());
            positions.put(instrument.symbol(), p);
        }
        Lot lot = new Lot(b.at(), b.quantity(), paid);
        if (costMethod == CostMethod.AVERAGE && !p.lots.isEmpty()) {
            Lot pooled = p.removeFirst();
            lot = new Lot(pooled.acquiredAt(), pooled.quantity().plus(lot.quantity()), pooled.cost().plus(lot.cost()));
        }
        p.addLast(lot);
        p.changed();
        dirty.add(instrument.symbol());
    }

    private void sell(Sell s) {
        Instrument instrument = s.instrument();
        OpenPosition p = open(instrument.symbol());
        Quantity held = p == null ? Quantity.ZERO : p.quantity();
        if (held.compareTo(s.quantity()) < 0) {
            throw reject(Reason.INSUFFICIENT_QUANTITY, "cannot sell " + s.quantity() + " " + instrument.symbol()
                    + " at " + s.at() + ": only " + held + " held (short selling is not supported)");
        }
        checkCurrency(p, instrument);
        Money proceeds = s.proceeds();
        if (proceeds.isNegative()) {
            debit(proceeds.negated(), "sell of " + s.quantity() + " " + instrument.symbol() + " whose fee exceeds its proceeds");
        } else {
            add(cash, proceeds);
        }
        add(fees, s.fee());
        Money relieved = relieve(p, s.quantity());
        p.changed();
        dirty.add(instrument.symbol());
        realize(instrument.symbol(), proceeds.minus(relieved));
        if (p.lots.isEmpty()) {
            positions.put(instrument.symbol(), null);
        }
    }

    /** Takes {@code quantity} out of the lots, oldest first, and returns the cost relieved. */
    private static Money relieve(OpenPosition p, Quantity quantity) {
        Money relieved = Money.zero(p.instrument.currency());
        BigDecimal left = quantity.value();
        while (left.signum() > 0) {
            Lot lot = p.lots.get(0);
            BigDecimal q = lot.quantity().value();
            if (q.compareTo(left) <= 0) {
                p.removeFirst();
                relieved = relieved.plus(lot.cost());
                left = left.subtract(q);
            } else {
                // part of the lot's cost, rounded to the minor unit; the rest stays with the lot,
                // so relieved + remaining is exactly the lot's cost
                Money part = Money.of(lot.cost().currency(), lot.cost().amount().multiply(left).divide(q, MATH_SCALE, RoundingMode.HALF_EVEN),
                        RoundingMode.HALF_EVEN);
                p.replaceFirst(new Lot(lot.acquiredAt(), lot.quantity().minus(Quantity.of(left)), lot.cost().minus(part)));
                relieved = relieved.plus(part);
                left = BigDecimal.ZERO;
            }
        }
        return relieved;
    }

    /** Decimals kept in an intermediate division before the final rounding to a minor unit. */
    private static final int MATH_SCALE = 20;

    private void dividend(Dividend d) {
        Instrument instrument = d.instrument();
        OpenPosition p = open(instrument.symbol());
        if (p == null) {
            throw reject(Reason.NOT_HELD, "dividend of " + d.perShare() + " per share on " + instrument.symbol()
                    + " at " + d.at() + ": no " + instrument.symbol() + " held then");
        }
        checkCurrency(p, instrument);
        Money amount = d.perShare().times(p.quantity());
        add(cash, amount);
        add(dividends, amount);
    }

    private void split(Split s) {
        OpenPosition p = open(s.symbol());
        if (p == null) {
            throw reject(Reason.NOT_HELD, s.numerator() + "-for-" + s.denominator() + " split of " + s.symbol()
                    + " at " + s.at() + ": no " + s.symbol() + " held then");
        }
        BigDecimal n = BigDecimal.valueOf(s.numerator());
        BigDecimal m = BigDecimal.valueOf(s.denominator());
        List<Lot> split = new ArrayList<>();
        for (Lot lot : p.lots) {
            BigDecimal q = lot.quantity().value().multiply(n).divide(m, Quantity.MAX_SCALE, RoundingMode.HALF_EVEN);
            if (q.signum() == 0) {
                // a lot too small to survive the reverse split: its cost is realized as a loss
                realize(s.symbol(), lot.cost().negated());
            } else {
                split.add(new Lot(lot.acquiredAt(), Quantity.of(q), lot.cost()));
            }
        }
        p.replaceLots(split);
        p.changed();
        dirty.add(s.symbol());
        if (p.lots.isEmpty()) {
            positions.put(s.symbol(), null);
        }
    }

    private void checkCurrency(OpenPosition p, Instrument instrument) {
        if (p != null && !p.instrument.currency().equals(instrument.currency())) {
            throw reject(Reason.CURRENCY_MISMATCH, instrument.symbol() + " is held in " + p.instrument.currency().getCurrencyCode()
                    + ", not " + instrument.currency().getCurrencyCode());
        }
    }

    private void debit(Money amount, String what) {
        Money held = cash.getOrDefault(amount.currency(), Money.zero(amount.currency()));
        if (held.compareTo(amount) < 0) {
            throw reject(Reason.INSUFFICIENT_CASH, what + " needs " + amount + " but only " + held + " is held");
        }
        cash.put(amount.currency(), held.minus(amount));
    }

    private static void add(Map<Currency, Money> map, Money amount) {
        map.merge(amount.currency(), amount, Money::plus);
    }

    private void realize(Symbol symbol, Money amount) {
        Money before = realizedSince.containsKey(symbol) ? realizedSince.get(symbol) : realized.get(symbol);
        realizedSince.put(symbol, before == null ? amount : before.plus(amount));
    }

    static RejectedException reject(Reason reason, String message) {
        return new RejectedException(new Rejection(reason, message));
    }

    /**
     * A position while folding: its lots oldest first ({@link LotList}, with their totals), and
     * the {@link Position} made of them until they change.
     */
    private static final class OpenPosition {
        final Instrument instrument;
        LotList lots;
        /** The position as of the last {@link #position()}, or null after a change: unchanged positions are shared between states. */
        private @Nullable Position position;

        OpenPosition(Instrument instrument, List<Lot> lots) {
            this.instrument = instrument;
            this.lots = LotList.of(instrument.currency(), lots);
        }

        /** The position as held in a state, unchanged until its lots change. */
        OpenPosition(Position held) {
            this.instrument = held.instrument();
            this.lots = LotList.of(held.instrument().currency(), held.lots());
            this.position = held;
        }

        void addLast(Lot lot) {
            lots = lots.plusLast(lot);
        }

        /** Replaces the oldest lot. */
        void replaceFirst(Lot lot) {
            lots = lots.withFirst(lot);
        }

        Lot removeFirst() {
            Lot lot = lots.get(0);
            lots = lots.withoutFirst();
            return lot;
        }

        void replaceLots(java.util.Collection<Lot> replacement) {
            lots = LotList.of(instrument.currency(), List.copyOf(replacement));
        }

        /** Marks the lots changed. */
        void changed() {
            position = null;
        }

        /** The position of the current lots, the same instance until they change. */
        Position position() {
            Position p = position;
            if (p == null) {
                p = Position.of(instrument, lots);
                position = p;
            }
            return p;
        }

        Quantity quantity() {
            return Quantity.of(lots.quantity());
        }
    }
}
