package dev.erasmo.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class LedgerEventTest {

    private static final Instant T = Instant.parse("2013-01-02T00:00:00Z");
    private static final Instrument AAPL = Instrument.of(Symbol.of("AAPL"), Currency.getInstance("USD"));
    private static final Money NO_FEE = Money.of("USD", "0");

    @Test
    void buy_cashPaid_isRoundedGrossPlusFee() {
        // 0.5 x 549.03 = 274.515 -> 274.52 (half-even), + fee 1.00 = 275.52
        Buy b = new Buy(EventId.of("b"), T, AAPL, Quantity.parse("0.5"), Price.of("USD", "549.03"), Money.of("USD", "1"));
        assertThat(b.gross()).isEqualTo(Money.of("USD", "274.52"));
        assertThat(b.cashPaid()).isEqualTo(Money.of("USD", "275.52"));
    }

    @Test
    void sell_proceeds_areRoundedGrossMinusFee() {
        Sell s = new Sell(EventId.of("s"), T, AAPL, Quantity.of(3), Price.of("USD", "0.335"), Money.of("USD", "0.10"));
        // 3 x 0.335 = 1.005 -> 1.00; - 0.10 = 0.90
        assertThat(s.proceeds()).isEqualTo(Money.of("USD", "0.90"));
    }

    @Test
    void trade_zeroQuantity_isRejected() {
        assertThatThrownBy(() -> new Buy(EventId.of("b"), T, AAPL, Quantity.ZERO, Price.of("USD", "1"), NO_FEE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buy quantity 0 must be above zero");
        assertThatThrownBy(() -> new Sell(EventId.of("s"), T, AAPL, Quantity.ZERO, Price.of("USD", "1"), NO_FEE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sell quantity 0 must be above zero");
    }

    @Test
    void trade_negativeFeeOrOtherCurrency_isRejected() {
        assertThatThrownBy(() -> new Buy(EventId.of("b"), T, AAPL, Quantity.of(1), Price.of("USD", "1"), Money.of("USD", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new Buy(EventId.of("b"), T, AAPL, Quantity.of(1), Price.of("EUR", "1"), NO_FEE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AAPL trades in USD");
        assertThatThrownBy(() -> new Buy(EventId.of("b"), T, AAPL, Quantity.of(1), Price.of("USD", "1"), Money.of("EUR", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fee in EUR");
        assertThatThrownBy(() -> new Dividend(EventId.of("d"), T, AAPL, Price.of("EUR", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dividend in EUR");
    }

    @Test
    void cashEvents_nonPositiveAmount_isRejected() {
        assertThatThrownBy(() -> new Deposit(EventId.of("d"), T, Money.of("USD", "0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Withdrawal(EventId.of("w"), T, Money.of("USD", "-5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fee(EventId.of("f"), T, Money.of("USD", "0"), "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void split_badRatio_isRejected() {
        assertThatThrownBy(() -> new Split(EventId.of("s"), T, AAPL.symbol(), 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Split(EventId.of("s"), T, AAPL.symbol(), 4, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Split(EventId.of("s"), T, AAPL.symbol(), 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changes nothing");
    }

    @Test
    void eventId_blankOrWithSpaces_isRejected() {
        for (String bad : new String[] {"", "a b", "a\nb", "x".repeat(65)}) {
            assertThatThrownBy(() -> EventId.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(EventId.random()).isNotEqualTo(EventId.random());
    }

    @Test
    void entry_effectiveOrder_isTimeThenSequence() {
        LedgerEntry late = new LedgerEntry(1, new Deposit(EventId.of("a"), T.plusSeconds(1), Money.of("USD", "1")));
        LedgerEntry early2 = new LedgerEntry(3, new Deposit(EventId.of("b"), T, Money.of("USD", "1")));
        LedgerEntry early1 = new LedgerEntry(2, new Deposit(EventId.of("c"), T, Money.of("USD", "1")));
        assertThat(java.util.stream.Stream.of(late, early2, early1).sorted(LedgerEntry.EFFECTIVE_ORDER))
                .containsExactly(early1, early2, late);
        assertThatThrownBy(() -> new LedgerEntry(0, late.event())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fee_descriptionADatabaseCannotKeep_isRejected() {
        Instant at = Instant.parse("2013-01-02T00:00:00Z");
        Money one = Money.of("USD", "1");
        for (String bad : new String[] {"x".repeat(Fee.MAX_DESCRIPTION + 1), "a\u0000b", "a\uD800"}) {
            assertThatThrownBy(() -> new Fee(EventId.of("f"), at, one, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Fee(EventId.of("f"), at, one, "x".repeat(Fee.MAX_DESCRIPTION)).description()).hasSize(Fee.MAX_DESCRIPTION);
    }
}
