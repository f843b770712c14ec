package dev.erasmo.quote.yahoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local HTTP server on 127.0.0.1 that plays Yahoo: routes match a request's path and query and
 * answer with a recorded body (from the test resources) or a simulated fault. Records every
 * request. No network beyond loopback. Shipped in the module's test-jar for the app's tests.
 */
public final class YahooStub implements AutoCloseable {

    /** A request as the server saw it: the path and query decoded, and the query as sent (null if none). */
    public record Request(String path, Map<String, String> query, Map<String, List<String>> headers, String rawQuery) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer: status, headers, body, and how long to wait before sending it. */
    public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json;charset=utf-8"), body, 0);
        }

        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body, 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    private record Route(Predicate<Request> when, Function<Request, Answer> answer) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public YahooStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests matching {@code when}; later routes win over earlier ones. */
    public YahooStub on(Predicate<Request> when, Function<Request, Answer> answer) {
        routes.add(0, new Route(when, answer));
        return this;
    }

    /** Answers every request to a path. */
    public YahooStub on(String path, Answer answer) {
        return on(r -> r.path().equals(path), r -> answer);
    }

    /** Answers requests to a path whose query has a parameter with a value. */
    public YahooStub on(String path, String param, String value, Answer answer) {
        return on(r -> r.path().equals(path) && value.equals(r.query().get(param)), r -> answer);
    }

    /** A handshake that works: a cookie from the root and the recorded crumb. */
    public YahooStub handshake() {
        on("/", new Answer(404, Map.of("Set-Cookie", "A3=d=AQABBtest&S=AQAAAtest; Max-Age=31557600; Domain=.yahoo.com; Path=/"), "", 0));
        return on(r -> r.path().equals("/v1/test/getcrumb") && r.header("Cookie") != null && r.header("Cookie").contains("A3="),
                r -> Answer.of(200, resource("getcrumb-response.txt")));
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** A file from the recorded responses in the test resources. */
    public static String resource(String name) {
        try (InputStream in = YahooStub.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Request r = new Request(x.getRequestURI().getRawPath().isEmpty() ? "/" : URLDecoder.decode(x.getRequestURI().getRawPath(), StandardCharsets.UTF_8),
                    query(x.getRequestURI().getRawQuery()), Map.copyOf(x.getRequestHeaders()), x.getRequestURI().getRawQuery());
            requests.add(r);
            Answer a = routes.stream().filter(route -> route.when().test(r)).findFirst().map(route -> route.answer().apply(r))
                    .orElse(Answer.of(404, "no route for " + r.path()));
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a time-out test): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            x.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
