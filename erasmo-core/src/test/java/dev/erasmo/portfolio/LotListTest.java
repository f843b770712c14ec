package dev.erasmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.money.CurrencyMismatchException;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lots of a position as an immutable list shared with the next state, against a plain list doing the same. */
class LotListTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Lot lot(int n) {
        return new Lot(Instant.EPOCH.plusSeconds(n), Quantity.of(1 + n % 7), Money.of("USD", (n % 50) + "." + (n % 100 < 10 ? "0" : "") + n % 100));
    }

    /*
     * 20,000 random steps (add the newest, take the oldest, replace the oldest), each on a random
     * one of the versions made so far, as forks of a portfolio's states do: every version keeps
     * its lots and totals, equal to a plain list that did the same steps.
     */
    @Test
    void steps_onRandomVersions_matchAPlainListAndLeaveOlderVersionsAlone() {
        Random r = new Random(11);
        List<LotList> versions = new ArrayList<>(List.of(LotList.of(USD, List.of())));
        List<List<Lot>> plain = new ArrayList<>(List.of(List.of()));
        for (int step = 0; step < 20_000; step++) {
            int from = r.nextInt(10) < 8 ? versions.size() - 1 : r.nextInt(versions.size());
            LotList v = versions.get(from);
            List<Lot> p = new ArrayList<>(plain.get(from));
            int op = v.isEmpty() ? 0 : r.nextInt(3);
            if (op == 0) {
                v = v.plusLast(lot(step));
                p.add(lot(step));
            } else if (op == 1) {
                v = v.withoutFirst();
                p.remove(0);
            } else {
                v = v.withFirst(lot(step));
                p.set(0, lot(step));
            }
            versions.add(v);
            plain.add(List.copyOf(p));
        }
        for (int i = 0; i < versions.size(); i++) {
            LotList v = versions.get(i);
            List<Lot> p = plain.get(i);
            assertThat(v).isEqualTo(p);
            assertThat(v.quantity()).isEqualByComparingTo(p.stream().map(l -> l.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(v.cost()).isEqualByComparingTo(p.stream().map(l -> l.cost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Test
    void lot_inAnotherCurrency_isRefused() {
        LotList usd = LotList.of(USD, List.of(lot(1)));
        Lot eur = new Lot(Instant.EPOCH, Quantity.of(1), Money.of("EUR", "1"));

        assertThatThrownBy(() -> usd.plusLast(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.withFirst(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> LotList.of(USD, List.of(eur))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void position_withLotsOfAFold_sharesThem_andOtherListsAreCopied() {
        LotList lots = LotList.of(USD, List.of(lot(1), lot(2)));
        Position p = Position.of(dev.erasmo.instrument.Instrument.of(dev.erasmo.instrument.Symbol.of("X"), USD), lots);
        List<Lot> mutable = new ArrayList<>(List.of(lot(1), lot(2)));
        Position q = Position.of(dev.erasmo.instrument.Instrument.of(dev.erasmo.instrument.Symbol.of("X"), USD), mutable);

        mutable.add(lot(3));

        assertThat(p.lots()).isSameAs(lots);
        assertThat(q.lots()).hasSize(2);
        assertThat(q).isEqualTo(p);
        // lot 1: 2 units for 1.01, lot 2: 3 units for 2.02
        assertThat(p.quantity()).isEqualTo(Quantity.of(5));
        assertThat(p.cost()).isEqualTo(Money.of("USD", "3.03"));
        assertThatThrownBy(() -> q.lots().add(lot(4))).isInstanceOf(UnsupportedOperationException.class);
    }
}
