package dev.erasmo.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Bar bar(String date) {
        return new Bar(LocalDate.parse(date), null, null, null, BigDecimal.ONE, null, null);
    }

    private static final PriceHistory X = new PriceHistory(Symbol.of("X"), USD,
            List.of(bar("2024-01-02"), bar("2024-01-03"), bar("2024-01-04")),
            List.of(new DividendEvent(LocalDate.parse("2024-01-03"), new BigDecimal("0.10"))),
            List.of(new SplitEvent(LocalDate.parse("2024-01-04"), 2, 1)));

    @Test
    void between_aRangeHoldingAllOfIt_isTheHistoryItself() {
        assertThat(X.between(LocalDate.parse("2023-12-20"), LocalDate.parse("2024-01-31"))).isSameAs(X);
        assertThat(X.between(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-04"))).isSameAs(X);
    }

    @Test
    void between_aShorterRange_cutsTheBarsAndEvents() {
        PriceHistory cut = X.between(LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-31"));
        assertThat(cut.bars()).extracting(Bar::date).containsExactly(LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"));
        assertThat(cut.dividends()).hasSize(1);
        assertThat(cut.splits()).hasSize(1);
        // every bar in range but the split outside it: a copy without the split
        PriceHistory noSplit = new PriceHistory(Symbol.of("X"), USD, X.bars(), List.of(),
                List.of(new SplitEvent(LocalDate.parse("2024-02-01"), 2, 1))).between(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"));
        assertThat(noSplit.splits()).isEmpty();
        assertThat(noSplit.bars()).isEqualTo(X.bars());
    }
}
