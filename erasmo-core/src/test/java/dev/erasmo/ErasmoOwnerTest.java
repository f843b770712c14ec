package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.store.InMemoryPortfolioStore;
import dev.erasmo.store.PortfolioNotFoundException;
import dev.erasmo.store.StoredPortfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry point scoped to one owner never reads or changes another owner's portfolio. */
class ErasmoOwnerTest {

    private static final Owner ALICE = Owner.of("alice");
    private static final Owner BOB = Owner.of("bob");
    private static final Instant NOW = Instant.parse("2014-01-06T12:00:00Z");

    private final InMemoryPortfolioStore store = new InMemoryPortfolioStore();
    private final Erasmo all = Erasmo.builder().store(store).quotes(InMemoryQuoteSource.builder().build())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final Erasmo alice = all.forOwner(ALICE);

    @Test
    void forOwner_anotherOwnersPortfolioById_isNotFoundForEveryCallAndUnchanged() {
        PortfolioInfo bobs = all.createPortfolio(BOB, "tech");
        all.deposit(bobs.id(), Money.of("USD", "100")).orElseThrow();
        StoredPortfolio before = store.load(bobs.id());
        LocalDate day = LocalDate.parse("2014-01-02");

        List<Runnable> calls = List.of(
                () -> alice.portfolio(bobs.id()),
                () -> alice.valuation(bobs.id()),
                () -> alice.valuation(bobs.id(), day),
                () -> alice.deposit(bobs.id(), Money.of("USD", "1")),
                () -> alice.withdraw(bobs.id(), Money.of("USD", "1")),
                () -> alice.buy(bobs.id(), TradeRequest.of(Symbol.of("AAPL"), Quantity.of(1)).price(BigDecimal.TEN)),
                () -> alice.dividend(bobs.id(), Symbol.of("AAPL"), BigDecimal.ONE, NOW),
                () -> alice.split(bobs.id(), Symbol.of("AAPL"), 2, 1, NOW),
                () -> alice.history(bobs.id(), day, day),
                () -> alice.reconcile(bobs.id(), day, day),
                () -> alice.bookCorporateActions(bobs.id(), day),
                () -> alice.deletePortfolio(bobs.id()));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(PortfolioNotFoundException.class).hasMessageContaining("alice");
        }

        assertThat(store.load(bobs.id())).isEqualTo(before);
        // the same answer as for an id that does not exist at all
        dev.erasmo.portfolio.PortfolioId none = dev.erasmo.portfolio.PortfolioId.of("no-such-portfolio");
        assertThatThrownBy(() -> alice.portfolio(none)).hasMessage("no portfolio with id no-such-portfolio of owner alice");
        assertThatThrownBy(() -> alice.portfolio(bobs.id())).hasMessage("no portfolio with id " + bobs.id() + " of owner alice");
    }

    @Test
    void forOwner_namingAnotherOwner_isRefused() {
        all.createPortfolio(BOB, "tech");

        assertThatThrownBy(() -> alice.portfolios(BOB)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bob");
        assertThatThrownBy(() -> alice.findPortfolio(BOB, "tech")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.createPortfolio(BOB, "other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.forOwner(BOB)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list(BOB)).extracting(PortfolioInfo::name).containsExactly("tech");
    }

    @Test
    void forOwner_ownPortfolios_workAsUnscoped() {
        PortfolioInfo mine = alice.createPortfolio(ALICE, "tech", Currency.getInstance("USD"), Erasmo.DEFAULT_COST_METHOD);
        all.createPortfolio(BOB, "tech");

        alice.deposit(mine.id(), Money.of("USD", "10")).orElseThrow();

        assertThat(alice.portfolios(ALICE)).containsExactly(mine);
        assertThat(alice.findPortfolio(ALICE, "tech")).contains(mine);
        assertThat(alice.valuation(mine.id()).equity()).isEqualTo(Money.of("USD", "10.00"));
        assertThat(alice.forOwner(ALICE)).isSameAs(alice);
        alice.deletePortfolio(mine.id());
        assertThat(all.portfolios(ALICE)).isEmpty();
    }
}
