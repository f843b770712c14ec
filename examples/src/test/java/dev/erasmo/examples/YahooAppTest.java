package dev.erasmo.examples;

import static dev.erasmo.quote.yahoo.YahooStub.resource;

import dev.erasmo.quote.yahoo.YahooStub;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the app with every Yahoo request sent to a local server that replays recorded Yahoo
 * answers ({@code --quotes yahoo=URL}), in a temporary folder. No network.
 */
abstract class YahooAppTest {

    /** The NVDA fixture was recorded on 2025-02-22. */
    static final Instant NOW = Instant.parse("2025-02-22T12:00:00Z");
    static final String NVDA = "/v8/finance/chart/NVDA";

    @TempDir
    Path dir;

    final YahooStub stub = new YahooStub();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** The app in {@link #dir} at {@link #NOW}, on the stub. */
    AppRunner app() {
        return new AppRunner(dir, Map.of(ErasmoApp.QUOTES_ENV, "yahoo=" + stub.uri()), NOW);
    }

    /** NVDA's recorded 2021 chart, and its constructed split history after it. */
    void nvda() {
        stub.on(NVDA, "events", "div,splits", Answer.ok(resource("chart-NVDA-2021-02-01_2022-01-31-1d-split-4for1.json")));
        stub.on(NVDA, "events", "splits", Answer.ok(resource("constructed-chart-NVDA-splits-after-2022-01-31.json")));
    }
}
