package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.MalformedQuoteDataException;
import dev.erasmo.quote.MarketState;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.SplitEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices from Yahoo Finance's unofficial HTTP API: daily history from {@code /v8/finance/chart}
 * and latest quotes, many symbols per request, from {@code /v7/finance/quote}.
 *
 * <p><b>Unofficial.</b> Yahoo publishes no terms, limits or guarantees for this API: it may change
 * or stop without notice, and it rate-limits (HTTP 429) without saying how much is too much. Use
 * it for paper trading, wrap it in a {@link dev.erasmo.quote.CachingQuoteSource}, and be ready to
 * plug in another {@link QuoteSource}.
 *
 * <p><b>History as traded.</b> Yahoo divides every price (and dividend) by every split up to the
 * moment of the request, even splits after the requested window. erasmo's ledger applies splits to
 * positions itself, so this source undoes that: it also asks for the symbol's splits from the end
 * of the window up to now, and multiplies each bar by the splits after its date. A 2021-07-19 NVDA close
 * is therefore the 751.19 that traded that day, not Yahoo's 18.78 (divided by the 4:1 split of
 * 2021-07-20 and the 10:1 of 2024-06-10). Volumes are divided likewise
 * (rounded half-even to whole units). {@link Bar#adjClose()} stays Yahoo's adjusted close (split-
 * and dividend-adjusted to the time of the request): a total-return series for ratios, not a price
 * that traded. Dividends are per share as paid on their ex-date.
 *
 * <p><b>Dates</b> are exchange dates: each timestamp is converted with the exchange's time zone
 * ({@code meta.exchangeTimezoneName}), never UTC or the host's zone. Bars whose close is missing
 * ({@code null} rows) are skipped, never taken as zero; two bars on one date keep the later; bars
 * outside the window are dropped. The session in progress (Yahoo stamps it with the latest trade
 * time) is not a bar but {@link PriceHistory#live()}. Events are dated by their own date, never by
 * the bar they are filed under.
 *
 * <p><b>Numbers.</b> Yahoo's price arrays hold float32 values printed as doubles
 * ({@code 75.0875015258789}); each is read as the shortest decimal that names the same float
 * ({@code 75.0875}). float32 has about 7 significant digits, so above 100,000 a price may be off
 * by a few cents at the source; nothing here can recover them. Prices quoted in hundredths
 * ({@code GBp}, {@code GBX}, {@code ZAc}, {@code ILA}) are converted to GBP, ZAR and ILS by the
 * currency Yahoo reports; a symbol without a currency is refused, not guessed. An LSE dividend is
 * taken as pence like the prices unless Yahoo gives its currency, or, read as pence, it would be
 * under 0.1% of the previous close (then it was in pounds).
 *
 * <p><b>Bad numbers.</b> {@code null}, and a price at or below zero, are missing (Yahoo sends 0
 * for a price it does not have). A value of the wrong kind (a string for a number, a map for an
 * array), a time outside the years 1 to 9999, a split that cannot be read, a chart of another
 * symbol, and a price above {@link #MAX_PRICE} are a {@link MalformedQuoteDataException}: never
 * skipped, because skipping them would leave a wrong answer that looks right. A price too small
 * for {@link Price#MAX_SCALE} decimals is never rounded to zero: a close or a latest price is
 * malformed, an open, high, low, adjusted close, bid or ask missing. A volume that a {@code long}
 * cannot hold is missing.
 *
 * <p><b>Latest quotes</b> need a cookie and a crumb: the source gets them once, shares them
 * between threads, and redoes the handshake once when Yahoo answers 401 or 403. The last price is
 * {@code regularMarketPrice} at {@code regularMarketTime}; bid and ask are kept only when both are
 * above zero and not crossed; {@link MarketState} says whether the market is open. When the quote
 * endpoint refuses (credentials, a crumb it will not give), each symbol is priced from the chart
 * endpoint's {@code regularMarketPrice} instead. At most {@value #MAX_QUOTE_BATCH} symbols go in one
 * request. Symbols are written as users write them: {@code BRK.B} is asked as {@code BRK-B}.
 *
 * <p><b>Failures.</b> An unknown or delisted symbol is a {@link QuoteNotFoundException} (never
 * retried). Rate limits (429), server errors (5xx) and time-outs are retried with exponential
 * back-off and jitter, honouring {@code Retry-After}, up to {@link Builder#maxAttempts}; then a
 * {@link QuoteUnavailableException} that {@link QuoteUnavailableException#isRetryable() is
 * retryable}. A server that cannot be reached fails at once. A body that is not JSON is a
 * {@link MalformedQuoteDataException} with the status and the start of the body.
 *
 * <p>Thread-safe. At most {@link Builder#maxConcurrentRequests} requests are in flight at once.
 * The source starts no threads of its own (the {@link HttpClient} may).
 */
public final class YahooQuoteSource implements QuoteSource {

    /** The most symbols Yahoo answers in one quote request. */
    public static final int MAX_QUOTE_BATCH = 99;
    /** The default time to connect: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The default time for a whole request: 20 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The default number of attempts of a request that is rate limited, fails on the server or times out: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The default wait before the second attempt, doubled for each further one: 1 second. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** The default longest wait between attempts, and the longest {@code Retry-After} honoured: 30 seconds. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** The default number of requests in flight at once: 4. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
    /** The default {@code User-Agent}: a current desktop Chrome (Yahoo answers 429 to clients it does not recognise). */
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** Where the cookie comes from by default. */
    public static final URI DEFAULT_COOKIE_URI = URI.create("https://fc.yahoo.com/");
    /** Where the crumb comes from by default. */
    public static final URI DEFAULT_CRUMB_URI = URI.create("https://query1.finance.yahoo.com/v1/test/getcrumb");
    /** Where the data comes from by default. */
    public static final URI DEFAULT_DATA_URI = URI.create("https://query2.finance.yahoo.com");

    /**
     * The largest price taken from Yahoo, 10<sup>15</sup> in any currency: far above any price
     * that ever traded, so a larger one is an error in the data (a {@link MalformedQuoteDataException}),
     * never a price.
     */
    public static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(15);

    private static final Logger LOG = LoggerFactory.getLogger(YahooQuoteSource.class);
    private static final int PRICE_SCALE = Price.MAX_SCALE;
    private static final BigDecimal[] ONE_FOR_ONE = {BigDecimal.ONE, BigDecimal.ONE};
    private static final LocalDate FIRST_ASKED = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_ASKED = LocalDate.of(9999, 12, 31);
    /** A bar stamped with the latest trade time is the session in progress if it is this recent. */
    private static final int LIVE_DAYS = 4;

    private final YahooHttp http;
    private final URI data;
    private final Clock clock;

    private YahooQuoteSource(Builder b) {
        this.clock = b.clock;
        URI cookie = b.baseUri != null ? under(b.baseUri, "/") : DEFAULT_COOKIE_URI;
        URI crumb = b.baseUri != null ? under(b.baseUri, "/v1/test/getcrumb") : DEFAULT_CRUMB_URI;
        this.data = b.baseUri != null ? b.baseUri : DEFAULT_DATA_URI;
        HttpClient client = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.http = new YahooHttp(client, cookie, crumb, b.userAgent, b.requestTimeout, b.maxAttempts, b.initialBackoff, b.maxBackoff,
                b.maxConcurrentRequests, b.clock, b.sleeper);
    }

    /**
     * A source with every default, against Yahoo's own hosts.
     *
     * @return the source
     */
    public static YahooQuoteSource create() {
        return builder().build();
    }

    /**
     * A builder, with every default set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
        Map<String, List<Symbol>> byYahoo = new LinkedHashMap<>();
        for (Symbol s : new LinkedHashSet<>(symbols)) {
            byYahoo.computeIfAbsent(Symbols.yahoo(s), k -> new ArrayList<>()).add(s);
        }
        List<String> all = new ArrayList<>(byYahoo.keySet());
        Map<Symbol, Quote> out = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i += MAX_QUOTE_BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + MAX_QUOTE_BATCH));
            Map<String, Quote> found;
            try {
                found = quoteBatch(batch);
            } catch (QuoteUnavailableException e) {
                if (e.getCause() instanceof IOException || e.isRetryable()) {
                    throw e; // unreachable or rate limited: the chart endpoint would fare no better
                }
                LOG.info("Yahoo's quote endpoint refused ({}); pricing {} symbols from the chart endpoint", e.getMessage(), batch.size());
                found = new LinkedHashMap<>();
                for (String y : batch) {
                    try {
                        found.put(y, chartQuote(y));
                    } catch (QuoteNotFoundException notFound) {
                        // absent, like a symbol missing from a quote answer
                    }
                }
            }
            for (Map.Entry<String, Quote> f : found.entrySet()) {
                for (Symbol s : byYahoo.getOrDefault(f.getKey(), List.of())) {
                    Quote q = f.getValue();
                    out.put(s, new Quote(s, q.price(), q.date(), q.time(), q.bid(), q.ask(), q.marketState()));
                }
            }
        }
        return out;
    }

    private Map<String, Quote> quoteBatch(List<String> batch) {
        String what = "quotes of " + String.join(",", batch);
        YahooHttp.Session s = http.session();
        JsonNode root;
        try {
            root = http.getJson(quoteUri(batch, s.crumb()), what, s.cookies());
        } catch (YahooHttp.Refused r) {
            LOG.info("Yahoo refused the crumb ({}); starting a new session", r.reason);
            s = http.renew(s);
            try {
                root = http.getJson(quoteUri(batch, s.crumb()), what, s.cookies());
            } catch (YahooHttp.Refused again) {
                throw new QuoteUnavailableException("Yahoo Finance refused " + what + " twice: " + again.reason, false, null, null);
            }
        } catch (QuoteNotFoundException e) {
            return Map.of();
        }
        JsonNode result = root.path("quoteResponse").path("result");
        if (!result.isArray()) {
            throw new MalformedQuoteDataException("Yahoo Finance's answer for " + what + " has no quoteResponse.result");
        }
        Map<String, Quote> out = new LinkedHashMap<>();
        for (JsonNode q : result) {
            String symbol = Chart.text(q, "symbol");
            if (symbol == null || !batch.contains(symbol) || "NONE".equals(Chart.text(q, "quoteType"))) {
                continue; // matched by symbol, never by position; NONE is delisted or renamed
            }
            String of = " of " + symbol + " in a quote answer";
            BigDecimal last = Decimals.meta(q.get("regularMarketPrice"), "the price" + of);
            Long time = Chart.time(q.get("regularMarketTime"), "the time" + of);
            if (last == null || time == null || time <= 0) {
                continue; // no price, or no time to date it by (0 is "unknown", not 1970)
            }
            Units units = Units.of(Chart.text(q, "currency"), symbol);
            ZoneId zone = zone(Chart.text(q, "exchangeTimezoneName"), symbol);
            BigDecimal bid = price(units, Decimals.meta(q.get("bid"), "the bid" + of), ONE_FOR_ONE, "bid" + of);
            BigDecimal ask = price(units, Decimals.meta(q.get("ask"), "the ask" + of), ONE_FOR_ONE, "ask" + of);
            if (bid == null || ask == null || bid.compareTo(ask) > 0) {
                bid = null; // one side missing, zero (or too small to hold) or crossed: unusable for a fill
                ask = null;
            }
            Instant at = Instant.ofEpochSecond(time);
            Quote quote = new Quote(Symbol.of(symbol), quotePrice(units, last, "price" + of), LocalDate.ofInstant(at, zone), at,
                    bid == null ? null : new Price(units.currency(), bid), ask == null ? null : new Price(units.currency(), ask),
                    state(Chart.text(q, "marketState")));
            Quote before = out.putIfAbsent(symbol, quote);
            if (before != null && !before.equals(quote)) {
                throw new MalformedQuoteDataException("Yahoo Finance answered two different quotes of " + symbol + " (" + before.price() + " at "
                        + before.time() + ", " + quote.price() + " at " + quote.time() + "): erasmo cannot tell which is right");
            }
        }
        return out;
    }

    private URI quoteUri(List<String> batch, String crumb) {
        String symbols = batch.stream().map(Symbols::encode).collect(Collectors.joining(","));
        return under(data, "/v7/finance/quote?symbols=" + symbols + "&crumb=" + Symbols.encode(crumb));
    }

    /** A quote from the chart endpoint's meta, when the quote endpoint refuses. */
    private Quote chartQuote(String yahoo) {
        Chart c = chart(yahoo, "range=5d&interval=1d", "latest price of " + yahoo);
        Units units = Units.of(c.currency(), yahoo);
        if (c.regularMarketPrice() == null || c.regularMarketTime() == null) {
            throw new QuoteNotFoundException("Yahoo Finance has no latest price for " + yahoo);
        }
        Instant at = Instant.ofEpochSecond(c.regularMarketTime());
        long now = clock.instant().getEpochSecond();
        boolean open = c.regularStart() != null && c.regularEnd() != null && now >= c.regularStart() && now < c.regularEnd();
        return new Quote(Symbol.of(yahoo), quotePrice(units, c.regularMarketPrice(), "latest price of " + yahoo), LocalDate.ofInstant(at, c.zone()), at,
                null, null, open ? MarketState.REGULAR : MarketState.CLOSED);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Any dates may be asked for: {@code LocalDate.MIN} to {@code LocalDate.MAX} is all of
     * Yahoo's history, and a window after today is empty.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to} (a mistake of the caller,
     *     not a failure of the source)
     */
    @Override
    public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("history of " + symbol + " from " + from + " to " + to + ": the first date is after the last");
        }
        String yahoo = Symbols.yahoo(symbol);
        long now = clock.instant().getEpochSecond();
        // Yahoo has nothing before 1900 (and LocalDate.MIN or MAX would overflow the arithmetic below)
        LocalDate first = from.isBefore(FIRST_ASKED) ? FIRST_ASKED : from;
        LocalDate last = to.isAfter(LAST_ASKED) ? LAST_ASKED : to;
        // a day of margin each side covers every exchange's zone; bars are then clipped by exchange date
        long period2 = Math.min(last.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond(), now);
        long period1 = Math.min(first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(), period2 - 86_400);
        // messages name the symbol as the user wrote it, and Yahoo's form when it differs
        String named = yahoo.equals(symbol.value()) ? yahoo : symbol + " (" + yahoo + " at Yahoo)";
        Chart c = chart(yahoo, "period1=" + period1 + "&period2=" + period2 + "&interval=1d&events=div,splits&includePrePost=false",
                "history of " + named + " from " + from + " to " + to);
        Units units = Units.of(c.currency(), yahoo);
        TreeMap<LocalDate, Chart.Split> splits = new TreeMap<>();
        c.splits().forEach(s -> splits.put(c.dateOf(s.time()), s));
        if (period2 < now) {
            // Yahoo divided every price by the splits up to now, also those after the window: fetch them
            long after = last.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            Chart later = chart(yahoo, "period1=" + after + "&period2=" + now + "&interval=1d&events=splits&includePrePost=false",
                    "splits of " + named + " after " + to);
            later.splits().forEach(s -> splits.put(later.dateOf(s.time()), s));
        }
        return asTraded(symbol, c, units, splits, from, to, now);
    }

    private PriceHistory asTraded(Symbol symbol, Chart c, Units units, TreeMap<LocalDate, Chart.Split> splits, LocalDate from, LocalDate to,
            long now) {
        TreeMap<LocalDate, BigDecimal[]> undo = undo(splits);
        TreeMap<LocalDate, Chart.Row> byDate = new TreeMap<>();
        for (Chart.Row r : c.rows()) {
            if (r.close() != null) {
                byDate.put(c.dateOf(r.time()), r); // rows are in time order: the later of two on a date wins
            }
        }
        Bar live = null;
        if (!byDate.isEmpty()) {
            Map.Entry<LocalDate, Chart.Row> last = byDate.lastEntry();
            LocalDate today = LocalDate.ofInstant(Instant.ofEpochSecond(now), c.zone());
            boolean stampedNow = c.regularMarketTime() != null && last.getValue().time() == c.regularMarketTime()
                    && !last.getKey().isBefore(today.minusDays(LIVE_DAYS));
            boolean inSession = last.getKey().equals(today) && c.regularEnd() != null && now < c.regularEnd();
            if (stampedNow || inSession) {
                byDate.remove(last.getKey());
                if (!last.getKey().isBefore(from) && !last.getKey().isAfter(to)) {
                    live = bar(symbol, last.getKey(), last.getValue(), units, factor(undo, last.getKey()));
                }
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<LocalDate, Chart.Row> e : byDate.subMap(from, true, to, true).entrySet()) {
            bars.add(bar(symbol, e.getKey(), e.getValue(), units, factor(undo, e.getKey())));
        }
        TreeMap<LocalDate, DividendEvent> dividends = new TreeMap<>();
        for (Chart.Dividend d : c.dividends()) {
            LocalDate date = c.dateOf(d.time());
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            if (d.currency() != null && !d.currency().equals(c.currency()) && !d.currency().equals(units.currency().getCurrencyCode())) {
                LOG.warn("skipping {}'s dividend of {} {} on {}: it is not in the trading currency {}", symbol, d.amount(), d.currency(), date,
                        c.currency());
                continue;
            }
            BigDecimal[] f = factor(undo, date);
            BigDecimal perShare = scaled(d.amount(), f);
            if (units.minor()) {
                boolean inPounds;
                if (d.currency() != null) {
                    inPounds = !d.currency().equals(c.currency()); // Yahoo said which: GBP is pounds, GBp pence
                } else {
                    // LSE dividends come in pence or in pounds: in pence, a dividend under 0.1% of the close is implausible
                    Map.Entry<LocalDate, Chart.Row> before = byDate.lowerEntry(date);
                    BigDecimal close = before == null ? null : scaled(Objects.requireNonNull(before.getValue().close()), factor(undo, before.getKey()));
                    inPounds = close != null && perShare.movePointRight(3).compareTo(close) < 0;
                }
                perShare = inPounds ? perShare : units.major(perShare);
            }
            BigDecimal amount = traded(perShare, "dividend of " + symbol + " on " + date);
            if (amount != null) {
                dividends.put(date, new DividendEvent(date, amount));
            }
        }
        List<SplitEvent> inWindow = new ArrayList<>();
        splits.subMap(from, true, to, true).forEach((date, s) -> inWindow.add(new SplitEvent(date, s.numerator(), s.denominator())));
        return new PriceHistory(symbol, units.currency(), bars, List.copyOf(dividends.values()), inWindow, live);
    }

    /**
     * For each split's date, the product of that split and every later one, as numerator and
     * denominator in lowest terms: what undoes Yahoo's adjustment of the prices before that date.
     * Made once, so that many splits cost no more than a few.
     */
    private static TreeMap<LocalDate, BigDecimal[]> undo(TreeMap<LocalDate, Chart.Split> splits) {
        TreeMap<LocalDate, BigDecimal[]> out = new TreeMap<>();
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (Map.Entry<LocalDate, Chart.Split> e : splits.descendingMap().entrySet()) {
            num = num.multiply(BigInteger.valueOf(e.getValue().numerator()));
            den = den.multiply(BigInteger.valueOf(e.getValue().denominator()));
            BigInteger gcd = num.gcd(den);
            num = num.divide(gcd);
            den = den.divide(gcd);
            out.put(e.getKey(), new BigDecimal[] {new BigDecimal(num), new BigDecimal(den)});
        }
        return out;
    }

    /** The product of the splits after a date: what undoes Yahoo's adjustment of that date's prices. */
    private static BigDecimal[] factor(TreeMap<LocalDate, BigDecimal[]> undo, LocalDate date) {
        Map.Entry<LocalDate, BigDecimal[]> next = undo.higherEntry(date);
        return next == null ? ONE_FOR_ONE : next.getValue();
    }

    private static Bar bar(Symbol symbol, LocalDate date, Chart.Row r, Units units, BigDecimal[] f) {
        String of = " of " + symbol + " on " + date;
        BigDecimal close = price(units, r.close(), f, "close" + of);
        if (close == null) {
            throw new MalformedQuoteDataException("Yahoo Finance sent " + Objects.requireNonNull(r.close()) + " as the close" + of
                    + ", which as traded is too small for a price of at most " + PRICE_SCALE + " decimals");
        }
        Long volume = null;
        if (r.volume() != null) {
            BigInteger v = new BigDecimal(r.volume()).multiply(f[1]).divide(f[0], 0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            volume = v.bitLength() < Long.SIZE ? v.longValue() : null; // more than a long holds: unknown
        }
        return new Bar(date, price(units, r.open(), f, "open" + of), price(units, r.high(), f, "high" + of), price(units, r.low(), f, "low" + of),
                close, price(units, r.adjClose(), ONE_FOR_ONE, "adjusted close" + of), volume);
    }

    /** A price in Yahoo's units, with the splits after it undone, as traded in the major unit; null if none or too small to hold. */
    private static @Nullable BigDecimal price(Units units, @Nullable BigDecimal yahoo, BigDecimal[] f, String what) {
        return yahoo == null ? null : traded(units.major(scaled(yahoo, f)), what);
    }

    /**
     * To at most {@link Price#MAX_SCALE} decimals; null if that is zero (a price too small to
     * hold is missing, never zero).
     *
     * @throws MalformedQuoteDataException above {@link #MAX_PRICE}
     */
    private static @Nullable BigDecimal traded(BigDecimal v, String what) {
        if (v.compareTo(MAX_PRICE) > 0) {
            throw new MalformedQuoteDataException("Yahoo Finance's " + what + " would be " + v.round(new MathContext(4)) + ", above any price that ever traded ("
                    + MAX_PRICE.toPlainString() + "): the data is wrong");
        }
        BigDecimal r = round(v);
        return r.signum() == 0 ? null : r;
    }

    /** A latest price, which must be there. */
    private static Price quotePrice(Units units, BigDecimal yahoo, String what) {
        BigDecimal p = traded(units.major(yahoo), what);
        if (p == null) {
            throw new MalformedQuoteDataException("Yahoo Finance sent " + yahoo + " as the " + what + ", which is too small for a price of at most "
                    + PRICE_SCALE + " decimals");
        }
        return new Price(units.currency(), p);
    }

    private static BigDecimal scaled(BigDecimal v, BigDecimal[] f) {
        BigDecimal up = v.multiply(f[0]);
        return f[1].equals(BigDecimal.ONE) ? up : up.divide(f[1], PRICE_SCALE + 2, RoundingMode.HALF_EVEN);
    }

    /** To at most {@link Price#MAX_SCALE} decimals, half-even, without trailing zeros. */
    private static BigDecimal round(BigDecimal v) {
        BigDecimal r = v.scale() > PRICE_SCALE ? v.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN) : v;
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private Chart chart(String yahoo, String query, String what) {
        URI uri = under(data, "/v8/finance/chart/" + Symbols.encode(yahoo) + "?" + query);
        try {
            Chart c = Chart.read(http.getJson(uri, what, null), what);
            if (!c.symbol().equalsIgnoreCase(yahoo)) {
                throw new MalformedQuoteDataException("Yahoo Finance answered " + what + " with the chart of another symbol, '"
                        + YahooHttp.excerpt(c.symbol(), 40) + "'");
            }
            return c;
        } catch (YahooHttp.Refused r) {
            throw new QuoteUnavailableException("Yahoo Finance refused " + what + ": " + r.reason, false, null, null);
        }
    }

    /**
     * A path (and query) below a base URI's own path, which is kept: {@code http://127.0.0.1:8080/yahoo}
     * and {@code /v8/finance/chart/AAPL} give {@code http://127.0.0.1:8080/yahoo/v8/finance/chart/AAPL}.
     */
    private static URI under(URI base, String pathAndQuery) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + pathAndQuery);
    }

    private static ZoneId zone(@Nullable String name, String symbol) {
        if (name == null) {
            throw new MalformedQuoteDataException("Yahoo Finance's quote of " + symbol + " has no exchange time zone");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new MalformedQuoteDataException("Yahoo Finance's quote of " + symbol + " has an unknown time zone '" + name + "'", e);
        }
    }

    private static MarketState state(@Nullable String yahoo) {
        if (yahoo == null) {
            return MarketState.CLOSED;
        }
        return switch (yahoo) {
            case "REGULAR" -> MarketState.REGULAR;
            case "PRE" -> MarketState.PRE;
            case "POST" -> MarketState.POST;
            default -> MarketState.CLOSED; // CLOSED, PREPRE, POSTPOST, anything new
        };
    }

    /**
     * Builds a {@link YahooQuoteSource}. Every setting has a default (the {@code DEFAULT_}
     * constants). Not thread-safe.
     */
    public static final class Builder {
        private @Nullable URI baseUri;
        private @Nullable HttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private String userAgent = DEFAULT_USER_AGENT;
        private Clock clock = Clock.systemUTC();
        private YahooHttp.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder() {
        }

        /**
         * Sends every request (cookie, crumb, chart, quote) to one server instead of Yahoo's hosts:
         * a proxy, or a local server that replays recorded answers. A path is kept: with
         * {@code http://127.0.0.1:8080/yahoo} the chart of AAPL is asked at
         * {@code /yahoo/v8/finance/chart/AAPL}, the cookie at {@code /yahoo/}.
         *
         * @param baseUri e.g. {@code http://127.0.0.1:8080}, or with a path
         * @return this builder
         * @throws IllegalArgumentException if it is not an http or https URL with a host, and a port
         *     from 0 to 65535 if it has one, or if it has a query or a fragment
         */
        public Builder baseUri(URI baseUri) {
            String scheme = Objects.requireNonNull(baseUri, "baseUri").getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || baseUri.getHost() == null || baseUri.getPort() > 65535) {
                throw new IllegalArgumentException("base URI " + baseUri + " must be an http or https URL with a host (and a port up to 65535)");
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
                throw new IllegalArgumentException("base URI " + baseUri + " must not have a query or a fragment");
            }
            this.baseUri = baseUri;
            return this;
        }

        /**
         * The HTTP client to use; by default one with {@link #connectTimeout} that does not follow
         * redirects (the handshake follows them itself to keep every cookie).
         *
         * @param httpClient the client; its own connect timeout then applies
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * How long to wait for a connection (default {@link #DEFAULT_CONNECT_TIMEOUT}).
         *
         * @param timeout above zero
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * How long to wait for a whole answer (default {@link #DEFAULT_REQUEST_TIMEOUT}).
         *
         * @param timeout above zero
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /**
         * How many times to send a request that is rate limited, fails on the server or times out
         * (default {@value #DEFAULT_MAX_ATTEMPTS}).
         *
         * @param attempts 1 or more
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("max attempts " + attempts + " must be 1 or more");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The back-off between attempts: the first wait, doubled for each further attempt up to
         * the longest, each with jitter of plus or minus 25% (defaults
         * {@link #DEFAULT_INITIAL_BACKOFF} and {@link #DEFAULT_MAX_BACKOFF}). A {@code Retry-After}
         * longer than the longest wait is not waited for: the request fails at once, saying how
         * long Yahoo asked to wait.
         *
         * @param initial the first wait, zero or more
         * @param max the longest wait, at least the first
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("back-off from " + initial + " to " + max + " must not be negative or shrink");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * How many requests may be in flight at once (default {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}).
         *
         * @param max 1 or more
         * @return this builder
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max concurrent requests " + max + " must be 1 or more");
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /**
         * The {@code User-Agent} of every request (default {@link #DEFAULT_USER_AGENT}).
         *
         * @param userAgent not blank
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            if (userAgent.isBlank()) {
                throw new IllegalArgumentException("user agent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * The clock for "now": the end of the split history, the session in progress, and
         * {@code Retry-After} dates (default the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces the wait between attempts (tests). */
        Builder sleeper(YahooHttp.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public YahooQuoteSource build() {
            return new YahooQuoteSource(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " " + d + " must be above zero");
            }
            return d;
        }
    }
}
