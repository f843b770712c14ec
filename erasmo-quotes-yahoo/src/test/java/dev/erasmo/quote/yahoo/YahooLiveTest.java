package dev.erasmo.quote.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A smoke test against the real Yahoo Finance. It reaches the network, so it runs only when
 * {@code ERASMO_LIVE_YAHOO=1}; CI never sets it. Run it with
 * {@code ERASMO_LIVE_YAHOO=1 mvn -B test -pl erasmo-core,erasmo-quotes-yahoo -Dtest=YahooLiveTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "ERASMO_LIVE_YAHOO", matches = "1")
class YahooLiveTest {

    private final YahooQuoteSource yahoo = YahooQuoteSource.create();

    @Test
    void nvdaJuly2021IsAsTraded() {
        PriceHistory h = yahoo.history(Symbol.of("NVDA"), LocalDate.of(2021, 7, 19), LocalDate.of(2021, 7, 20));
        // NVDA closed at 751.19 on 2021-07-19, before its 4:1 (2021-07-20) and 10:1 (2024-06-10) splits; 186.12 the day after
        assertThat(h.bars()).hasSize(2);
        assertThat(h.bars().get(0).close()).isBetween(new java.math.BigDecimal("751.18"), new java.math.BigDecimal("751.20"));
        assertThat(h.bars().get(1).close()).isBetween(new java.math.BigDecimal("186.11"), new java.math.BigDecimal("186.13"));
    }

    @Test
    void latestQuotesOfSeveralSymbols() {
        Map<Symbol, Quote> q = yahoo.latest(List.of(Symbol.of("AAPL"), Symbol.of("BRK.B"), Symbol.of("^GSPC"), Symbol.of("EURUSD=X")));
        assertThat(q).containsOnlyKeys(Symbol.of("AAPL"), Symbol.of("BRK.B"), Symbol.of("^GSPC"), Symbol.of("EURUSD=X"));
    }
}
