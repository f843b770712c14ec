package dev.erasmo;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.EventKind;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.performance.CurrencyReconciliation;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.PositionReconciliation;
import dev.erasmo.performance.Reconciliation;
import dev.erasmo.portfolio.CostMethod;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.PortfolioState;
import dev.erasmo.portfolio.Position;
import dev.erasmo.portfolio.RejectedException;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteException;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.SplitEvent;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.store.PortfolioNotFoundException;
import dev.erasmo.store.PortfolioStore;
import dev.erasmo.store.StaleVersionException;
import dev.erasmo.valuation.FxRates;
import dev.erasmo.valuation.MarketPrice;
import dev.erasmo.valuation.PriceSnapshot;
import dev.erasmo.valuation.Valuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of erasmo: paper-trading portfolios kept in a {@link PortfolioStore} and priced
 * by a {@link QuoteSource}.
 *
 * <pre>{@code
 * Erasmo erasmo = Erasmo.builder().quotes(quotes).build();
 * PortfolioInfo p = erasmo.createPortfolio(Owner.of("alice"), "tech");
 * erasmo.deposit(p.id(), Money.of("USD", "10000"));
 * erasmo.buy(p.id(), Symbol.of("AAPL"), Quantity.of(10));
 * Valuation v = erasmo.valuation(p.id());
 * }</pre>
 *
 * <p>Commands validate against the portfolio's whole ledger and return a {@link CommandResult}:
 * booked, or rejected with a reason and nothing written. Events dated after the clock's now, or
 * before {@link #EARLIEST_EVENT_TIME}, are refused. Writers of the same portfolio through one instance take turns (a lock per portfolio,
 * striped); a command that loses a race with a writer elsewhere (another process or instance on
 * the same store) is re-validated and retried up to {@link #DEFAULT_MAX_RETRIES} times
 * (configurable) before {@link StaleVersionException} reaches the caller.
 *
 * <p>Dates: an instant's date is taken in the configured zone ({@link #DEFAULT_ZONE} by default);
 * a valuation as of a date includes every event effective up to the end of that date.
 *
 * <p>Thread-safe if its store and quote source are (the bundled ones are); the builder is not.
 */
public final class Erasmo {

    /** The base currency of new portfolios unless the builder sets another. */
    public static final String DEFAULT_CURRENCY = "USD";
    /** The cost method of new portfolios unless the builder sets another. */
    public static final CostMethod DEFAULT_COST_METHOD = CostMethod.FIFO;
    /** The zone in which instants are turned into dates, unless the builder sets another. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    /** How often a command that lost a race with another writer is retried. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** How many portfolios an instance keeps folded in memory, unless the builder sets another number. */
    public static final int DEFAULT_PORTFOLIO_CACHE = 1_000;
    /** No event may take effect before this instant (1900-01-01T00:00:00Z), nor after the clock's now. */
    public static final Instant EARLIEST_EVENT_TIME = Instant.parse("1900-01-01T00:00:00Z");

    private final PortfolioStore store;
    private final @Nullable QuoteSource quotes;
    private final Clock clock;
    private final ZoneId zone;
    private final Currency defaultCurrency;
    private final CostMethod defaultCostMethod;
    private final int maxRetries;
    /** Writers of one portfolio in this instance take turns on its stripe, so they do not race each other. */
    private final Object[] writeLocks;
    private final PortfolioCache cache;
    /** The owner every portfolio must have, for an instance made by {@link #forOwner}; null for all owners. */
    private final @Nullable Owner owner;

    private static final int WRITE_LOCK_STRIPES = 64;

    private Erasmo(PortfolioStore store, @Nullable QuoteSource quotes, Clock clock, ZoneId zone, Currency defaultCurrency,
            CostMethod defaultCostMethod, int maxRetries, Object[] writeLocks, PortfolioCache cache, @Nullable Owner owner) {
        this.store = store;
        this.quotes = quotes;
        this.clock = clock;
        this.zone = zone;
        this.defaultCurrency = defaultCurrency;
        this.defaultCostMethod = defaultCostMethod;
        this.maxRetries = maxRetries;
        this.writeLocks = writeLocks;
        this.cache = cache;
        this.owner = owner;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This entry point acting for one owner: it reads and changes only that owner's portfolios. A
     * portfolio of another owner is reported as missing ({@link PortfolioNotFoundException}), as if
     * it did not exist, and naming another owner (to create, find or list) throws
     * {@link IllegalArgumentException}. An application serving many users calls this once per
     * request with the user it authenticated, so no user can reach another's portfolio by its id;
     * the instance from {@link #builder()} acts for every owner (for leaderboards and
     * administration). The scoped instance shares everything else (store, quote source, settings,
     * write locks, cached portfolios) and is as cheap to make as one object.
     *
     * @param owner the owner to act for
     * @return the scoped entry point, thread-safe like this one
     * @throws IllegalArgumentException if this instance acts for another owner already
     */
    public Erasmo forOwner(Owner owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.equals(this.owner)) {
            return this;
        }
        checkOwner(owner);
        return new Erasmo(store, quotes, clock, zone, defaultCurrency, defaultCostMethod, maxRetries, writeLocks, cache, owner);
    }

    private void checkOwner(Owner wanted) {
        Objects.requireNonNull(wanted, "owner");
        if (owner != null && !owner.equals(wanted)) {
            throw new IllegalArgumentException("this Erasmo acts for owner " + owner + ", not " + wanted);
        }
    }

    // ---------------------------------------------------------------- portfolios

    /**
     * Creates a portfolio with the default base currency and cost method.
     *
     * @param owner the owner
     * @param name a name not yet used by the owner
     * @return the new portfolio's settings
     * @throws dev.erasmo.store.DuplicatePortfolioException if the owner has one by that name
     */
    public PortfolioInfo createPortfolio(Owner owner, String name) {
        return createPortfolio(owner, name, defaultCurrency, defaultCostMethod);
    }

    /**
     * Creates a portfolio.
     *
     * @param owner the owner
     * @param name a name not yet used by the owner
     * @param baseCurrency the currency valuations are reported in
     * @param costMethod how sells relieve cost
     * @return the new portfolio's settings
     * @throws dev.erasmo.store.DuplicatePortfolioException if the owner has one by that name
     */
    public PortfolioInfo createPortfolio(Owner owner, String name, Currency baseCurrency, CostMethod costMethod) {
        return createPortfolio(owner, name, baseCurrency, costMethod, List.of()).info();
    }

    /**
     * Creates a portfolio with its first events (an opening deposit, say), atomically: the
     * portfolio and all its events are stored, or nothing is.
     *
     * @param owner the owner
     * @param name a name not yet used by the owner
     * @param baseCurrency the currency valuations are reported in
     * @param costMethod how sells relieve cost
     * @param opening the first events, validated like any command
     * @return the new portfolio with its ledger
     * @throws RejectedException if an opening event breaks a rule; nothing is stored
     * @throws IllegalArgumentException if an opening event is dated out of range
     * @throws dev.erasmo.store.DuplicatePortfolioException if the owner has one by that name
     */
    public Portfolio createPortfolio(Owner owner, String name, Currency baseCurrency, CostMethod costMethod,
            List<LedgerEvent> opening) {
        return createPortfolio(owner, name, baseCurrency, costMethod, opening, null);
    }

    /**
     * Creates a portfolio with its first events, atomically, under an idempotency key: the key
     * goes on the first opening event. Sent again with the same key and the same settings and
     * first opening event (its kind and amount, not its time), for a portfolio of that owner and
     * name whose ledger holds the key, it creates nothing and returns that portfolio as stored now
     * (the first creation's result); also when two such creations race.
     *
     * @param owner the owner
     * @param name a name not yet used by the owner
     * @param baseCurrency the currency valuations are reported in
     * @param costMethod how sells relieve cost
     * @param opening the first events, validated like any command; at least one when there is a key
     * @param key the client's key for this command, or null for none
     * @return the new portfolio with its ledger, or the one the key created before
     * @throws RejectedException if an opening event breaks a rule, or the key created this
     *     portfolio with other settings or another opening event
     *     ({@link Rejection.Reason#IDEMPOTENCY_KEY_REUSED}); nothing is stored
     * @throws IllegalArgumentException if an opening event is dated out of range, or there is a
     *     key but no opening event to carry it
     * @throws dev.erasmo.store.DuplicatePortfolioException if the owner has one by that name that
     *     the key did not create
     */
    public Portfolio createPortfolio(Owner owner, String name, Currency baseCurrency, CostMethod costMethod,
            List<LedgerEvent> opening, @Nullable IdempotencyKey key) {
        checkOwner(owner);
        if (key != null && opening.isEmpty()) {
            throw new IllegalArgumentException("an idempotency key needs an opening event to be kept with");
        }
        Optional<Portfolio> before = createdWith(owner, name, baseCurrency, costMethod, opening, key);
        if (before.isPresent()) {
            return before.get();
        }
        Instant now = clock.instant();
        Portfolio p = Portfolio.create(new PortfolioInfo(PortfolioId.random(), owner, name, baseCurrency, costMethod, now));
        for (LedgerEvent e : opening) {
            checkTime(e, now);
            p = p.append(e, p.version() == 0 ? key : null);
        }
        try {
            store.create(p.info(), p.entries());
        } catch (dev.erasmo.store.DuplicatePortfolioException e) {
            // a creation with the same key may have won the race
            return createdWith(owner, name, baseCurrency, costMethod, opening, key).orElseThrow(() -> e);
        }
        cache.stored(p);
        return p;
    }

    /**
     * The owner's portfolio of that name if its ledger holds the key: created by the same command
     * before. The same command means the same base currency and cost method and a first opening
     * event of the same kind and amount; another one under the key is rejected.
     *
     * @throws RejectedException with {@link Rejection.Reason#IDEMPOTENCY_KEY_REUSED} if the key
     *     created the portfolio with other settings or another opening event
     */
    private Optional<Portfolio> createdWith(Owner owner, String name, Currency baseCurrency, CostMethod costMethod,
            List<LedgerEvent> opening, @Nullable IdempotencyKey key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<Portfolio> found = store.findByName(owner, PortfolioInfo.normalizeName(name)).map(i -> portfolio(i.id()));
        if (found.isEmpty() || found.get().findEntry(key).isEmpty()) {
            return Optional.empty();
        }
        Portfolio p = found.get();
        LedgerEntry first = p.findEntry(key).orElseThrow();
        if (!p.info().baseCurrency().equals(baseCurrency) || p.info().costMethod() != costMethod
                || !Request.of(first.event()).equals(Request.of(opening.get(0)))) {
            throw new RejectedException(new Rejection(Rejection.Reason.IDEMPOTENCY_KEY_REUSED, "idempotency key " + key
                    + " already created portfolio '" + p.info().name() + "' (" + p.info().baseCurrency().getCurrencyCode() + ", "
                    + p.info().costMethod() + ", " + Portfolio.describe(first.event()) + "), another command than this; use a new key"
                    + " for a new command"));
        }
        return Optional.of(p);
    }

    /**
     * Finds a portfolio by owner and name.
     *
     * @param owner the owner
     * @param name the name
     * @return its settings, or empty
     * @throws IllegalArgumentException if this instance acts for another owner ({@link #forOwner})
     */
    public Optional<PortfolioInfo> findPortfolio(Owner owner, String name) {
        checkOwner(owner);
        return store.findByName(owner, PortfolioInfo.normalizeName(name));
    }

    /**
     * Lists an owner's portfolios by name.
     *
     * @param owner the owner
     * @return their settings
     * @throws IllegalArgumentException if this instance acts for another owner ({@link #forOwner})
     */
    public List<PortfolioInfo> portfolios(Owner owner) {
        checkOwner(owner);
        return store.list(owner);
    }

    /**
     * Deletes a portfolio and its ledger.
     *
     * @param id the portfolio
     * @throws PortfolioNotFoundException if there is none
     */
    public void deletePortfolio(PortfolioId id) {
        if (owner != null) {
            portfolio(id);
        }
        store.delete(id);
        cache.forget(id);
    }

    /**
     * Loads a portfolio with its folded ledger, as stored now. A portfolio this instance used
     * lately (up to {@link Builder#portfolioCache} of them) is kept folded in memory, so only the
     * entries stored since are read and folded ({@link PortfolioStore#findTail}).
     *
     * @param id the portfolio
     * @return the portfolio
     * @throws PortfolioNotFoundException if there is none (or, for an instance made by
     *     {@link #forOwner}, if it has another owner)
     */
    public Portfolio portfolio(PortfolioId id) {
        Objects.requireNonNull(id, "id");
        if (owner == null) {
            return cache.load(id);
        }
        // one answer for a portfolio of another owner and for none at all, so a scoped caller cannot tell them apart
        PortfolioNotFoundException notFound = new PortfolioNotFoundException("no portfolio with id " + id + " of owner " + owner);
        Portfolio p;
        try {
            p = cache.load(id);
        } catch (PortfolioNotFoundException e) {
            throw notFound;
        }
        if (!owner.equals(p.info().owner())) {
            throw notFound;
        }
        return p;
    }

    // ---------------------------------------------------------------- commands

    /**
     * Books any event: validates it against the ledger (and every later event, if it is
     * back-dated) and appends it. Like {@link #dividend} and {@link #split}, it refuses a dividend
     * or split of a symbol on a date (in the configured zone) that already has one, whatever the
     * time of day of either.
     *
     * @param id the portfolio
     * @param event the event
     * @return booked, or rejected with nothing written ({@link Rejection.Reason#ALREADY_BOOKED} for a
     *     second dividend or split of a symbol on a date)
     * @throws IllegalArgumentException if the event is dated after the clock's now or before
     *     {@link #EARLIEST_EVENT_TIME}
     * @throws PortfolioNotFoundException if there is no such portfolio
     * @throws StaleVersionException if other writers (in other processes, or other instances over
     *     the same store) won every retry
     */
    public CommandResult book(PortfolioId id, LedgerEvent event) {
        return book(id, event, null);
    }

    /**
     * Books any event under an idempotency key, like {@link #book(PortfolioId, LedgerEvent)}: see
     * {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)} for what the key does.
     *
     * @param id the portfolio
     * @param event the event
     * @param key the client's key for this command, or null for none
     * @return booked (or replayed), or rejected with nothing written
     */
    public CommandResult book(PortfolioId id, LedgerEvent event, @Nullable IdempotencyKey key) {
        Objects.requireNonNull(event, "event");
        return book(id, key, Request.of(event), p -> {
            refuseTwice(p, event);
            return event;
        });
    }

    /**
     * Books many events in one write, all or none: an import, or a backtest writing its fills.
     * Each is validated as {@link #book(PortfolioId, LedgerEvent)} validates it, against the
     * ledger with the events before it in the list, and all are appended in one transaction (a
     * JDBC store sends them as batches of multi-row inserts), instead of a transaction per event.
     * Retried like a single command when another writer stored first.
     *
     * @param id the portfolio
     * @param events the events, in the order to book them; at least one
     * @return booked, with the last event's entry and the portfolio holding them all; or rejected
     *     with the reason of the first event that broke a rule, its place in the list named in the
     *     message, and nothing written
     * @throws IllegalArgumentException if there is no event, one is dated after the clock's now
     *     or before {@link #EARLIEST_EVENT_TIME}, or two have one id (nothing is written)
     * @throws NullPointerException if an event is null, naming its place
     * @throws PortfolioNotFoundException if there is no such portfolio
     * @throws StaleVersionException if other writers won every retry
     */
    public CommandResult bookAll(PortfolioId id, List<? extends LedgerEvent> events) {
        return bookAll(id, events, null);
    }

    /**
     * Books many events in one write under an idempotency key, like {@link #bookAll(PortfolioId,
     * List)}: the key goes with the last event, so the same list sent again (an import retried
     * after a lost connection) books nothing and returns the first result, replayed. The key
     * sent with another list is rejected ({@link Rejection.Reason#IDEMPOTENCY_KEY_REUSED}) when the
     * ledger's entries ending with the key's differ from the list in kind, symbol or size (time,
     * price and fee are not compared, as for one command), or there are fewer of them than events
     * in the list; a list that repeats only the end of the first one is taken for it.
     *
     * @param id the portfolio
     * @param events the events, in the order to book them; at least one
     * @param key the client's key for this list, or null for none
     * @return booked (or replayed), or rejected with nothing written
     * @throws IllegalArgumentException if there is no event, one is dated after the clock's now
     *     or before {@link #EARLIEST_EVENT_TIME}, or two have one id (nothing is written)
     * @throws NullPointerException if an event is null, naming its place
     * @throws PortfolioNotFoundException if there is no such portfolio
     * @throws StaleVersionException if other writers won every retry
     */
    public CommandResult bookAll(PortfolioId id, List<? extends LedgerEvent> events, @Nullable IdempotencyKey key) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no event to book");
        }
        Set<EventId> ids = new HashSet<>();
        Instant now = clock.instant();
        for (int i = 0; i < events.size(); i++) {
            LedgerEvent event = Objects.requireNonNull(events.get(i), "event " + (i + 1) + " of " + events.size() + " is null");
            checkTime(event, now);
            if (!ids.add(event.id())) {
                throw new IllegalArgumentException("event " + (i + 1) + " of " + events.size() + " has the id " + event.id()
                        + " of an event before it in the list");
            }
        }
        List<LedgerEvent> all = List.copyOf(events);
        List<Request> requests = all.stream().map(Request::of).toList();
        return write(id, p -> replayAll(p, key, requests), before -> {
            Portfolio after = before;
            for (int i = 0; i < all.size(); i++) {
                LedgerEvent event = all.get(i);
                try {
                    refuseTwice(after, event);
                    after = after.append(event, i == all.size() - 1 ? key : null);
                } catch (RejectedException e) {
                    throw new RejectedException(new Rejection(e.rejection().reason(), "event " + (i + 1) + " of " + all.size() + " ("
                            + Portfolio.describe(event) + "): " + e.rejection().message() + "; none of the " + all.size() + " was booked"));
                }
            }
            return after;
        });
    }

    /** Refuses a second dividend or split of a symbol on a date; any other event passes. */
    private void refuseTwice(Portfolio p, LedgerEvent event) {
        if (event instanceof Dividend d) {
            refuseTwice(p, EventKind.DIVIDEND, d.instrument().symbol(), dateOf(d.at()));
        } else if (event instanceof Split s) {
            refuseTwice(p, EventKind.SPLIT, s.symbol(), dateOf(s.at()));
        }
    }

    /**
     * Books the event made from the portfolio as loaded for each attempt, so a command that needs
     * the portfolio (a held position's currency) loads it once per attempt, not once more.
     * {@code make} may throw {@link RejectedException}.
     */
    private CommandResult book(PortfolioId id, @Nullable IdempotencyKey key, Request request, Function<Portfolio, LedgerEvent> make) {
        return write(id, p -> replay(p, key, request), before -> {
            LedgerEvent event = make.apply(before);
            checkTime(event, clock.instant());
            return before.append(event, key);
        });
    }

    /**
     * Appends what {@code change} adds to the portfolio as loaded for each attempt, under the
     * portfolio's write lock, retrying when another writer stored first; what {@code replay}
     * finds (a keyed request booked before) is answered instead. {@code change} may throw {@link
     * RejectedException}.
     */
    private CommandResult write(PortfolioId id, Function<Portfolio, Optional<CommandResult>> replay, UnaryOperator<Portfolio> change) {
        synchronized (writeLocks[Math.floorMod(id.hashCode(), writeLocks.length)]) {
            StaleVersionException lost = null;
            for (int attempt = 0; attempt <= maxRetries; attempt++) {
                Portfolio before = portfolio(id);
                Optional<CommandResult> replayed = replay.apply(before);
                if (replayed.isPresent()) {
                    return replayed.get();
                }
                Portfolio after;
                try {
                    after = change.apply(before);
                } catch (RejectedException e) {
                    return new CommandResult.Rejected(e.rejection());
                }
                List<LedgerEntry> added = after.entries().subList(before.entries().size(), after.entries().size());
                try {
                    store.append(id, before.version(), added);
                    cache.stored(after);
                    return new CommandResult.Booked(added.get(added.size() - 1), after);
                } catch (StaleVersionException e) {
                    lost = e;
                }
            }
            throw Objects.requireNonNull(lost);
        }
    }

    /**
     * What a command asks for, to tell a retry (same key, same request) from a key used again for
     * another command: the kind, the symbol and the size. Time, price and fee are not compared: a
     * retried order "now" fills at another time and price.
     */
    private record Request(EventKind kind, @Nullable Symbol symbol, String size) {

        static Request of(LedgerEvent e) {
            if (e instanceof Deposit d) {
                return cash(e.kind(), d.amount());
            } else if (e instanceof Withdrawal w) {
                return cash(e.kind(), w.amount());
            } else if (e instanceof dev.erasmo.ledger.Fee f) {
                return cash(e.kind(), f.amount());
            } else if (e instanceof Buy b) {
                return new Request(e.kind(), b.instrument().symbol(), plain(b.quantity().value()));
            } else if (e instanceof Sell x) {
                return new Request(e.kind(), x.instrument().symbol(), plain(x.quantity().value()));
            } else if (e instanceof Dividend d) {
                return new Request(e.kind(), d.instrument().symbol(), plain(d.perShare().amount()));
            } else if (e instanceof Split x) {
                return new Request(e.kind(), x.symbol(), x.numerator() + ":" + x.denominator());
            }
            throw new IllegalArgumentException("unknown event kind " + e.kind());
        }

        static Request trade(boolean buying, TradeRequest r) {
            return new Request(buying ? EventKind.BUY : EventKind.SELL, r.symbol(), plain(r.quantity().value()));
        }

        static Request cash(EventKind kind, Money amount) {
            return new Request(kind, null, amount.currency().getCurrencyCode() + " " + plain(amount.amount()));
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * The first result of a command retried with its idempotency key: the entry the key booked if
     * it was the same request, a rejection if the key booked another command; empty if the key
     * booked nothing yet (or there is no key).
     */
    private static Optional<CommandResult> replay(Portfolio p, @Nullable IdempotencyKey key, Request request) {
        if (key == null) {
            return Optional.empty();
        }
        return p.findEntry(key).map(first -> {
            if (Request.of(first.event()).equals(request)) {
                return new CommandResult.Booked(first, p, true);
            }
            return new CommandResult.Rejected(new Rejection(Rejection.Reason.IDEMPOTENCY_KEY_REUSED, "idempotency key " + key
                    + " already booked #" + first.sequence() + " (" + Portfolio.describe(first.event()) + "), another command than this "
                    + request.kind().name().toLowerCase(java.util.Locale.ROOT) + (request.symbol() != null ? " " + request.symbol() : "")
                    + " " + request.size() + "; use a new key for a new command"));
        });
    }

    /**
     * The first result of a list of events retried with its idempotency key, which went with its
     * last event: that entry if the entries ending with it are the same requests, a rejection if
     * the key booked something else; empty if the key booked nothing yet (or there is no key).
     */
    private static Optional<CommandResult> replayAll(Portfolio p, @Nullable IdempotencyKey key, List<Request> requests) {
        if (key == null) {
            return Optional.empty();
        }
        return p.findEntry(key).map(last -> {
            int n = requests.size();
            long first = last.sequence() - n + 1;
            boolean same = first >= 1;
            for (int i = 0; same && i < n; i++) {
                same = Request.of(p.entries().get((int) (first - 1 + i)).event()).equals(requests.get(i));
            }
            if (same) {
                return new CommandResult.Booked(last, p, true);
            }
            return new CommandResult.Rejected(new Rejection(Rejection.Reason.IDEMPOTENCY_KEY_REUSED, "idempotency key " + key
                    + " already booked #" + last.sequence() + " (" + Portfolio.describe(last.event()) + ") at the end of another command "
                    + "than these " + n + " events; use a new key for a new command"));
        });
    }

    /** The replay of a keyed command, looked up before a quote is fetched for it. */
    private Optional<CommandResult> replay(PortfolioId id, @Nullable IdempotencyKey key, Request request) {
        return key == null ? Optional.empty() : replay(portfolio(id), key, request);
    }

    /**
     * Deposits cash now.
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @return the result
     */
    public CommandResult deposit(PortfolioId id, Money amount) {
        return deposit(id, amount, clock.instant());
    }

    /**
     * Deposits cash effective at a time.
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @param at when
     * @return the result
     */
    public CommandResult deposit(PortfolioId id, Money amount, Instant at) {
        return deposit(id, amount, at, null);
    }

    /**
     * Deposits cash effective at a time, under an idempotency key. Every command has a variant
     * like this one, with the key as its last parameter: the first command with a key books its
     * entry with the key; sent again with the same key and the same request (kind, symbol,
     * quantity or amount; not time, price or fee), it books nothing and returns the first entry as
     * {@link CommandResult.Booked} with {@code replayed} true; with the same key and another
     * request it is rejected ({@link Rejection.Reason#IDEMPOTENCY_KEY_REUSED}). A rejected command
     * books nothing, so its key stays free. Keys are unique per portfolio and never expire.
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @param at when
     * @param key the client's key for this command, or null for none
     * @return the result
     */
    public CommandResult deposit(PortfolioId id, Money amount, Instant at, @Nullable IdempotencyKey key) {
        return book(id, new Deposit(EventId.random(), at, amount), key);
    }

    /**
     * Withdraws cash now.
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @return the result; rejected if the cash held is less
     */
    public CommandResult withdraw(PortfolioId id, Money amount) {
        return withdraw(id, amount, clock.instant());
    }

    /**
     * Withdraws cash effective at a time.
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @param at when
     * @return the result; rejected if the cash held is less, then or at any later event
     */
    public CommandResult withdraw(PortfolioId id, Money amount, Instant at) {
        return withdraw(id, amount, at, null);
    }

    /**
     * Withdraws cash effective at a time, under an idempotency key (see
     * {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)}).
     *
     * @param id the portfolio
     * @param amount the cash, above zero
     * @param at when
     * @param key the client's key for this command, or null for none
     * @return the result; rejected if the cash held is less, then or at any later event
     */
    public CommandResult withdraw(PortfolioId id, Money amount, Instant at, @Nullable IdempotencyKey key) {
        return book(id, new Withdrawal(EventId.random(), at, amount), key);
    }

    /**
     * Buys at the latest quote, now, without fee.
     *
     * @param id the portfolio
     * @param symbol what to buy
     * @param quantity how many units
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult buy(PortfolioId id, Symbol symbol, Quantity quantity) {
        return buy(id, TradeRequest.of(symbol, quantity));
    }

    /**
     * Buys as requested; without a price, at the quote source's close as of the request's date, or
     * without a date at the latest quote's {@link Quote#buyPrice() buy price} (the ask while the
     * market is open). The fee goes into the lot's cost.
     *
     * @param id the portfolio
     * @param request what to buy
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult buy(PortfolioId id, TradeRequest request) {
        return buy(id, request, null);
    }

    /**
     * Buys as requested, under an idempotency key (see
     * {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)}): a retry of a booked buy
     * returns the first fill without asking the quote source again.
     *
     * @param id the portfolio
     * @param request what to buy
     * @param key the client's key for this command, or null for none
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult buy(PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key) {
        return trade(id, request, key, true);
    }

    private CommandResult trade(PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key, boolean buying) {
        Request wanted = Request.trade(buying, request);
        Optional<CommandResult> replay = replay(id, key, wanted);
        if (replay.isPresent()) {
            return replay.get();
        }
        EventId eventId = EventId.random();
        Pricing pricing = pricing(id, request, buying);
        return book(id, key, wanted, p -> {
            Fill f = pricing.fill(p);
            return buying ? new Buy(eventId, f.at, f.instrument, request.quantity(), f.price, f.fee)
                    : new Sell(eventId, f.at, f.instrument, request.quantity(), f.price, f.fee);
        });
    }

    /**
     * Sells at the latest quote, now, without fee.
     *
     * @param id the portfolio
     * @param symbol what to sell
     * @param quantity how many units
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult sell(PortfolioId id, Symbol symbol, Quantity quantity) {
        return sell(id, TradeRequest.of(symbol, quantity));
    }

    /**
     * Sells as requested; without a price, at the quote source's close as of the request's date, or
     * without a date at the latest quote's {@link Quote#sellPrice() sell price} (the bid while the
     * market is open). The fee reduces the proceeds.
     *
     * @param id the portfolio
     * @param request what to sell
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult sell(PortfolioId id, TradeRequest request) {
        return sell(id, request, null);
    }

    /**
     * Sells as requested, under an idempotency key (see
     * {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)}): a retry of a booked sell
     * returns the first fill without asking the quote source again.
     *
     * @param id the portfolio
     * @param request what to sell
     * @param key the client's key for this command, or null for none
     * @return the result
     * @throws QuoteException if no price can be had
     */
    public CommandResult sell(PortfolioId id, TradeRequest request, @Nullable IdempotencyKey key) {
        return trade(id, request, key, false);
    }

    /**
     * Books a cash dividend per share on the units held before the trades of its ex-date, in the
     * held instrument's currency. It takes effect at the start of the ex-date (in the configured
     * zone), whatever the time of day of {@code at}, so it folds before every trade of that date.
     *
     * @param id the portfolio
     * @param symbol the instrument paying it
     * @param perShare the amount per unit
     * @param at any time on the ex-date
     * @return the result; rejected if nothing is held then, or if a dividend of the symbol is
     *     already booked on that date (by hand or by {@link #bookCorporateActions}): book one per
     *     symbol and date, with the total per share
     */
    public CommandResult dividend(PortfolioId id, Symbol symbol, BigDecimal perShare, Instant at) {
        return dividend(id, symbol, perShare, at, null);
    }

    /**
     * Books a cash dividend like {@link #dividend(PortfolioId, Symbol, BigDecimal, Instant)}, under
     * an idempotency key (see {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)}).
     *
     * @param id the portfolio
     * @param symbol the instrument paying it
     * @param perShare the amount per unit
     * @param at any time on the ex-date
     * @param key the client's key for this command, or null for none
     * @return the result
     */
    public CommandResult dividend(PortfolioId id, Symbol symbol, BigDecimal perShare, Instant at, @Nullable IdempotencyKey key) {
        Instant exDate = startOf(dateOf(at));
        EventId eventId = EventId.random();
        Request request = new Request(EventKind.DIVIDEND, symbol, Request.plain(perShare));
        return book(id, key, request, p -> {
            refuseTwice(p, EventKind.DIVIDEND, symbol, dateOf(exDate));
            // what was held before any trade at that instant: the dividend folds first (LedgerEntry.EFFECTIVE_ORDER)
            Instrument instrument = p.stateAt(exDate.minusNanos(1)).findPosition(symbol).map(Position::instrument)
                    .orElseThrow(() -> new RejectedException(new Rejection(Rejection.Reason.NOT_HELD,
                            "dividend on " + symbol + " on " + dateOf(exDate) + ": no " + symbol + " held then")));
            return new Dividend(eventId, exDate, instrument, new Price(instrument.currency(), perShare));
        });
    }

    /**
     * Books the cash dividends and splits that the quote source reports for what the portfolio
     * held, so a paper portfolio receives them like a real one. For every symbol the ledger has
     * bought, each dividend and split from its first buy up to {@code through} (and not after
     * now) is booked at the start of its date in the configured zone, if the portfolio held the
     * symbol just before that day's trades and the ledger has no event of the same kind for that
     * symbol on that date. Running it twice books nothing new. Dividends are per share as paid
     * that day; splits are as the source reports them.
     *
     * @param id the portfolio
     * @param through the last date to look at
     * @return one result per event booked or rejected (a reverse split that would leave a later
     *     sell short is rejected, and nothing else changes); empty when nothing was due; an event
     *     that another writer booked meanwhile is neither booked again nor reported
     * @throws QuoteException if the quote source fails for a reason other than an unknown symbol
     */
    public List<CommandResult> bookCorporateActions(PortfolioId id, LocalDate through) {
        QuoteSource q = requireQuotes();
        Portfolio p = portfolio(id);
        Map<Symbol, LocalDate> firstBuy = firstBuys(p, Instant.MAX, Long.MAX_VALUE);
        LocalDate today = dateOf(clock.instant());
        LocalDate last = through.isAfter(today) ? today : through;
        List<LedgerEvent> due = new ArrayList<>();
        for (Map.Entry<Symbol, LocalDate> held : firstBuy.entrySet()) {
            // an event on the first buy's date takes effect before that day's trades, when nothing was held yet
            LocalDate from = held.getValue().plusDays(1);
            if (from.isAfter(last)) {
                continue;
            }
            PriceHistory h;
            try {
                h = q.history(held.getKey(), from, last);
            } catch (QuoteNotFoundException e) {
                continue;
            }
            for (SplitEvent s : h.splits()) {
                due.add(new Split(EventId.of("split:" + h.symbol() + ":" + s.date()), startOf(s.date()), h.symbol(), s.numerator(),
                        s.denominator()));
            }
            for (DividendEvent d : h.dividends()) {
                due.add(new Dividend(EventId.of("dividend:" + h.symbol() + ":" + d.exDate()), startOf(d.exDate()),
                        new Instrument(h.symbol(), h.currency()), new Price(h.currency(), d.perShare())));
            }
        }
        due.sort(java.util.Comparator.comparing(LedgerEvent::at));
        List<CommandResult> results = new ArrayList<>();
        for (LedgerEvent event : due) {
            Symbol symbol = event instanceof Split s ? s.symbol() : ((Dividend) event).instrument().symbol();
            if (isBooked(p, event.kind(), symbol, dateOf(event.at()))
                    || p.stateAt(event.at().minusNanos(1)).findPosition(symbol).isEmpty()) {
                continue;
            }
            // checked again against the ledger as loaded to book it: another writer may have booked it meanwhile
            CommandResult r = book(id, event);
            if (r instanceof CommandResult.Booked b) {
                p = b.portfolio();
            } else if (((CommandResult.Rejected) r).rejection().reason() == Rejection.Reason.ALREADY_BOOKED) {
                continue;
            }
            results.add(r);
        }
        return results;
    }

    /** Whether the ledger has an event of that kind for that symbol on that date (in the configured zone). */
    private boolean isBooked(Portfolio p, EventKind kind, Symbol symbol, LocalDate date) {
        return findBooked(p, kind, symbol, date).isPresent();
    }

    /** The ledger's event of that kind for that symbol on that date (in the configured zone), if any. */
    private Optional<LedgerEntry> findBooked(Portfolio p, EventKind kind, Symbol symbol, LocalDate date) {
        for (LedgerEntry e : p.entries()) {
            LedgerEvent ev = e.event();
            Symbol s = ev instanceof Split split ? split.symbol() : ev instanceof Dividend d ? d.instrument().symbol() : null;
            if (ev.kind() == kind && symbol.equals(s) && dateOf(ev.at()).equals(date)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /**
     * Books a stock split of {@code numerator} new units for {@code denominator} old ones. It takes
     * effect at the start of its date (in the configured zone), whatever the time of day of
     * {@code at}, so every trade of that date is in post-split units.
     *
     * @param id the portfolio
     * @param symbol the symbol that splits
     * @param numerator new units
     * @param denominator old units
     * @param at any time on the split's date
     * @return the result; rejected if nothing is held then, or if a split of the symbol is already
     *     booked on that date (by hand or by {@link #bookCorporateActions})
     */
    public CommandResult split(PortfolioId id, Symbol symbol, int numerator, int denominator, Instant at) {
        return split(id, symbol, numerator, denominator, at, null);
    }

    /**
     * Books a split like {@link #split(PortfolioId, Symbol, int, int, Instant)}, under an
     * idempotency key (see {@link #deposit(PortfolioId, Money, Instant, IdempotencyKey)}).
     *
     * @param id the portfolio
     * @param symbol the instrument
     * @param numerator new units
     * @param denominator old units
     * @param at any time on the split's date
     * @param key the client's key for this command, or null for none
     * @return the result
     */
    public CommandResult split(PortfolioId id, Symbol symbol, int numerator, int denominator, Instant at, @Nullable IdempotencyKey key) {
        EventId eventId = EventId.random();
        Instant date = startOf(dateOf(at));
        return book(id, key, new Request(EventKind.SPLIT, symbol, numerator + ":" + denominator), p -> {
            refuseTwice(p, EventKind.SPLIT, symbol, dateOf(date));
            return new Split(eventId, date, symbol, numerator, denominator);
        });
    }

    /** Rejects a second dividend or split of a symbol on one date: it is almost always the same one booked twice. */
    private void refuseTwice(Portfolio p, EventKind kind, Symbol symbol, LocalDate date) {
        findBooked(p, kind, symbol, date).ifPresent(e -> {
            throw new RejectedException(new Rejection(Rejection.Reason.ALREADY_BOOKED, "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " of " + symbol + " on " + date + " is already booked (#" + e.sequence() + ": " + Portfolio.describe(e.event())
                    + ")" + (kind == EventKind.DIVIDEND ? "; book one dividend per symbol and date, with the total per share" : "")));
        });
    }

    /**
     * What a trade request needs from outside the ledger, looked up once: its time and, without a
     * given price, the quote it fills at.
     */
    /**
     * The price of a trade, found before the portfolio's write lock is taken, so that no quote
     * source is asked while other writers wait: the quote, or for a given price the currency of a
     * symbol not held (the quote source's).
     */
    private Pricing pricing(PortfolioId id, TradeRequest r, boolean buying) {
        Instant at = r.at() != null ? r.at() : clock.instant();
        Quote quote = null;
        Currency sourceCurrency = null;
        if (r.price() == null) {
            quote = r.at() != null ? requireQuotes().asOf(r.symbol(), dateOf(at)) : requireQuotes().latest(r.symbol());
        } else if (portfolio(id).state().findPosition(r.symbol()).isEmpty()) {
            sourceCurrency = sourceCurrency(r.symbol(), at);
        }
        return new Pricing(r, at, quote == null ? null : buying ? quote.buyPrice() : quote.sellPrice(), sourceCurrency);
    }

    private final class Pricing {
        private final TradeRequest request;
        private final Instant at;
        private final @Nullable Price quote;
        private final @Nullable Currency sourceCurrency;

        Pricing(TradeRequest request, Instant at, @Nullable Price quote, @Nullable Currency sourceCurrency) {
            this.request = request;
            this.at = at;
            this.quote = quote;
            this.sourceCurrency = sourceCurrency;
        }

        /**
         * The fill against the portfolio as loaded: a given price is in the instrument's currency,
         * the held position's, else the quote source's, else the base currency.
         */
        Fill fill(Portfolio p) {
            Price price = quote;
            if (price == null) {
                Optional<Position> held = p.state().findPosition(request.symbol());
                // the source's currency was looked up unless the position was held then; sold since, ask now
                Currency currency = held.isPresent() ? held.get().instrument().currency()
                        : sourceCurrency != null ? sourceCurrency : sourceCurrency(request.symbol(), at);
                price = new Price(currency != null ? currency : p.info().baseCurrency(), Objects.requireNonNull(request.price()));
            }
            Currency currency = price.currency();
            Money fee = request.fee() != null ? Money.of(currency, request.fee()) : Money.zero(currency);
            return new Fill(at, new Instrument(request.symbol(), currency), price, fee);
        }
    }

    /** The trading currency of a symbol in the quote source, or null if it has none (a user-priced instrument). */
    private @Nullable Currency sourceCurrency(Symbol symbol, Instant at) {
        if (quotes == null) {
            return null;
        }
        try {
            return quotes.asOf(symbol, dateOf(at)).price().currency();
        } catch (QuoteNotFoundException e) {
            return null;
        }
    }

    private record Fill(Instant at, Instrument instrument, Price price, Money fee) {
    }

    private static void checkTime(LedgerEvent event, Instant now) {
        if (event.at().isAfter(now)) {
            throw new IllegalArgumentException("event " + event.id() + " is dated " + event.at() + ", after now (" + now + ")");
        }
        if (event.at().isBefore(EARLIEST_EVENT_TIME)) {
            throw new IllegalArgumentException("event " + event.id() + " is dated " + event.at() + ", before " + EARLIEST_EVENT_TIME);
        }
    }

    // ---------------------------------------------------------------- valuation

    /**
     * Values a portfolio now, at the latest quotes. Symbols without a quote are reported as
     * unpriced, never valued at zero. FX rates come from the quote source as symbols
     * {@code FROMTO=X} ({@code EURUSD=X}).
     *
     * @param id the portfolio
     * @return the valuation
     */
    public Valuation valuation(PortfolioId id) {
        Portfolio p = portfolio(id);
        return value(p, p.state(), symbols -> requireQuotes().latest(symbols));
    }

    /**
     * Values a portfolio as of the end of a date: the events effective up to then, at each
     * symbol's last close on or before the date (at most {@value QuoteSource#AS_OF_LOOKBACK_DAYS}
     * days old).
     *
     * @param id the portfolio
     * @param date the date, in the configured zone
     * @return the valuation
     */
    public Valuation valuation(PortfolioId id, LocalDate date) {
        return valuation(portfolio(id), date);
    }

    /** A loaded portfolio valued as of the end of a date, as {@link #valuation(PortfolioId, LocalDate)}. */
    private Valuation valuation(Portfolio p, LocalDate date) {
        return pricedAsOf(p, date).valuation();
    }

    /** A loaded portfolio's state at the end of a date, with the closes and FX rates as of that date. */
    private Priced pricedAsOf(Portfolio p, LocalDate date) {
        return price(p, p.stateAt(endOf(date)), symbols -> {
            QuoteSource q = requireQuotes();
            Map<Symbol, Quote> found = new HashMap<>();
            for (Symbol s : symbols) {
                asOf(q, s, date).ifPresent(quote -> found.put(s, quote));
            }
            return found;
        });
    }

    /** A state with the prices and FX rates found for it. */
    private record Priced(PortfolioState state, PriceSnapshot prices, FxRates fx) {

        Valuation valuation() {
            return Valuation.of(state, prices, fx);
        }
    }

    /** Prices the positions and the FX rates of a state with one lookup function, then values it. */
    private static Valuation value(Portfolio p, PortfolioState state, Function<Collection<Symbol>, Map<Symbol, Quote>> lookup) {
        return price(p, state, lookup).valuation();
    }

    /** Finds the prices of the positions and the FX rates of a state with one lookup function. */
    private static Priced price(Portfolio p, PortfolioState state, Function<Collection<Symbol>, Map<Symbol, Quote>> lookup) {
        Currency base = p.info().baseCurrency();
        Map<Symbol, Currency> fxSymbols = new HashMap<>();
        for (Currency c : currencies(state)) {
            if (!c.equals(base)) {
                fxSymbols.put(fxSymbol(c, base), c);
            }
        }
        Set<Symbol> wanted = new HashSet<>(state.positions().keySet());
        wanted.addAll(fxSymbols.keySet());
        Map<Symbol, Quote> quotes = wanted.isEmpty() ? Map.of() : lookup.apply(wanted);
        Map<Symbol, MarketPrice> prices = new HashMap<>();
        Map<Currency, BigDecimal> rates = new HashMap<>();
        quotes.forEach((symbol, quote) -> {
            Currency fx = fxSymbols.get(symbol);
            if (fx != null) {
                rates.put(fx, quote.price().amount());
            }
            if (state.positions().containsKey(symbol)) {
                prices.put(symbol, quote.toMarketPrice());
            }
        });
        return new Priced(state, PriceSnapshot.of(prices), new FxRates(base, rates));
    }

    // ---------------------------------------------------------------- history

    /**
     * The daily value of a portfolio from one date to another: the ledger replayed over the
     * quote source's daily history, one {@link DailyValue} per trading day of the symbols it bought
     * up to {@code to} (weekdays when it bought none). A day without a close for a symbol takes its last close before
     * (at most {@value QuoteSource#AS_OF_LOOKBACK_DAYS} days old, never from before a split) and
     * names the symbol in {@link DailyValue#carried()}; without one, the symbol is missing that
     * day. Splits and dividends come from the ledger, so with prices as traded the curve shows no
     * cliff on a split day. Each day's return takes external flows at the start of the day.
     *
     * @param id the portfolio
     * @param from the first date (in the configured zone)
     * @param to the last date, not after today
     * @return the curve
     * @throws IllegalArgumentException if {@code from} is after {@code to} or {@code to} is after today
     * @throws QuoteException if the quote source fails for a reason other than an unknown symbol
     */
    public EquityCurve history(PortfolioId id, LocalDate from, LocalDate to) {
        return history(id, from, to, Boolean.TRUE);
    }

    /**
     * The history the fast way when it applies (single currency), else the general way
     * ({@code TRUE}); always the general way ({@code FALSE}); or only the fast way ({@code null},
     * failing when it does not apply). The tests compare them.
     */
    EquityCurve history(PortfolioId id, LocalDate from, LocalDate to, @Nullable Boolean fast) {
        checkRange(from, to);
        Portfolio p = portfolio(id);
        Prices prices = prices(p, from, to);
        List<LocalDate> dates = new ArrayList<>(prices.days().size() + 1);
        dates.add(from.minusDays(1));
        dates.addAll(prices.days());
        List<DailyValue> values = values(p, prices, dates, fast);
        return new EquityCurve(p.info(), p.version(), from, to, values.get(0), values.subList(1, values.size()));
    }

    /**
     * A curve brought up to date with the events booked since it was made, recomputing only from
     * the date of the earliest of them: the days before it are kept as they are (prices as traded
     * do not change). Equal to a new {@link #history} of the same dates, when {@code previous} was
     * made with the same zone and quote source as this instance (a curve does not record them, so
     * the kept days of a curve made in another zone stay valued at that zone's ends of day), and
     * when the source's closes of the kept days have not changed since: a kept day that had a
     * close carried forward or missing because the day's data was not final yet is not fetched
     * again (make a new {@link #history} to refresh recent days).
     *
     * @param previous a curve made by {@link #history} or by this method
     * @return the curve as of the portfolio's current version; {@code previous} if nothing was booked since
     * @throws QuoteException if the quote source fails for a reason other than an unknown symbol
     */
    public EquityCurve update(EquityCurve previous) {
        Portfolio p = portfolio(previous.portfolio().id());
        if (p.version() == previous.version()) {
            return previous;
        }
        LocalDate changed = null;
        for (LedgerEntry e : p.entries()) {
            if (e.sequence() > previous.version()) {
                LocalDate d = dateOf(e.event().at());
                changed = changed == null || d.isBefore(changed) ? d : changed;
            }
        }
        LocalDate from = previous.from();
        LocalDate to = previous.to();
        List<DailyValue> kept = new ArrayList<>();
        for (DailyValue d : previous.days()) {
            if (changed != null && d.date().isBefore(changed)) {
                kept.add(d);
            }
        }
        // the kept days stay the curve's days if the symbols are the same (a new one may trade on other days): else all anew
        if (kept.isEmpty() || !firstBuys(p, endOf(to), Long.MAX_VALUE).keySet().equals(firstBuys(p, endOf(to), previous.version()).keySet())) {
            return history(p.info().id(), from, to);
        }
        LocalDate last = kept.get(kept.size() - 1).date();
        Prices prices = prices(p, last.plusDays(1), to);
        if (prices.weekdays() && !prices.days().isEmpty()) {
            // no trading day after the kept ones: whether the curve has weekdays there depends on the whole period
            return history(p.info().id(), from, to);
        }
        List<LocalDate> dates = new ArrayList<>(prices.days().size() + 1);
        dates.add(last);
        dates.addAll(prices.days());
        List<DailyValue> values = values(p, prices, dates, Boolean.TRUE);
        List<DailyValue> days = new ArrayList<>(kept);
        days.addAll(values.subList(1, values.size()));
        return new EquityCurve(p.info(), p.version(), from, to, previous.start(), days);
    }

    private void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        LocalDate today = dateOf(clock.instant());
        if (from.isAfter(to) || to.isAfter(today)) {
            throw new IllegalArgumentException("history from " + from + " to " + to + ": the first date must not be after the last, nor the last after today ("
                    + today + ")");
        }
    }

    /**
     * The price histories a curve needs (its symbols and FX rates into the base), its days, when each symbol was first bought, and
     * whether the days are weekdays because no symbol traded between the dates.
     */
    private record Prices(Map<Symbol, PriceHistory> histories, List<LocalDate> days, Map<Symbol, LocalDate> firstBought, boolean weekdays) {
    }

    /**
     * The date each symbol was first bought, in the order the ledger takes effect: the buys at or
     * before {@code end} among the entries up to a sequence number (a ledger as it was at that version).
     */
    private Map<Symbol, LocalDate> firstBuys(Portfolio p, Instant end, long upToSequence) {
        Map<Symbol, LocalDate> first = new java.util.LinkedHashMap<>();
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            if (e.event().at().isAfter(end)) {
                break;
            }
            if (e.sequence() <= upToSequence && e.event() instanceof Buy b) {
                first.putIfAbsent(b.instrument().symbol(), dateOf(b.at()));
            }
        }
        return first;
    }

    /**
     * The histories of every symbol bought up to the end of {@code to} and of the FX rates of every
     * currency an event moved, from the look-back before {@code from}; and the curve's days: the
     * trading days of those symbols between the dates (weekdays when there are none).
     */
    private Prices prices(Portfolio p, LocalDate from, LocalDate to) {
        QuoteSource q = requireQuotes();
        Currency base = p.info().baseCurrency();
        Instant end = endOf(to);
        Map<Symbol, LocalDate> firstBought = firstBuys(p, end, Long.MAX_VALUE);
        Set<Symbol> symbols = new TreeSet<>(firstBought.keySet());
        Set<Currency> currencies = new HashSet<>();
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            if (e.event().at().isAfter(end)) {
                break;
            }
            Currency c = currencyOf(e.event());
            if (c != null) {
                currencies.add(c);
            }
        }
        LocalDate since = from.minusDays(1 + QuoteSource.AS_OF_LOOKBACK_DAYS);
        Map<Symbol, PriceHistory> histories = new HashMap<>();
        for (Symbol s : symbols) {
            try {
                histories.put(s, q.history(s, since, to));
            } catch (QuoteNotFoundException e) {
                // unknown to the source: missing on every day it is held
            }
        }
        // the trading days: every date between the two on which one of the symbols traded
        List<LocalDate> days = new ArrayList<>(Curves.tradingDays(histories.values(), from, to));
        for (Currency c : currencies) {
            if (!c.equals(base)) {
                Symbol fx = fxSymbol(c, base);
                try {
                    histories.put(fx, q.history(fx, since, to));
                } catch (QuoteNotFoundException e) {
                    // no rate: amounts in that currency are missing
                }
            }
        }
        boolean weekdays = days.isEmpty();
        if (weekdays) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    days.add(d);
                }
            }
        }
        return new Prices(histories, List.copyOf(days), firstBought, weekdays);
    }

    /** The day values at the dates (the first is the base of the second's return), the fast way when it applies. */
    private List<DailyValue> values(Portfolio p, Prices prices, List<LocalDate> dates, @Nullable Boolean fast) {
        List<PortfolioState> states = p.statesAt(dates.stream().map(this::endOf).toList());
        Optional<List<DailyValue>> quick = Boolean.FALSE.equals(fast) ? Optional.empty()
                : Curves.fast(p.info().baseCurrency(), dates, states, prices.histories(), prices.firstBought());
        if (fast == null && quick.isEmpty()) {
            throw new IllegalStateException("the fast curve does not apply to " + p.info().name());
        }
        return quick.orElseGet(() -> daily(p, dates, states, prices.histories()));
    }

    /**
     * A day's time-weighted return with the day's external flow at its start, as
     * {@link dev.erasmo.performance.TimeWeightedReturn#dailyReturn}; null when it is not defined.
     */
    static @Nullable Double returnOf(Money previous, Money flow, Money equity) {
        java.util.OptionalDouble r = dev.erasmo.performance.TimeWeightedReturn.dailyReturn(previous.amount(), flow.amount(), equity.amount());
        return r.isPresent() ? r.getAsDouble() : null;
    }

    /**
     * The day values of a history the general way, one {@link Valuation} a day (any currencies):
     * the definition {@link Curves#fast} must equal.
     */
    static List<DailyValue> daily(Portfolio p, List<LocalDate> dates, List<PortfolioState> states, Map<Symbol, PriceHistory> histories) {
        Currency base = p.info().baseCurrency();
        List<DailyValue> out = new ArrayList<>(dates.size());
        Money previousEquity = null;
        boolean previousComplete = false;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            PortfolioState state = states.get(i);
            Map<Symbol, Quote> closes = new HashMap<>();
            List<Symbol> carried = new ArrayList<>();
            Function<Collection<Symbol>, Map<Symbol, Quote>> lookup = wanted -> {
                for (Symbol s : wanted) {
                    PriceHistory h = histories.get(s);
                    if (h != null) {
                        try {
                            Quote c = h.closeAsOf(d, QuoteSource.AS_OF_LOOKBACK_DAYS);
                            closes.put(s, c);
                            if (c.date().isBefore(d) && state.positions().containsKey(s)) {
                                carried.add(s);
                            }
                        } catch (QuoteNotFoundException e) {
                            // missing that day
                        }
                    }
                }
                return closes;
            };
            Valuation v = value(p, state, lookup);
            List<String> missing = new ArrayList<>(v.missing());
            Money flow = Money.zero(base);
            Money income = Money.zero(base);
            Money fees = Money.zero(base);
            if (i > 0) {
                // what moved since the previous day of the curve, per currency, from the fold's running totals
                PortfolioState prev = states.get(i - 1);
                flow = addChange(flow, prev.netDeposits(), state.netDeposits(), base, d, closes, missing);
                income = addChange(income, prev.dividends(), state.dividends(), base, d, closes, missing);
                fees = addChange(fees, prev.fees(), state.fees(), base, d, closes, missing);
            }
            // a day or a previous day with something missing has no return: a price dropping out is not a loss
            Double r = previousEquity == null || !previousComplete || !missing.isEmpty() ? null : returnOf(previousEquity, flow, v.equity());
            carried.sort(null);
            DailyValue dv = new DailyValue(d, v.cashInBase(), v.marketValue(), v.equity(), flow, income, fees, r, carried, missing);
            out.add(dv);
            previousEquity = v.equity();
            previousComplete = missing.isEmpty();
        }
        return out;
    }

    /**
     * Where a portfolio's change of equity over a period came from, checked to the cent ({@link
     * Reconciliation#verify()}): in each currency held, in it, and in the base currency with the
     * other currencies' terms at the end's rates and the FX effect of the change of rates.
     *
     * @param id the portfolio
     * @param from the first day of the period
     * @param to the last day of the period
     * @return the reconciliation, from the valuations at the end of the day before {@code from} and at the end of {@code to}
     *     (of one version of the ledger, loaded once)
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     * @throws IllegalStateException if a currency held at the end or booked in the period has no
     *     rate into the base at the end, or one with equity at the start (cash, or positions with a
     *     price) none at the start (its {@code FROMTO=X} close as of that day): the message names it
     */
    public Reconciliation reconcile(PortfolioId id, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Portfolio p = portfolio(id);
        LocalDate before = from.minusDays(1);
        Priced s = pricedAsOf(p, before);
        Priced t = pricedAsOf(p, to);
        Map<Currency, Money> feeEvents = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        Instant after = endOf(before);
        Instant until = endOf(to);
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            Instant at = e.event().at();
            if (at.isAfter(after) && !at.isAfter(until) && e.event() instanceof dev.erasmo.ledger.Fee f) {
                feeEvents.merge(f.amount().currency(), f.amount(), Money::plus);
            }
        }
        Set<Currency> held = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        held.addAll(currencies(s.state()));
        held.addAll(currencies(t.state()));
        held.addAll(feeEvents.keySet());
        List<CurrencyReconciliation> parts = new ArrayList<>();
        Valuation start = s.valuation();
        Valuation end = t.valuation();
        for (Currency c : held) {
            Money fees = feeEvents.getOrDefault(c, Money.zero(c));
            CurrencyReconciliation part = CurrencyReconciliation.of(c, BigDecimal.ONE, BigDecimal.ONE, s.state(), start, t.state(), end, fees);
            if (part.isZero()) {
                // nothing held in it at either end nor booked in it in the period (a currency used once, long ago): no rate needed
                continue;
            }
            // the start's rate only converts the start's equity: without any, the end's serves
            BigDecimal endRate = rate(t.fx(), c, to);
            parts.add(part.withRates(part.startEquity().isZero() ? endRate : rate(s.fx(), c, before), endRate));
        }
        return Reconciliation.of(from, to, start, end, parts);
    }

    /**
     * The rate of a currency into the base as of the end of a date, 1 for the base itself: the one
     * a valuation used, or (for a currency that state did not hold) its close as of the date.
     */
    private BigDecimal rate(FxRates fx, Currency c, LocalDate date) {
        if (c.equals(fx.base())) {
            return BigDecimal.ONE;
        }
        BigDecimal r = fx.rates().get(c);
        if (r == null) {
            r = asOf(requireQuotes(), fxSymbol(c, fx.base()), date).map(q -> q.price().amount()).orElse(null);
        }
        if (r == null) {
            throw new IllegalStateException("no " + fxSymbol(c, fx.base()) + " close as of " + date + " to reconcile the "
                    + c.getCurrencyCode() + " of a " + fx.base().getCurrencyCode() + " portfolio; a currency's part of the "
                    + "reconciliation needs its rate at an end where it holds something, and at the end for what it booked");
        }
        return r;
    }

    /**
     * Where one position's change of market value over a period came from, checked to the cent
     * ({@link PositionReconciliation#verify()}): purchases, sale proceeds, realized and unrealized
     * P&amp;L, in the instrument's currency, with its dividends beside them.
     *
     * @param id the portfolio
     * @param symbol the position's symbol, bought by the end of {@code to}
     * @param from the first day of the period
     * @param to the last day of the period
     * @return the reconciliation, from the valuations at the end of the day before {@code from} and at the end of {@code to}
     *     (of one version of the ledger, loaded once)
     * @throws IllegalArgumentException if {@code from} is after {@code to}, or the portfolio never bought the symbol by {@code to}
     */
    public PositionReconciliation reconcile(PortfolioId id, Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        checkPeriod(from, to);
        Portfolio p = portfolio(id);
        LocalDate before = from.minusDays(1);
        return PositionReconciliation.of(symbol, from, to, p, endOf(before), endOf(to), valuation(p, before), valuation(p, to));
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("reconciliation from " + from + " to " + to + ": the first date is after the last");
        }
    }

    /**
     * Adds the change of a running total per currency to a sum in base, converting another
     * currency at the day's close of its FX symbol (half-even to the base's minor unit).
     */
    static Money addChange(Money sum, Map<Currency, Money> before, Map<Currency, Money> after, Currency base, LocalDate day,
            Map<Symbol, Quote> closes, List<String> missing) {
        if (before == after) {
            return sum;
        }
        Set<Currency> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        Money total = sum;
        for (Currency c : all) {
            Money change = after.getOrDefault(c, Money.zero(c)).minus(before.getOrDefault(c, Money.zero(c)));
            if (change.isZero()) {
                continue;
            }
            if (c.equals(base)) {
                total = total.plus(change);
                continue;
            }
            Quote rate = closes.get(fxSymbol(c, base));
            if (rate == null) {
                missing.add(c.getCurrencyCode() + ": no FX rate for " + change + " on " + day);
                continue;
            }
            total = total.plus(Money.of(base, change.amount().multiply(rate.price().amount()), java.math.RoundingMode.HALF_EVEN));
        }
        return total;
    }

    /** The currency an event moves money or holdings in. */
    private static @Nullable Currency currencyOf(LedgerEvent e) {
        if (e instanceof Buy b) {
            return b.instrument().currency();
        }
        if (e instanceof Sell sl) {
            return sl.instrument().currency();
        }
        if (e instanceof Dividend d) {
            return d.instrument().currency();
        }
        if (e instanceof Deposit d) {
            return d.amount().currency();
        }
        if (e instanceof Withdrawal w) {
            return w.amount().currency();
        }
        if (e instanceof dev.erasmo.ledger.Fee f) {
            return f.amount().currency();
        }
        return null;
    }

    private static Optional<Quote> asOf(QuoteSource q, Symbol s, LocalDate date) {
        try {
            return Optional.of(q.asOf(s, date));
        } catch (QuoteNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Symbol fxSymbol(Currency from, Currency to) {
        return Symbol.of(from.getCurrencyCode() + to.getCurrencyCode() + "=X");
    }

    private static Set<Currency> currencies(PortfolioState s) {
        Set<Currency> all = new TreeSet<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        all.addAll(s.cash().keySet());
        all.addAll(s.netDeposits().keySet());
        all.addAll(s.fees().keySet());
        all.addAll(s.dividends().keySet());
        s.positions().values().forEach(p -> all.add(p.instrument().currency()));
        s.realizedPnl().values().forEach(m -> all.add(m.currency()));
        return all;
    }

    // ---------------------------------------------------------------- time

    /**
     * The date of an instant in the configured zone.
     *
     * @param at the instant
     * @return its date
     */
    public LocalDate dateOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * The last instant of a date in the configured zone.
     *
     * @param date the date
     * @return one nanosecond before the next day starts
     */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }

    /**
     * The clock this instance uses for "now".
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    private QuoteSource requireQuotes() {
        if (quotes == null) {
            throw new IllegalStateException("no QuoteSource configured: pass one to Erasmo.builder().quotes(...)");
        }
        return quotes;
    }

    /**
     * Configures an {@link Erasmo}. Every setting has a default; not thread-safe.
     */
    public static final class Builder {
        private @Nullable PortfolioStore store;
        private @Nullable QuoteSource quotes;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = DEFAULT_ZONE;
        private Currency defaultCurrency = Currency.getInstance(DEFAULT_CURRENCY);
        private CostMethod defaultCostMethod = DEFAULT_COST_METHOD;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int portfolioCache = DEFAULT_PORTFOLIO_CACHE;

        private Builder() {
        }

        /**
         * Where portfolios are kept. Default: a new {@link InMemoryPortfolioStore}.
         *
         * @param store the store; erasmo does not close it
         * @return this builder
         */
        public Builder store(PortfolioStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Where prices come from. No default: commands that need a price throw
         * {@link IllegalStateException} without one.
         *
         * @param quotes the source
         * @return this builder
         */
        public Builder quotes(QuoteSource quotes) {
            this.quotes = Objects.requireNonNull(quotes, "quotes");
            return this;
        }

        /**
         * The clock for "now". Default: {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone that turns instants into dates. Default: {@link #DEFAULT_ZONE}.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The base currency of new portfolios. Default: {@value #DEFAULT_CURRENCY}.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder defaultCurrency(Currency currency) {
            this.defaultCurrency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * The cost method of new portfolios. Default: {@link CostMethod#FIFO}.
         *
         * @param method the method
         * @return this builder
         */
        public Builder defaultCostMethod(CostMethod method) {
            this.defaultCostMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * How often a command that lost a race with another writer is retried. Default:
         * {@value #DEFAULT_MAX_RETRIES}.
         *
         * @param retries zero or more
         * @return this builder
         */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative");
            }
            this.maxRetries = retries;
            return this;
        }

        /**
         * How many portfolios the instance keeps folded in memory, least recently used dropped
         * first, so that a command reads and folds only the entries stored since it last saw the
         * portfolio. Every load still asks the store for those entries, so writes from other
         * processes are always seen. Default: {@value #DEFAULT_PORTFOLIO_CACHE}; 0 keeps none.
         * Memory grows with the ledgers kept (a few hundred bytes per entry).
         *
         * @param portfolios zero or more
         * @return this builder
         */
        public Builder portfolioCache(int portfolios) {
            if (portfolios < 0) {
                throw new IllegalArgumentException("portfolios must not be negative");
            }
            this.portfolioCache = portfolios;
            return this;
        }

        /**
         * Builds the instance.
         *
         * @return the entry point
         */
        public Erasmo build() {
            PortfolioStore s = store != null ? store : new InMemoryPortfolioStore();
            Object[] locks = new Object[WRITE_LOCK_STRIPES];
            for (int i = 0; i < locks.length; i++) {
                locks[i] = new Object();
            }
            return new Erasmo(s, quotes, clock, zone, defaultCurrency, defaultCostMethod, maxRetries, locks,
                    new PortfolioCache(s, portfolioCache), null);
        }
    }
}
