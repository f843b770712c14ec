package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No quote source is asked while a portfolio's writers wait for each other. */
class ErasmoLockTest {

    private static final Instant NOW = Instant.parse("2014-01-06T12:00:00Z");

    /** A quote source that knows no symbol, and answers only once it is let go. */
    private static final class HeldQuotes implements QuoteSource {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
            return Map.of();
        }

        @Override
        public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            asked.countDown();
            try {
                letGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new QuoteNotFoundException("no data for " + symbol);
        }
    }

    /*
     * A buy at a given price of a symbol not held asks the quote source for its currency. Two
     * portfolios whose writers share a lock stripe: while that question hangs, a deposit into the
     * other portfolio is booked at once, and the buy completes (in the base currency) when the
     * source answers.
     */
    @Test
    void buyAtAGivenPrice_waitingForTheQuoteSource_holdsNoLockOthersNeed() throws Exception {
        HeldQuotes quotes = new HeldQuotes();
        Erasmo erasmo = Erasmo.builder().quotes(quotes).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        PortfolioInfo a = erasmo.createPortfolio(Owner.of("alice"), "a");
        PortfolioInfo b;
        int n = 0;
        do {
            b = erasmo.createPortfolio(Owner.of("bob"), "b" + n++);
        } while (Math.floorMod(b.id().hashCode(), 64) != Math.floorMod(a.id().hashCode(), 64));
        erasmo.deposit(a.id(), Money.of("USD", "100")).orElseThrow();
        PortfolioInfo other = b;

        CompletableFuture<CommandResult> buy = CompletableFuture.supplyAsync(
                () -> erasmo.buy(a.id(), TradeRequest.of(Symbol.of("PRIVATE"), Quantity.of(1)).price(BigDecimal.TEN)));
        assertThat(quotes.asked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CommandResult> deposit = CompletableFuture.supplyAsync(() -> erasmo.deposit(other.id(), Money.of("USD", "5")));

        assertThat(deposit.get(10, TimeUnit.SECONDS).isBooked()).isTrue();
        assertThat(buy.isDone()).isFalse();
        quotes.letGo.countDown();
        assertThat(buy.get(10, TimeUnit.SECONDS).isBooked()).isTrue();
        // 100 - 1 x 10 = 90.00 in USD, the base currency, since the source does not know the symbol
        assertThat(erasmo.portfolio(a.id()).state().cash(java.util.Currency.getInstance("USD"))).isEqualTo(Money.of("USD", "90.00"));
    }
}
