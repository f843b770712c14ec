package dev.erasmo.portfolio;

import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.portfolio.Rejection.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A portfolio: its settings, its ledger and the state folded from it.
 *
 * <p>The state is always the fold of the events in effective-time order
 * ({@link LedgerEntry#EFFECTIVE_ORDER}: time, then corporate actions first, then sequence number). {@link #append(LedgerEvent)} accepts an event dated anywhere, also in the past, and
 * returns a new portfolio; if the event, or any later event once it is in place, breaks a rule
 * (not enough cash or units, nothing held, a currency mismatch, a duplicate id), it throws
 * {@link RejectedException} and this portfolio is unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public final class Portfolio {

    private final PortfolioInfo info;
    private final List<LedgerEntry> entries;
    private final List<LedgerEntry> effective;
    private final Map<EventId, LedgerEntry> byId;
    private final Map<IdempotencyKey, LedgerEntry> byKey;
    private final PortfolioState state;

    private Portfolio(PortfolioInfo info, List<LedgerEntry> entries, List<LedgerEntry> effective,
            Map<EventId, LedgerEntry> byId, Map<IdempotencyKey, LedgerEntry> byKey, PortfolioState state) {
        this.info = info;
        this.entries = entries;
        this.effective = effective;
        this.byId = byId;
        this.byKey = byKey;
        this.state = state;
    }

    /**
     * A new portfolio with an empty ledger.
     *
     * @param info its settings
     * @return the portfolio at version 0
     */
    public static Portfolio create(PortfolioInfo info) {
        return new Portfolio(Objects.requireNonNull(info, "info"), List.of(), List.of(), Map.of(), Map.of(), PortfolioState.EMPTY);
    }

    /**
     * Rebuilds a portfolio from a stored ledger.
     *
     * @param info its settings
     * @param entries the entries with sequence numbers 1..n, in any order
     * @return the portfolio at version n
     * @throws IllegalArgumentException if the sequence numbers are not 1..n or an id repeats
     * @throws RejectedException if the events break a rule (the ledger was not written by erasmo)
     */
    public static Portfolio of(PortfolioInfo info, List<LedgerEntry> entries) {
        return create(Objects.requireNonNull(info, "info")).plus(entries);
    }

    /**
     * The portfolio with the entries a store holds after this version (what
     * {@code PortfolioStore.findTail} reads), folding only those when they take effect after
     * every entry already here, as they usually do; so a portfolio kept in memory catches up with
     * its store without refolding the whole ledger.
     *
     * @param later the entries with sequence numbers {@code version() + 1} onwards, in any order
     * @return the portfolio with them, or this one if there are none
     * @throws IllegalArgumentException if the sequence numbers do not follow on without gaps, or an
     *     event id or idempotency key repeats
     * @throws RejectedException if the events break a rule (the ledger was not written by erasmo)
     */
    public Portfolio plus(List<LedgerEntry> later) {
        if (later.isEmpty()) {
            return this;
        }
        List<LedgerEntry> bySeq = new ArrayList<>(later);
        bySeq.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        Map<EventId, LedgerEntry> ids = new HashMap<>(byId);
        Map<IdempotencyKey, LedgerEntry> keys = new HashMap<>(byKey);
        for (int i = 0; i < bySeq.size(); i++) {
            LedgerEntry e = bySeq.get(i);
            if (e.sequence() != entries.size() + i + 1) {
                throw new IllegalArgumentException("ledger of " + info.id() + " has sequence " + e.sequence() + " where "
                        + (entries.size() + i + 1) + " was expected");
            }
            if (ids.put(e.event().id(), e) != null) {
                throw new IllegalArgumentException("ledger of " + info.id() + " repeats event id " + e.event().id());
            }
            if (e.key() != null && keys.put(e.key(), e) != null) {
                throw new IllegalArgumentException("ledger of " + info.id() + " repeats idempotency key " + e.key());
            }
        }
        List<LedgerEntry> added = new ArrayList<>(bySeq);
        added.sort(LedgerEntry.EFFECTIVE_ORDER);
        List<LedgerEntry> newEffective = new ArrayList<>(effective.size() + added.size());
        newEffective.addAll(effective);
        newEffective.addAll(added);
        PortfolioState newState;
        if (effective.isEmpty() || LedgerEntry.EFFECTIVE_ORDER.compare(added.get(0), effective.get(effective.size() - 1)) > 0) {
            Fold fold = Fold.from(state, info.costMethod());
            for (LedgerEntry e : added) {
                fold.apply(e.event());
            }
            newState = fold.toState();
        } else {
            newEffective.sort(LedgerEntry.EFFECTIVE_ORDER);
            newState = fold(info.costMethod(), newEffective, Instant.MAX);
        }
        List<LedgerEntry> newEntries = new ArrayList<>(entries.size() + bySeq.size());
        newEntries.addAll(entries);
        newEntries.addAll(bySeq);
        return new Portfolio(info, List.copyOf(newEntries), List.copyOf(newEffective), Map.copyOf(ids), Map.copyOf(keys), newState);
    }

    /**
     * Appends an event, validating it and every later event once it is in place.
     *
     * @param event the event, with an id not yet in the ledger
     * @return the portfolio with the event as entry number {@code version() + 1}
     * @throws RejectedException if a rule is broken; this portfolio is unchanged
     */
    public Portfolio append(LedgerEvent event) {
        return append(event, null);
    }

    /**
     * Appends an event booked under an idempotency key, validating it and every later event once
     * it is in place.
     *
     * @param event the event, with an id not yet in the ledger
     * @param key the key of the command that books it, not yet in the ledger; or null for none
     * @return the portfolio with the event as entry number {@code version() + 1}
     * @throws RejectedException if a rule is broken ({@link Reason#IDEMPOTENCY_KEY_REUSED} for a
     *     key already in the ledger); this portfolio is unchanged
     */
    public Portfolio append(LedgerEvent event, @Nullable IdempotencyKey key) {
        Objects.requireNonNull(event, "event");
        if (byId.containsKey(event.id())) {
            throw Fold.reject(Reason.DUPLICATE_EVENT_ID, "event id " + event.id() + " is already in the ledger of " + info.name());
        }
        if (key != null && byKey.containsKey(key)) {
            throw Fold.reject(Reason.IDEMPOTENCY_KEY_REUSED, "idempotency key " + key + " already booked entry #"
                    + byKey.get(key).sequence() + " (" + describe(byKey.get(key).event()) + ") in the ledger of " + info.name());
        }
        LedgerEntry entry = new LedgerEntry(entries.size() + 1L, event, key);
        List<LedgerEntry> newEffective = new ArrayList<>(effective.size() + 1);
        PortfolioState newState;
        if (effective.isEmpty() || LedgerEntry.EFFECTIVE_ORDER.compare(entry, effective.get(effective.size() - 1)) > 0) {
            // the common case: the event comes last, so only it needs checking
            Fold fold = Fold.from(state, info.costMethod());
            fold.apply(event);
            newState = fold.toState();
            newEffective.addAll(effective);
            newEffective.add(entry);
        } else {
            newEffective.addAll(effective);
            newEffective.add(entry);
            newEffective.sort(LedgerEntry.EFFECTIVE_ORDER);
            newState = foldChecked(entry, newEffective);
        }
        List<LedgerEntry> newEntries = new ArrayList<>(entries);
        newEntries.add(entry);
        Map<EventId, LedgerEntry> ids = new HashMap<>(byId);
        ids.put(event.id(), entry);
        Map<IdempotencyKey, LedgerEntry> keys = byKey;
        if (key != null) {
            keys = new HashMap<>(byKey);
            keys.put(key, entry);
            keys = Map.copyOf(keys);
        }
        return new Portfolio(info, List.copyOf(newEntries), List.copyOf(newEffective), Map.copyOf(ids), keys, newState);
    }

    /** Folds with a back-dated entry in place; a later event that fails is named in the rejection. */
    private PortfolioState foldChecked(LedgerEntry added, List<LedgerEntry> ordered) {
        Fold fold = new Fold(info.costMethod());
        for (LedgerEntry e : ordered) {
            try {
                fold.apply(e.event());
            } catch (RejectedException r) {
                if (e == added) {
                    throw r;
                }
                throw Fold.reject(r.rejection().reason(), "back-dated " + describe(added.event()) + " would make the later event #"
                        + e.sequence() + " (" + describe(e.event()) + ") invalid: " + r.getMessage());
            }
        }
        return fold.toState();
    }

    private static PortfolioState fold(CostMethod method, List<LedgerEntry> ordered, Instant until) {
        Fold fold = new Fold(method);
        for (LedgerEntry e : ordered) {
            if (e.event().at().isAfter(until)) {
                break;
            }
            fold.apply(e.event());
        }
        return fold.toState();
    }

    /**
     * A one-line description of an event, for messages: kind, amounts and time.
     *
     * @param event the event
     * @return e.g. {@code "buy 10 AAPL @ USD 549.03 at 2013-01-02T21:00:00Z"}
     */
    public static String describe(LedgerEvent event) {
        return Describe.of(event);
    }

    /**
     * The settings.
     *
     * @return the info
     */
    public PortfolioInfo info() {
        return info;
    }

    /**
     * The version: the number of entries in the ledger.
     *
     * @return 0 for an empty ledger
     */
    public long version() {
        return entries.size();
    }

    /**
     * The ledger in recording (sequence) order.
     *
     * @return the entries, unmodifiable
     */
    public List<LedgerEntry> entries() {
        return entries;
    }

    /**
     * The ledger in effective-time order, the order of the fold.
     *
     * @return the entries, unmodifiable
     */
    public List<LedgerEntry> entriesInEffectiveOrder() {
        return effective;
    }

    /**
     * Finds an entry by its event id.
     *
     * @param id the event id
     * @return the entry, or empty
     */
    public Optional<LedgerEntry> findEntry(EventId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Finds the entry booked under an idempotency key.
     *
     * @param key the key
     * @return the entry, or empty
     */
    public Optional<LedgerEntry> findEntry(IdempotencyKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The state after every event.
     *
     * @return the current state
     */
    public PortfolioState state() {
        return state;
    }

    /**
     * The state after the events effective at or before a time.
     *
     * @param at the time
     * @return the state then
     */
    public PortfolioState stateAt(Instant at) {
        if (effective.isEmpty() || !effective.get(effective.size() - 1).event().at().isAfter(at)) {
            return state;
        }
        return fold(info.costMethod(), effective, at);
    }

    /**
     * The states at a series of times, folding the ledger once: for a daily history, where
     * {@link #stateAt} for each day would fold the ledger again every day.
     *
     * @param times the times, in ascending order
     * @return the state after the events effective at or before each time, in the same order
     * @throws IllegalArgumentException if the times are not in ascending order
     */
    public List<PortfolioState> statesAt(List<Instant> times) {
        List<PortfolioState> out = new java.util.ArrayList<>(times.size());
        Fold fold = new Fold(info.costMethod());
        int next = 0;
        Instant previous = null;
        PortfolioState last = null;
        for (Instant t : times) {
            if (previous != null && t.isBefore(previous)) {
                throw new IllegalArgumentException("times must be ascending: " + t + " comes after " + previous);
            }
            boolean changed = last == null;
            while (next < effective.size() && !effective.get(next).event().at().isAfter(t)) {
                fold.apply(effective.get(next++).event());
                changed = true;
            }
            if (changed) {
                last = fold.toState();
            }
            out.add(last);
            previous = t;
        }
        return out;
    }

    /**
     * The state just before an entry in the order of the fold: what the event saw when it was
     * applied (for instance the units a dividend was paid on).
     *
     * @param entry an entry of this ledger
     * @return the state before it
     * @throws IllegalArgumentException if the entry is not in this ledger
     */
    public PortfolioState stateBefore(LedgerEntry entry) {
        return foldTo(entry, false);
    }

    /**
     * The state just after an entry in the order of the fold, before any later event.
     *
     * @param entry an entry of this ledger
     * @return the state after it
     * @throws IllegalArgumentException if the entry is not in this ledger
     */
    public PortfolioState stateAfter(LedgerEntry entry) {
        return foldTo(entry, true);
    }

    private PortfolioState foldTo(LedgerEntry entry, boolean including) {
        if (!entry.equals(byId.get(entry.event().id()))) {
            throw new IllegalArgumentException("entry #" + entry.sequence() + " is not in the ledger of " + info.name());
        }
        Fold fold = new Fold(info.costMethod());
        for (LedgerEntry e : effective) {
            if (e.equals(entry) && !including) {
                break;
            }
            fold.apply(e.event());
            if (e.equals(entry)) {
                break;
            }
        }
        return fold.toState();
    }

    @Override
    public String toString() {
        return "Portfolio[" + info.id() + " '" + info.name() + "' v" + version() + "]";
    }
}
