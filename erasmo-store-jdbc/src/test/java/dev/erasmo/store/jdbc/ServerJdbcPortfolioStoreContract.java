package dev.erasmo.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.erasmo.CommandResult;
import dev.erasmo.Erasmo;
import dev.erasmo.TradeRequest;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.Sell;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Rejection;
import dev.erasmo.store.StoreException;
import dev.erasmo.store.StoreUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What only a database server shows: connections killed under the store (as an administrator, a
 * failover or a restart does) and a session time zone other than UTC. Subclasses give the
 * server's test database through a connection pool, as a deployment would.
 */
abstract class ServerJdbcPortfolioStoreContract extends JdbcPortfolioStoreContract {

    private static final Owner ALICE = Owner.of("alice");

    /**
     * Kills every connection the test's pool holds to its database, from a connection of its own.
     *
     * @return how many were killed
     */
    abstract int killConnections() throws Exception;

    /** The time zone of the test's sessions, as the server reports it. */
    abstract String sessionTimeZone() throws Exception;

    /** The most connections a test's pool holds. */
    static final int POOL_SIZE = 16;

    /** A pool over the server's data source: at most {@value #POOL_SIZE} connections, failing fast when the server is away. */
    static HikariDataSource pool(DataSource server, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server);
        config.setPoolName(name);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /**
     * The round-trip tests of the contract run in a session whose time zone is not UTC: the JVM
     * runs in Asia/Kathmandu (UTC+05:45; erasmo-store-jdbc's surefire configuration), which the
     * PostgreSQL driver passes on to its sessions, and MariaDB's sessions are set to +05:45.
     */
    @Test
    void session_timeZone_isNotUtc() throws Exception {
        assertThat(sessionTimeZone()).isIn("Asia/Kathmandu", "+05:45");
    }

    /*
     * Four application instances book 150 keyed commands each (deposits, buys and sells) into one
     * portfolio while the test kills every connection of the pool after every few commands. Each
     * command is booked, rejected by a rule, or fails with StoreUnavailableException; sent again
     * with its key once the killing stops, every failed one is booked (a first time, or replayed
     * when its commit had gone through before the connection died) or rejected by a rule. The
     * ledger then holds one entry per booked key and no other; its stored version is its number
     * of entries (nothing half-written); and its cash is what the booked results say.
     */
    @Test
    void fault_connectionsKilledWhileTrading_everyCommandBookedOnceOrReported() throws Exception {
        Instant now = Instant.parse("2024-01-02T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Symbol x = Symbol.of("X");
        Erasmo setup = Erasmo.builder().store(track(createStore())).clock(clock).build();
        PortfolioInfo p = setup.createPortfolio(ALICE, "faults");
        setup.deposit(p.id(), Money.of("USD", "1000000"), now.minusSeconds(1_000_000)).orElseThrow();
        int writers = 4;
        int commands = 150;
        Semaphore progress = new Semaphore(0);
        AtomicBoolean trading = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        Future<?> killer = pool.submit(() -> {
            while (trading.get()) {
                // after every 5 commands, wherever they are
                if (progress.tryAcquire(5, 50, TimeUnit.MILLISECONDS)) {
                    killed.addAndGet(killConnections());
                }
            }
            return null;
        });
        Map<IdempotencyKey, TradeRequest> requests = new java.util.concurrent.ConcurrentHashMap<>();
        Map<IdempotencyKey, Boolean> buying = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<Map<IdempotencyKey, Object>>> futures = new ArrayList<>();
        List<Erasmo> instances = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Random random = new Random(w);
            Map<IdempotencyKey, TradeRequest> mine = new HashMap<>();
            for (int c = 0; c < commands; c++) {
                IdempotencyKey key = IdempotencyKey.of("w" + w + "-c" + c);
                TradeRequest r = TradeRequest.of(x, Quantity.of(1 + random.nextInt(3))).at(now.minusSeconds(100_000 - c * writers - w))
                        .price(new BigDecimal("10.0" + random.nextInt(10)));
                mine.put(key, r);
                buying.put(key, random.nextInt(3) != 0);
            }
            requests.putAll(mine);
            Erasmo erasmo = Erasmo.builder().store(track(createStore())).clock(clock).maxRetries(1_000).build();
            instances.add(erasmo);
            int writer = w;
            futures.add(pool.submit(() -> {
                Map<IdempotencyKey, Object> outcomes = new HashMap<>();
                for (int c = 0; c < commands; c++) {
                    IdempotencyKey key = IdempotencyKey.of("w" + writer + "-c" + c);
                    outcomes.put(key, send(erasmo, p, key, mine.get(key), buying.get(key)));
                    progress.release();
                }
                return outcomes;
            }));
        }
        Map<IdempotencyKey, Object> outcomes = new HashMap<>();
        try {
            for (Future<Map<IdempotencyKey, Object>> f : futures) {
                outcomes.putAll(f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            trading.set(false);
            killer.get(1, TimeUnit.MINUTES);
            pool.shutdownNow();
        }

        List<Object> failures = outcomes.values().stream().filter(o -> o instanceof Exception).toList();
        assertThat(killed.get()).as("connections killed").isPositive();
        assertThat(failures).as("commands that met a killed connection").isNotEmpty();
        assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(StoreUnavailableException.class));
        // the database is back: every failed command again, with its key, through the instance that sent it;
        // a pooled connection killed while idle fails its first use and leaves the pool, so a command may
        // meet a few of them, never more than the pool holds
        int deadPooled = 0;
        for (Map.Entry<IdempotencyKey, Object> o : new ArrayList<>(outcomes.entrySet())) {
            if (o.getValue() instanceof Exception) {
                Erasmo sender = instances.get(Integer.parseInt(o.getKey().value().substring(1, o.getKey().value().indexOf('-'))));
                Object again = send(sender, p, o.getKey(), requests.get(o.getKey()), buying.get(o.getKey()));
                while (again instanceof StoreUnavailableException && deadPooled++ < POOL_SIZE) {
                    again = send(sender, p, o.getKey(), requests.get(o.getKey()), buying.get(o.getKey()));
                }
                assertThat(again).isInstanceOf(CommandResult.class);
                outcomes.put(o.getKey(), again);
            }
        }

        Map<IdempotencyKey, CommandResult.Booked> booked = new HashMap<>();
        for (Map.Entry<IdempotencyKey, Object> o : outcomes.entrySet()) {
            if (o.getValue() instanceof CommandResult.Booked b) {
                booked.put(o.getKey(), b);
            } else {
                assertThat(((CommandResult.Rejected) o.getValue()).rejection().reason()).isEqualTo(Rejection.Reason.INSUFFICIENT_QUANTITY);
            }
        }
        List<LedgerEntry> stored = track(createStore()).find(p.id()).orElseThrow().entries();
        assertThat(stored).hasSize(1 + booked.size());
        assertThat(stored.stream().skip(1).map(LedgerEntry::key).toList()).containsExactlyInAnyOrderElementsOf(booked.keySet());
        for (LedgerEntry e : stored.subList(1, stored.size())) {
            assertThat(e).isEqualTo(booked.get(e.key()).entry());
        }
        assertThat(query("SELECT version FROM erasmo_portfolio")).containsExactly(List.of(String.valueOf(stored.size())));
        assertThat(query("SELECT COUNT(*) FROM erasmo_event")).containsExactly(List.of(String.valueOf(stored.size())));
        BigDecimal cash = new BigDecimal("1000000");
        for (CommandResult.Booked b : booked.values()) {
            cash = b.entry().event() instanceof Buy buy ? cash.subtract(buy.cashPaid().amount())
                    : cash.add(((Sell) b.entry().event()).proceeds().amount());
        }
        assertThat(setup.portfolio(p.id()).state().cash(Currency.getInstance("USD")).amount()).isEqualByComparingTo(cash);
    }

    /** Sends one keyed trade; returns its result, or the store's exception. */
    private static Object send(Erasmo erasmo, PortfolioInfo p, IdempotencyKey key, TradeRequest r, boolean buy) {
        try {
            return buy ? erasmo.buy(p.id(), r, key) : erasmo.sell(p.id(), r, key);
        } catch (StoreException e) {
            return e;
        }
    }
}
