package dev.erasmo.portfolio;

import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.portfolio.Rejection.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * <p><b>Cost.</b> Appending an event that comes after every other costs the same whatever the
 * length of the ledger: the new portfolio shares the old one's lists and index and grows them in
 * place (amortized O(1), plus the change of one state). A back-dated event refolds the ledger
 * from the last checkpoint before it: once one has been, the state is kept every
 * {@value Checkpoints#EVERY} entries of the effective order, so the work is that of the events
 * after it. {@link #stateAt} and
 * {@link #stateBefore} fold at most that many events from a checkpoint.
 *
 * <p>Immutable and thread-safe.
 */
public final class Portfolio {

    private final PortfolioInfo info;
    /** The entries by sequence number: entry n at index n - 1. */
    private final AppendOnlyList<LedgerEntry> entries;
    /** The entries in the order of the fold. */
    private final AppendOnlyList<LedgerEntry> effective;
    /** The entries by event id and idempotency key. */
    private final EntryIndex index;
    /**
     * States along {@link #effective}; null until an event is folded into the middle of the
     * ledger (loads and appends at the end need none, and skip their cost).
     */
    private final @Nullable Checkpoints checkpoints;
    private final PortfolioState state;

    private Portfolio(PortfolioInfo info, AppendOnlyList<LedgerEntry> entries, AppendOnlyList<LedgerEntry> effective, EntryIndex index,
            @Nullable Checkpoints checkpoints, PortfolioState state) {
        this.info = info;
        this.entries = entries;
        this.effective = effective;
        this.index = index;
        this.checkpoints = checkpoints;
        this.state = state;
    }

    /**
     * A new portfolio with an empty ledger.
     *
     * @param info its settings
     * @return the portfolio at version 0
     */
    public static Portfolio create(PortfolioInfo info) {
        return new Portfolio(Objects.requireNonNull(info, "info"), AppendOnlyList.empty(), AppendOnlyList.empty(), EntryIndex.empty(),
                null, PortfolioState.EMPTY);
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
     * every entry already here, as they usually do, and otherwise from the last checkpoint before
     * the earliest of them; so a portfolio kept in memory catches up with its store without
     * refolding the whole ledger.
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
        AppendOnlyList<LedgerEntry> newEntries = entries;
        // the index grows entry by entry, so it also tells an id or key repeated within the new entries
        EntryIndex newIndex = index.withRoom(bySeq.size(), entries);
        for (int i = 0; i < bySeq.size(); i++) {
            LedgerEntry e = bySeq.get(i);
            if (e.sequence() != entries.size() + i + 1) {
                throw new IllegalArgumentException("ledger of " + info.id() + " has sequence " + e.sequence() + " where "
                        + (entries.size() + i + 1) + " was expected");
            }
            if (newIndex.get(e.event().id()) != null) {
                throw new IllegalArgumentException("ledger of " + info.id() + " repeats event id " + e.event().id());
            }
            if (e.key() != null && newIndex.get(e.key()) != null) {
                throw new IllegalArgumentException("ledger of " + info.id() + " repeats idempotency key " + e.key());
            }
            newIndex = newIndex.plus(e, newEntries);
            newEntries = newEntries.plus(e);
        }
        List<LedgerEntry> added = new ArrayList<>(bySeq);
        added.sort(LedgerEntry.EFFECTIVE_ORDER);
        if (effective.isEmpty() || LedgerEntry.EFFECTIVE_ORDER.compare(added.get(0), effective.get(effective.size() - 1)) > 0) {
            AppendOnlyList<LedgerEntry> newEffective = effective;
            for (LedgerEntry e : added) {
                newEffective = newEffective.plus(e);
            }
            Refold r = refold(newEffective, effective.size(), null);
            return new Portfolio(info, newEntries, newEffective, newIndex, r.checkpoints, r.state);
        }
        List<LedgerEntry> merged = new ArrayList<>(effective.size() + added.size());
        merged.addAll(effective);
        merged.addAll(added);
        merged.sort(LedgerEntry.EFFECTIVE_ORDER);
        AppendOnlyList<LedgerEntry> newEffective = AppendOnlyList.copyOf(merged);
        Refold r = refold(newEffective, insertionPoint(added.get(0)), null);
        return new Portfolio(info, newEntries, newEffective, newIndex, r.checkpoints, r.state);
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
        if (index.get(event.id()) != null) {
            throw Fold.reject(Reason.DUPLICATE_EVENT_ID, "event id " + event.id() + " is already in the ledger of " + info.name());
        }
        LedgerEntry booked = key == null ? null : index.get(key);
        if (booked != null) {
            throw Fold.reject(Reason.IDEMPOTENCY_KEY_REUSED, "idempotency key " + key + " already booked entry #"
                    + booked.sequence() + " (" + describe(booked.event()) + ") in the ledger of " + info.name());
        }
        LedgerEntry entry = new LedgerEntry(entries.size() + 1L, event, key);
        AppendOnlyList<LedgerEntry> newEffective;
        Refold r;
        if (effective.isEmpty() || LedgerEntry.EFFECTIVE_ORDER.compare(entry, effective.get(effective.size() - 1)) > 0) {
            // the common case: the event comes last, so only it needs checking
            newEffective = effective.plus(entry);
            r = refold(newEffective, effective.size(), entry);
        } else {
            int at = insertionPoint(entry);
            newEffective = effective.withInserted(at, entry);
            r = refold(newEffective, at, entry);
        }
        return new Portfolio(info, entries.plus(entry), newEffective, index.plus(entry, entries), r.checkpoints, r.state);
    }

    /** Where an entry not in the effective order goes in it. */
    private int insertionPoint(LedgerEntry entry) {
        int found = Collections.binarySearch(effective, entry, LedgerEntry.EFFECTIVE_ORDER);
        return found >= 0 ? found : -found - 1;
    }

    /** The state after folding an effective order whose first {@code from} entries are unchanged, and its checkpoints. */
    private record Refold(PortfolioState state, @Nullable Checkpoints checkpoints) {
    }

    /**
     * Folds {@code ordered} from position {@code from} on, starting from the state as it was
     * there: this portfolio's state when {@code from} is the end of its effective order, else the
     * last checkpoint at or before {@code from}, or the first event when that one is not kept
     * (checkpoints are then kept from there on). Keeps a checkpoint at every multiple of
     * {@link Checkpoints#EVERY} after that, when there are checkpoints.
     *
     * @param added the entry being appended, named in the rejection of a later event it would
     *     break; null when folding a stored ledger
     */
    private Refold refold(List<LedgerEntry> ordered, int from, @Nullable LedgerEntry added) {
        Fold fold;
        Checkpoints kept;
        int start;
        int j = from / Checkpoints.EVERY;
        PortfolioState known = checkpoints == null ? null : checkpoints.at(j);
        if (from == effective.size()) {
            fold = Fold.from(state, info.costMethod());
            kept = checkpoints;
            start = from;
        } else if (known != null) {
            fold = Fold.from(known, info.costMethod());
            kept = checkpoints.upTo(j);
            start = j * Checkpoints.EVERY;
        } else {
            fold = new Fold(info.costMethod());
            kept = null;
            start = 0;
        }
        // a fold from the first event starts keeping checkpoints at the one before from
        int firstKept = known == null && from != effective.size() ? j * Checkpoints.EVERY : -1;
        for (int i = start; i < ordered.size(); i++) {
            if (i == firstKept) {
                kept = Checkpoints.startingWith(j, fold.toState());
            }
            LedgerEntry e = ordered.get(i);
            try {
                fold.apply(e.event());
            } catch (RejectedException r) {
                if (added == null || e == added) {
                    throw r;
                }
                throw Fold.reject(r.rejection().reason(), "back-dated " + describe(added.event()) + " would make the later event #"
                        + e.sequence() + " (" + describe(e.event()) + ") invalid: " + r.getMessage());
            }
            if (kept != null && (i + 1) % Checkpoints.EVERY == 0 && (i + 1) / Checkpoints.EVERY > kept.last()) {
                kept = kept.plus(fold.toState());
            }
        }
        return new Refold(fold.toState(), kept);
    }

    /** A fold that has applied the first {@code n} entries of the effective order and no more. */
    private Fold foldOfFirst(int n) {
        int j = n / Checkpoints.EVERY;
        PortfolioState known = checkpoints == null ? null : checkpoints.at(j);
        Fold fold = known == null ? new Fold(info.costMethod()) : Fold.from(known, info.costMethod());
        for (int i = known == null ? 0 : j * Checkpoints.EVERY; i < n; i++) {
            fold.apply(effective.get(i).event());
        }
        return fold;
    }

    /**
     * The state after the first {@code n} entries of the effective order, folded from the last
     * checkpoint before (or from the first event).
     */
    private PortfolioState stateAfterFirst(int n) {
        return n == effective.size() ? state : foldOfFirst(n).toState();
    }

    /** How many entries of the effective order take effect at or before a time. */
    private int countAtOrBefore(Instant at) {
        int lo = 0;
        int hi = effective.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (effective.get(mid).event().at().isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
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
        return Optional.ofNullable(index.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Finds the entry booked under an idempotency key.
     *
     * @param key the key
     * @return the entry, or empty
     */
    public Optional<LedgerEntry> findEntry(IdempotencyKey key) {
        return Optional.ofNullable(index.get(Objects.requireNonNull(key, "key")));
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
        return stateAfterFirst(countAtOrBefore(Objects.requireNonNull(at, "at")));
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
        List<PortfolioState> out = new ArrayList<>(times.size());
        if (times.isEmpty()) {
            return out;
        }
        // from the last checkpoint before the first time, not from the first event
        int next = countAtOrBefore(times.get(0));
        Fold fold = foldOfFirst(next);
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
        if (!entry.equals(index.get(entry.event().id()))) {
            throw new IllegalArgumentException("entry #" + entry.sequence() + " is not in the ledger of " + info.name());
        }
        int at = Collections.binarySearch(effective, entry, LedgerEntry.EFFECTIVE_ORDER);
        return stateAfterFirst(including ? at + 1 : at);
    }

    @Override
    public String toString() {
        return "Portfolio[" + info.id() + " '" + info.name() + "' v" + version() + "]";
    }
}
