package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erasmo.quote.MalformedQuoteDataException;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yahoo over HTTP: bounded concurrency, retries with back-off, the cookie and crumb handshake, and
 * the translation of every failure into a specific {@link dev.erasmo.quote.QuoteException}.
 * Thread-safe.
 */
final class YahooHttp {

    private static final Logger LOG = LoggerFactory.getLogger(YahooQuoteSource.class);
    /** Trailing bytes after the JSON document are an error, not ignored. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** How much of a body goes into an exception message. */
    static final int EXCERPT = 300;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern TOO_MANY = Pattern.compile("(?i).*too many requests.*", Pattern.DOTALL);

    /** Waits between attempts; replaced in tests. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A cookie header and the crumb that goes with it. */
    record Session(String cookies, String crumb) {
    }

    /** Yahoo refused the credentials (401 or 403): the caller may redo the handshake once. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private final HttpClient client;
    private final URI cookieUri;
    private final URI crumbUri;
    private final String userAgent;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Semaphore inFlight;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Object handshakeLock = new Object();
    private volatile @Nullable Session session;

    YahooHttp(HttpClient client, URI cookieUri, URI crumbUri, String userAgent, Duration requestTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, int maxConcurrentRequests, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.cookieUri = cookieUri;
        this.crumbUri = crumbUri;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.inFlight = new Semaphore(maxConcurrentRequests, true);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * GETs a JSON body and checks it for Yahoo's error envelope.
     *
     * @param uri the request
     * @param what the request in words, for messages (never the crumb)
     * @param cookies the cookie header, or null
     * @throws QuoteNotFoundException if Yahoo says "Not Found"
     * @throws Refused on 401 or 403
     */
    JsonNode getJson(URI uri, String what, @Nullable String cookies) {
        HttpResponse<String> r = send(uri, what, cookies);
        return json(r, what);
    }

    /** The session, made once and shared by all threads until {@link #renew}. */
    Session session() {
        Session s = session;
        if (s != null) {
            return s;
        }
        synchronized (handshakeLock) {
            if (session == null) {
                session = handshake();
            }
            return session;
        }
    }

    /** A new session after {@code stale} was refused; threads that saw the same refusal share one handshake. */
    Session renew(Session stale) {
        synchronized (handshakeLock) {
            if (session == null || session == stale) {
                session = null;
                session = handshake();
            }
            return session;
        }
    }

    private Session handshake() {
        Map<String, String> jar = new LinkedHashMap<>();
        URI next = cookieUri;
        // Yahoo sets its cookies along a chain of redirects (consent pages in some countries): keep every hop's
        for (int hop = 0; hop <= MAX_REDIRECTS && next != null; hop++) {
            HttpResponse<String> r = send(next, "Yahoo's cookie page", cookieHeader(jar));
            for (String c : r.headers().allValues("set-cookie")) {
                // the name-value pair is what comes before the first ';'; without a '=' or a name the header is ignored (RFC 6265 5.2)
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0 && !pair.substring(0, eq).isBlank()) {
                    jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            int status = r.statusCode();
            String location = r.headers().firstValue("location").orElse(null);
            next = status >= 300 && status < 400 && location != null ? redirect(next, location) : null;
        }
        String cookies = cookieHeader(jar);
        HttpResponse<String> r = send(crumbUri, "Yahoo's crumb", cookies);
        String crumb = r.body() == null ? "" : r.body().strip();
        if (r.statusCode() == 200 && TOO_MANY.matcher(crumb).matches()) {
            throw new QuoteUnavailableException("Yahoo Finance is rate limiting: its crumb endpoint answered '" + excerpt(crumb) + "'", true, null, null);
        }
        if (r.statusCode() != 200 || !validCrumb(crumb)) {
            throw new QuoteUnavailableException("Yahoo Finance gave no usable crumb (HTTP " + r.statusCode() + "): '" + excerpt(crumb) + "'", false, null,
                    null);
        }
        LOG.info("Yahoo Finance session started ({} cookies)", jar.size());
        return new Session(cookies == null ? "" : cookies, crumb);
    }

    /** Where a redirect leads, or null (the chain ends there) if it is not an http or https address with a host. */
    private static @Nullable URI redirect(URI from, String location) {
        try {
            URI to = from.resolve(location.strip());
            boolean web = "http".equalsIgnoreCase(to.getScheme()) || "https".equalsIgnoreCase(to.getScheme());
            if (web && to.getHost() != null && sameSite(from.getHost(), to.getHost())) {
                return to;
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all
        }
        LOG.info("Yahoo's cookie page redirected to '{}', which is not a web address on Yahoo's site: following no further", excerpt(location, 80));
        return null;
    }

    /** Whether two hosts share their last two labels ({@code fc.yahoo.com} and {@code guce.yahoo.com}): cookies never go elsewhere. */
    static boolean sameSite(@Nullable String a, String b) {
        return a != null && site(a).equalsIgnoreCase(site(b));
    }

    private static String site(String host) {
        int last = host.lastIndexOf('.');
        int before = last <= 0 ? -1 : host.lastIndexOf('.', last - 1);
        return host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']') ? host : host.substring(before + 1);
    }

    /** A crumb is a short token: never empty, HTML, JSON or a message. */
    static boolean validCrumb(String crumb) {
        return !crumb.isEmpty() && crumb.length() <= 64 && crumb.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '{' || c == '>' || c == '"' || c > 126);
    }

    private static @Nullable String cookieHeader(Map<String, String> jar) {
        return jar.isEmpty() ? null : jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /**
     * Sends a GET, retrying rate limits (429), server errors (5xx) and time-outs with exponential
     * back-off and jitter, honouring {@code Retry-After}.
     */
    HttpResponse<String> send(URI uri, String what, @Nullable String cookies) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout).header("User-Agent", userAgent)
                .header("Accept", "application/json,text/plain,*/*").header("Accept-Language", "en-US,en;q=0.9");
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        HttpRequest request = b.build();
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> r;
            try {
                r = sendOnce(request, what);
            } catch (IOException e) {
                String unreachable = unreachable(e);
                if (unreachable != null) {
                    throw new QuoteUnavailableException("cannot reach Yahoo Finance at " + host(uri) + " for " + what + ": " + unreachable, true, null, e);
                }
                if (attempt >= maxAttempts) {
                    throw new QuoteUnavailableException("Yahoo Finance did not answer " + what + " (" + describe(e) + ") after " + attempts(attempt),
                            true, null, e);
                }
                pause(backoff(attempt), what);
                continue;
            }
            int status = r.statusCode();
            if (status == 429 || status >= 500) {
                Duration retryAfter = retryAfter(r);
                boolean waitTooLong = retryAfter != null && retryAfter.compareTo(maxBackoff) > 0;
                if (attempt >= maxAttempts || waitTooLong) {
                    String why = status == 429 ? "is rate limiting (HTTP 429)" : "failed (HTTP " + status + ")";
                    throw new QuoteUnavailableException("Yahoo Finance " + why + " for " + what + " after " + attempts(attempt)
                            + (retryAfter != null ? ", asking to wait " + retryAfter.toSeconds() + " s" : "") + ": " + excerpt(r.body()), true, retryAfter, null);
                }
                pause(retryAfter != null ? retryAfter : backoff(attempt), what);
                continue;
            }
            return r;
        }
    }

    /**
     * One exchange, with the request time-out applied to the whole answer: the client's own
     * time-out ends once the headers arrive, so a body that trickles in forever would hang.
     */
    private HttpResponse<String> sendOnce(HttpRequest request, String what) throws IOException {
        try {
            inFlight.acquire();
            CompletableFuture<HttpResponse<String>> answer = null;
            try {
                LOG.debug("GET {}", what);
                answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new HttpTimeoutException("no whole answer within " + requestTimeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(cause);
            } finally {
                if (answer != null) {
                    answer.cancel(true);
                }
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuoteUnavailableException("interrupted while asking Yahoo Finance for " + what, true, null, e);
        }
    }

    private void pause(Duration d, String what) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuoteUnavailableException("interrupted while waiting to ask Yahoo Finance again for " + what, true, null, e);
        }
    }

    /** Exponential from the initial back-off, doubling per attempt, capped, with jitter of plus or minus 25%. */
    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        double jitter = 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(capped * jitter));
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null if absent or unreadable. */
    private @Nullable Duration retryAfter(HttpResponse<String> r) {
        String v = r.headers().firstValue("retry-after").map(String::strip).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            long s = Long.parseLong(v);
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * Why the server cannot be reached at all, in words, or null for a failure worth retrying (a
     * time-out, a connection reset mid-answer). Nothing is retried when there is no connection.
     */
    private static @Nullable String unreachable(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout (offline, or blocked?)";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "its host name cannot be resolved (offline, or blocked by DNS?)";
            }
            if (t instanceof ConnectException) {
                return "the connection was refused";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "the secure connection failed (" + describe(t) + ")";
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            return describe(e.getCause());
        }
        return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    private static String host(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /**
     * Reads a body as JSON and applies Yahoo's rules: an envelope with a non-null {@code error}
     * is that error whatever the status ("Not Found" is not found, "Unauthorized" refused); 401
     * and 403 are refused; any other status but 200 is unavailable; an HTML page is an outage; a
     * body that is not JSON is malformed.
     */
    static JsonNode json(HttpResponse<String> r, String what) {
        int status = r.statusCode();
        String body = r.body() == null ? "" : r.body();
        JsonNode root = parse(body);
        if (root != null && root.isObject() && root.size() == 1) {
            JsonNode inner = root.elements().next();
            JsonNode error = inner.path("error");
            if (error.isObject()) {
                String code = error.path("code").asText("");
                String description = error.path("description").asText("");
                if (code.equals("Not Found")) {
                    throw new QuoteNotFoundException("Yahoo Finance has no data for " + what + ": " + description);
                }
                if (code.equals("Unauthorized") || status == 401 || status == 403) {
                    throw new Refused(description.isEmpty() ? code : description);
                }
                throw new QuoteUnavailableException("Yahoo Finance refused " + what + " (HTTP " + status + ", " + code + "): " + description, false, null, null);
            }
            if (status == 200 && (inner.isNull() || inner.isMissingNode())) {
                throw new MalformedQuoteDataException("Yahoo Finance sent an empty answer for " + what + " (HTTP 200): " + excerpt(body));
            }
        }
        if (status == 401 || status == 403) {
            throw new Refused("HTTP " + status + ": " + excerpt(body));
        }
        if (status != 200) {
            throw new QuoteUnavailableException("Yahoo Finance answered HTTP " + status + " for " + what + ": " + excerpt(body), false, null, null);
        }
        if (root == null || !root.isObject()) {
            if (body.stripLeading().startsWith("<")) {
                throw new QuoteUnavailableException("Yahoo Finance sent a web page instead of data for " + what + " (HTTP 200), it may be down: "
                        + excerpt(body), true, null, null);
            }
            throw new MalformedQuoteDataException("Yahoo Finance sent a body that is not JSON for " + what + " (HTTP 200): " + excerpt(body));
        }
        return root;
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null || n.isMissingNode() ? null : n;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The first characters of a body on one line, for a message. */
    static String excerpt(@Nullable String body) {
        return excerpt(body, EXCERPT);
    }

    /** The first {@code max} characters of a text on one line, for a message. */
    static String excerpt(@Nullable String body, int max) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        String one = body.replaceAll("\\s+", " ").strip();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < one.length() && b.length() < max; i++) {
            char c = one.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return one.length() > max ? b + "..." : b.toString();
    }

    /** "1 attempt", "3 attempts". */
    private static String attempts(int n) {
        return n + (n == 1 ? " attempt" : " attempts");
    }
}
