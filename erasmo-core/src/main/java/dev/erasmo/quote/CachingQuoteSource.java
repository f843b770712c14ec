package dev.erasmo.quote;

import dev.erasmo.instrument.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A quote source that keeps what another source answered, so that valuing many portfolios that
 * hold the same symbols asks the other source once per symbol: 1,000 portfolios holding the same
 * 50 symbols, each asking from its first buy (all in one calendar year) to the same day, make 50
 * history requests in all, in whatever order they ask.
 *
 * <p><b>Latest quotes</b> are kept per symbol for {@link Builder#latestTtl(Duration) latestTtl}
 * (default {@link #DEFAULT_LATEST_TTL}, 5 seconds), measured with the clock from the moment the
 * request that fetched them was sent. A batch is served from the fresh quotes kept, and all the
 * missing or stale symbols are asked of the other source in one call. A symbol that the other
 * source does not return is remembered as absent for the same time, so unknown symbols are not
 * asked again and again by many portfolios either.
 *
 * <p><b>History</b> is kept per symbol as one history covering a date range. A request inside the
 * covered range is answered from it, without asking the other source, if either its last date was
 * already final when that date was fetched, or the days after the final ones were fetched less
 * than {@code latestTtl} ago. A date is final once it is at least two days before the current UTC
 * date: its session has then closed in every time zone (exchange dates run at most a day ahead of
 * or behind UTC), and its bar, dividends and splits can no longer change. Keeping final days for
 * good is correct because prices are as traded, not adjusted for later splits or dividends: a past
 * day's close never changes. (The one exception is {@link Bar#adjClose()}, which a source
 * recomputes after each new dividend or split; a kept bar has the adjusted close as of when it
 * was fetched.)
 *
 * <p><b>What a miss asks.</b> The first request for a symbol is asked from January 1 of the year
 * of its first date, so that later ranges beginning that year are already covered. After that, a
 * miss asks only for what is missing: the days before the covered range (again from January 1 of
 * the first date's year), the days after it, and the days after the final ones once they are older
 * than {@code latestTtl}; the final days kept are never asked again. So per symbol, while the
 * requests end on dates already covered and fresh, there is one request for each calendar year
 * in which a request begins before everything covered: at most one per distinct year of first
 * dates, in any order. Each stretch is asked from, or up to, the nearest kept bar, so that it
 * always holds a trading day (a source may refuse a window with none, such as one before a
 * symbol's first trade); that shared bar must have the same close in both answers, in the same
 * currency, or the kept history is dropped and the whole range asked again in one request.
 * {@link QuoteSource#asOf(Symbol, LocalDate)} is answered from this history too.
 *
 * <p><b>One request at a time per symbol.</b> While a thread is fetching a symbol's latest quote
 * or history, other threads wanting the same symbol wait for its answer instead of asking the
 * other source themselves. If the other source throws, the fetching thread and every thread
 * waiting for it get that same exception (a {@link QuoteNotFoundException}, a
 * {@link QuoteUnavailableException}, ...), and nothing is kept, so the next request asks again.
 * A latest-quotes batch fails as a whole, so a thread waiting for some of its symbols gets its
 * failure only if the batch held no symbol that thread did not ask for; otherwise it asks for its
 * own symbols again (once more per failure, still one request at a time per symbol). A thread
 * fetches the symbols it took charge of before it waits for the ones other threads took, so two
 * overlapping batches cannot wait for each other. A history the other source answers for another
 * symbol is a {@link MalformedQuoteDataException}, and is not kept.
 *
 * <p>Ages are measured with the clock; what was fetched at a time the clock now says is still to
 * come (the clock went back) is neither fresh nor final, and is asked again.
 *
 * <p>Nothing is ever evicted except by {@link #invalidateAll()}: memory grows with the number of
 * distinct symbols asked (one latest quote and one history per symbol, the history as wide as
 * the ranges asked, from January 1 of the earliest year). This class starts no threads, keeps no
 * static state and logs nothing.
 *
 * <p>Thread-safe; the {@link Builder} is not.
 */
public final class CachingQuoteSource implements QuoteSource {

    /** How long a latest quote, or a history ending on a date not yet final, is kept by default. */
    public static final Duration DEFAULT_LATEST_TTL = Duration.ofSeconds(5);

    /** How many days before the current UTC date a date has to be to be final. */
    private static final int FINAL_AFTER_DAYS = 2;

    private final QuoteSource delegate;
    private final Clock clock;
    private final Duration latestTtl;

    /** Bumped by {@link #invalidateAll()}; an entry fetched under an older generation is never served. */
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Symbol, LatestEntry> quotes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Symbol, LatestFetch> quoteFetches = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Symbol, HistoryEntry> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Symbol, CompletableFuture<HistoryEntry>> historyFetches = new ConcurrentHashMap<>();

    private CachingQuoteSource(Builder b) {
        this.delegate = b.delegate;
        this.clock = b.clock;
        this.latestTtl = b.latestTtl;
    }

    /**
     * Starts a builder.
     *
     * @param delegate the source asked for what is not kept
     * @return a builder with the system UTC clock and a latest TTL of {@link #DEFAULT_LATEST_TTL}
     */
    public static Builder builder(QuoteSource delegate) {
        return new Builder(delegate);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Fresh quotes are served from what is kept; the missing and stale symbols are asked of the
     * other source in one call, or awaited if another thread is already asking for them.
     */
    @Override
    public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
        Map<Symbol, Quote> kept = allFresh(symbols);
        if (kept != null) {
            return kept;
        }
        Set<Symbol> wanted = new LinkedHashSet<>();
        for (Symbol s : symbols) {
            wanted.add(Objects.requireNonNull(s, "symbols contains null"));
        }
        Map<Symbol, LatestEntry> found = new HashMap<>();
        List<Symbol> missing = new ArrayList<>();
        Instant now = clock.instant();
        for (Symbol s : wanted) {
            LatestEntry e = quotes.get(s);
            if (isFresh(e, now)) {
                found.put(s, e);
            } else {
                missing.add(s);
            }
        }
        while (!missing.isEmpty()) {
            LatestFetch mine = new LatestFetch(new ArrayList<>(), new CompletableFuture<>());
            Map<Symbol, LatestFetch> others = new LinkedHashMap<>();
            for (Symbol s : missing) {
                LatestFetch theirs = quoteFetches.putIfAbsent(s, mine);
                if (theirs == null) {
                    mine.symbols().add(s);
                } else {
                    others.put(s, theirs);
                }
            }
            if (!mine.symbols().isEmpty()) {
                found.putAll(fetchLatest(mine));
            }
            List<Symbol> again = new ArrayList<>();
            for (Map.Entry<Symbol, LatestFetch> o : others.entrySet()) {
                try {
                    found.put(o.getKey(), await(o.getValue().done()).get(o.getKey()));
                } catch (RuntimeException | Error e) {
                    if (wanted.containsAll(o.getValue().symbols())) {
                        throw e;
                    }
                    // their batch had symbols we did not ask for, which may be what failed: ask for ours ourselves
                    again.add(o.getKey());
                }
            }
            missing = again;
        }
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        for (Symbol s : wanted) {
            LatestEntry e = found.get(s);
            if (e != null && e.quote() != null) {
                result.put(s, e.quote());
            }
        }
        return result;
    }

    /** The quotes of the symbols if every one is kept and fresh (the common case, on every tick), else null. */
    private @Nullable Map<Symbol, Quote> allFresh(Collection<Symbol> symbols) {
        Instant now = clock.instant();
        long g = generation.get();
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            LatestEntry e = quotes.get(Objects.requireNonNull(s, "symbols contains null"));
            if (e == null || e.generation() != g || !isYoung(e.fetched(), now)) {
                return null;
            }
            if (e.quote() != null) {
                result.put(s, e.quote());
            }
        }
        return result;
    }

    /**
     * Fetches the latest quotes of the symbols this thread took charge of, and completes the fetch
     * with an entry for each of them, so that threads waiting on it find every symbol they wait for.
     */
    private Map<Symbol, LatestEntry> fetchLatest(LatestFetch mine) {
        List<Symbol> claimed = mine.symbols();
        try {
            Map<Symbol, LatestEntry> result = new HashMap<>();
            List<Symbol> ask = new ArrayList<>();
            Instant now = clock.instant();
            for (Symbol s : claimed) {
                // another thread may have kept it between our first look and taking charge of it
                LatestEntry e = quotes.get(s);
                if (isFresh(e, now)) {
                    result.put(s, e);
                } else {
                    ask.add(s);
                }
            }
            if (!ask.isEmpty()) {
                long g = generation.get();
                Instant sent = clock.instant();
                Map<Symbol, Quote> got = delegate.latest(List.copyOf(ask));
                if (got == null) {
                    throw new MalformedQuoteDataException("the quote source answered nothing (null) for the latest quotes of " + ask);
                }
                for (Symbol s : ask) {
                    LatestEntry e = new LatestEntry(got.get(s), sent, g);
                    quotes.merge(s, e, (old, nu) -> old.generation() > nu.generation() ? old : nu);
                    result.put(s, e);
                }
            }
            mine.done().complete(result);
            return result;
        } catch (Throwable t) {
            mine.done().completeExceptionally(t);
            throw t;
        } finally {
            for (Symbol s : claimed) {
                quoteFetches.remove(s, mine);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Served from the history kept for the symbol when it covers the range and is still valid
     * (see the class description); otherwise what is missing is fetched and merged with what is
     * kept, or awaited if another thread is already fetching this symbol. A range whose first date
     * is after its last is passed to the other source as it is and not kept.
     */
    @Override
    public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            return delegate.history(symbol, from, to);
        }
        return covering(symbol, from, to).between(from, to);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Answered from the history kept for the symbol (fetched as for {@link #history} over the
     * look-back window), by binary search, without copying it.
     */
    @Override
    public Quote asOf(Symbol symbol, LocalDate date) {
        Objects.requireNonNull(symbol, "symbol");
        return covering(symbol, date.minusDays(AS_OF_LOOKBACK_DAYS), date).closeAsOf(date, AS_OF_LOOKBACK_DAYS);
    }

    /** The whole history kept for a symbol, once it covers a range and is valid for it, fetching it if need be. */
    private PriceHistory covering(Symbol symbol, LocalDate from, LocalDate to) {
        while (true) {
            HistoryEntry kept = histories.get(symbol);
            if (serves(kept, from, to, clock.instant())) {
                return kept.history();
            }
            CompletableFuture<HistoryEntry> mine = new CompletableFuture<>();
            CompletableFuture<HistoryEntry> theirs = historyFetches.putIfAbsent(symbol, mine);
            if (theirs == null) {
                return fetchHistory(symbol, from, to, mine).history();
            }
            HistoryEntry done = await(theirs);
            if (covers(done, from, to)) {
                // just fetched for a thread that asked at the same time: as fresh as it gets
                return done.history();
            }
            // their range did not cover ours: go round, and fetch what is still missing unless someone else is
        }
    }

    /** Fetches what a symbol's history lacks for a range, as this thread took charge of it, keeps the result and completes {@code mine} with it. */
    private HistoryEntry fetchHistory(Symbol symbol, LocalDate from, LocalDate to, CompletableFuture<HistoryEntry> mine) {
        try {
            long g = generation.get();
            Instant now = clock.instant();
            HistoryEntry kept = histories.get(symbol);
            HistoryEntry result;
            if (serves(kept, from, to, now)) {
                // kept by another thread between our first look and taking charge
                result = kept;
            } else {
                result = fetchMissing(symbol, from, to, usable(kept, g, now), g);
                histories.merge(symbol, result, (old, nu) -> old.generation() > nu.generation() ? old : nu);
            }
            mine.complete(result);
            return result;
        } catch (Throwable t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            historyFetches.remove(symbol, mine);
        }
    }

    /**
     * What of a kept history may still be used at an instant: all of it while the days after its
     * final ones are young, else its final days only; null if nothing (another generation, the
     * clock went back, or no bar to join a new answer to).
     */
    private @Nullable HistoryEntry usable(@Nullable HistoryEntry e, long g, Instant now) {
        if (e == null || e.generation() != g || now.isBefore(e.lastFetched())) {
            return null;
        }
        HistoryEntry u = e;
        if (!isYoung(e.fetched(), now)) {
            LocalDate end = min(e.to(), e.finalThrough());
            if (end.isBefore(e.from())) {
                return null;
            }
            u = new HistoryEntry(e.from(), end, e.history().between(e.from(), end), e.fetched(), e.lastFetched(), g, end);
        }
        return u.history().bars().isEmpty() ? null : u;
    }

    /**
     * Asks the other source for what {@code kept} lacks of {@code [from, to]} (all of it from
     * January 1 of {@code from}'s year when nothing is kept) and merges it with what is kept.
     */
    private HistoryEntry fetchMissing(Symbol symbol, LocalDate from, LocalDate to, @Nullable HistoryEntry kept, long g) {
        LocalDate first = from.withDayOfYear(1);
        if (kept == null) {
            return fetch(symbol, first, to, first, to, g).entry();
        }
        List<Bar> bars = kept.history().bars();
        Bar firstBar = bars.get(0);
        Bar lastBar = bars.get(bars.size() - 1);
        List<HistoryEntry> pieces = new ArrayList<>(3);
        if (from.isBefore(kept.from())) {
            Fetched before = fetch(symbol, first, firstBar.date(), first, kept.from().minusDays(1), g);
            if (!before.agrees(kept, firstBar)) {
                return refetch(symbol, first, to, kept, g);
            }
            pieces.add(before.entry());
        }
        pieces.add(kept);
        if (to.isAfter(kept.to())) {
            Fetched after = fetch(symbol, lastBar.date(), to, kept.to().plusDays(1), to, g);
            if (!after.agrees(kept, lastBar)) {
                return refetch(symbol, first, to, kept, g);
            }
            pieces.add(after.entry());
        }
        return merged(symbol, pieces, g);
    }

    /** The whole of what is kept and asked, in one request, when a new answer disagrees with what is kept. */
    private HistoryEntry refetch(Symbol symbol, LocalDate first, LocalDate to, HistoryEntry kept, long g) {
        LocalDate start = min(first, kept.from());
        LocalDate end = max(to, kept.to());
        return fetch(symbol, start, end, start, end, g).entry();
    }

    /** Asks the other source for {@code [askFrom, askTo]}, and keeps its answer for {@code [keepFrom, keepTo]}. */
    private Fetched fetch(Symbol symbol, LocalDate askFrom, LocalDate askTo, LocalDate keepFrom, LocalDate keepTo, long g) {
        Instant sent = clock.instant();
        PriceHistory got = delegate.history(symbol, askFrom, askTo);
        if (got == null || !got.symbol().equals(symbol)) {
            // never keep, nor serve, another symbol's prices as this one's
            throw new MalformedQuoteDataException("the quote source answered the history of " + symbol + " from " + askFrom + " to "
                    + askTo + " with " + (got == null ? "nothing (null)" : "the history of " + got.symbol()));
        }
        return new Fetched(new HistoryEntry(keepFrom, keepTo, got.between(keepFrom, keepTo), sent, sent, g, lastFinalDate(sent)), got);
    }

    /**
     * Pieces of one symbol's history over adjacent ranges, in date order, as one: their final days
     * run from the first date up to the first piece that has a day not yet final, and the rest is
     * as young as the oldest piece that holds such a day.
     */
    private static HistoryEntry merged(Symbol symbol, List<HistoryEntry> pieces, long g) {
        List<Bar> bars = new ArrayList<>();
        List<DividendEvent> dividends = new ArrayList<>();
        List<SplitEvent> splits = new ArrayList<>();
        Bar live = null;
        HistoryEntry first = pieces.get(0);
        LocalDate finalThrough = first.from().equals(LocalDate.MIN) ? LocalDate.MIN : first.from().minusDays(1);
        boolean finalSoFar = true;
        Instant fetched = null;
        Instant lastFetched = first.lastFetched();
        for (HistoryEntry p : pieces) {
            PriceHistory h = p.history();
            bars.addAll(h.bars());
            dividends.addAll(h.dividends());
            splits.addAll(h.splits());
            if (h.live() != null) {
                live = h.live();
            }
            LocalDate end = min(p.to(), p.finalThrough());
            if (finalSoFar && !end.isBefore(p.from())) {
                finalThrough = end;
            }
            if (end.isBefore(p.to())) {
                finalSoFar = false;
                fetched = fetched == null || p.fetched().isBefore(fetched) ? p.fetched() : fetched;
            }
            lastFetched = p.lastFetched().isAfter(lastFetched) ? p.lastFetched() : lastFetched;
        }
        if (live != null && !bars.isEmpty() && !live.date().isAfter(bars.get(bars.size() - 1).date())) {
            live = null; // a later piece has that day's bar
        }
        PriceHistory h = new PriceHistory(symbol, first.history().currency(), bars, dividends, splits, live);
        return new HistoryEntry(first.from(), pieces.get(pieces.size() - 1).to(), h, fetched == null ? lastFetched : fetched, lastFetched, g,
                finalThrough);
    }

    /**
     * Forgets every quote and history kept, so that every later request asks the other source
     * again; for when the caller knows the data changed. Fetches already under way are not
     * waited for by later requests, and what they return is not kept.
     */
    public void invalidateAll() {
        generation.incrementAndGet();
        quotes.clear();
        quoteFetches.clear();
        histories.clear();
        historyFetches.clear();
    }

    private boolean isFresh(@Nullable LatestEntry e, Instant now) {
        return e != null && e.generation() == generation.get() && isYoung(e.fetched(), now);
    }

    private boolean serves(@Nullable HistoryEntry e, LocalDate from, LocalDate to, Instant now) {
        // fetched "after now": the clock went back, and what it said was final or fresh then is not to be trusted
        return e != null && e.generation() == generation.get() && covers(e, from, to) && !now.isBefore(e.lastFetched())
                && (!to.isAfter(e.finalThrough()) || isYoung(e.fetched(), now));
    }

    private static boolean covers(HistoryEntry e, LocalDate from, LocalDate to) {
        return !from.isBefore(e.from()) && !to.isAfter(e.to());
    }

    /** Fetched less than {@code latestTtl} before now; never when now is before it (the clock went back). */
    private boolean isYoung(Instant fetched, Instant now) {
        if (now.isBefore(fetched)) {
            return false;
        }
        // the usual case without making a Duration: a whole second or more inside the TTL
        if (now.getEpochSecond() - fetched.getEpochSecond() < latestTtl.getSeconds() - 1) {
            return true;
        }
        return Duration.between(fetched, now).compareTo(latestTtl) < 0;
    }

    /** The last date that was final at an instant: two days before its UTC date. */
    private static LocalDate lastFinalDate(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(FINAL_AFTER_DAYS);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Waits for another thread's fetch; rethrows what the other source threw, unwrapped. */
    private static <T> T await(CompletableFuture<T> fetch) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** A latest quote as fetched, or null when the other source did not return the symbol. */
    private record LatestEntry(@Nullable Quote quote, Instant fetched, long generation) {
    }

    /** A batch of latest quotes one thread is fetching: the symbols it took charge of, and their answer. */
    private record LatestFetch(List<Symbol> symbols, CompletableFuture<Map<Symbol, LatestEntry>> done) {
    }

    /**
     * A symbol's history over {@code [from, to]}, fetched in one or more pieces.
     *
     * @param fetched when the oldest piece holding a day after {@code finalThrough} was sent: those days age from then
     * @param lastFetched when the newest piece was sent (a clock now before it is a clock that went back)
     * @param finalThrough the days up to this one were final when they were fetched (worked out once, not on every hit)
     */
    private record HistoryEntry(LocalDate from, LocalDate to, PriceHistory history, Instant fetched, Instant lastFetched, long generation,
            LocalDate finalThrough) {
    }

    /** A piece just fetched, and the whole answer it was cut from (which holds the bar it shares with what is kept). */
    private record Fetched(HistoryEntry entry, PriceHistory asked) {

        /** Whether the answer has the kept bar it shares with {@code kept}, with the same close, in the same currency. */
        boolean agrees(HistoryEntry kept, Bar shared) {
            if (!asked.currency().equals(kept.history().currency())) {
                return false;
            }
            Bar same = asked.asOf(shared.date()).orElse(null);
            return same != null && same.date().equals(shared.date()) && same.close().compareTo(shared.close()) == 0;
        }
    }

    /** Configures a {@link CachingQuoteSource}. Not thread-safe. */
    public static final class Builder {
        private final QuoteSource delegate;
        private Clock clock = Clock.systemUTC();
        private Duration latestTtl = DEFAULT_LATEST_TTL;

        private Builder(QuoteSource delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /**
         * Sets the clock that ages what is kept and says which dates are final.
         *
         * @param clock the clock; by default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long a latest quote, or a history ending on a date not yet final, is kept.
         *
         * @param latestTtl zero or more; by default {@link CachingQuoteSource#DEFAULT_LATEST_TTL}; zero keeps only
         *     final history, while still sharing each fetch among the threads waiting for it
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder latestTtl(Duration latestTtl) {
            Objects.requireNonNull(latestTtl, "latestTtl");
            if (latestTtl.isNegative()) {
                throw new IllegalArgumentException("latestTtl " + latestTtl + " must not be negative");
            }
            this.latestTtl = latestTtl;
            return this;
        }

        /**
         * Builds the source.
         *
         * @return a new, empty caching source
         */
        public CachingQuoteSource build() {
            return new CachingQuoteSource(this);
        }
    }
}
