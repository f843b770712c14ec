package dev.erasmo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.quote.Bar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarListTest {

    private static Bar bar(String date, String close) {
        return new Bar(LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null);
    }

    @Test
    void isAListOfTheSameBars_unmodifiable_andEqualToAnyListOfThem() {
        List<Bar> bars = new ArrayList<>(List.of(bar("2024-01-02", "1"), bar("2024-01-03", "2"), bar("2024-01-04", "3")));
        BarList list = BarList.copyOf(bars);
        bars.clear(); // a copy: the source list changing changes nothing
        assertThat(list).hasSize(3);
        assertThat(list).isEqualTo(List.of(bar("2024-01-02", "1"), bar("2024-01-03", "2"), bar("2024-01-04", "3")));
        assertThat(list.hashCode()).isEqualTo(List.of(bar("2024-01-02", "1"), bar("2024-01-03", "2"), bar("2024-01-04", "3")).hashCode());
        assertThat(BarList.copyOf(list)).isSameAs(list);
        assertThatThrownBy(() -> list.add(bar("2024-01-05", "4"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, bar("2024-01-05", "4"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> BarList.copyOf(Arrays.asList(bar("2024-01-02", "1"), null))).isInstanceOf(NullPointerException.class);
        assertThat(BarList.copyOf(List.of())).isEmpty();
    }

    @Test
    void aSubListIsAViewFromAnOffset_sharingTheColumnsOfTheWhole() {
        BarList whole = BarList.copyOf(List.of(bar("2024-01-02", "1"), bar("2024-01-03", "2"), bar("2024-01-04", "3"), bar("2024-01-05", "4")));
        BarList middle = BarList.copyOf(whole.subList(1, 3));
        assertThat(middle).containsExactly(bar("2024-01-03", "2"), bar("2024-01-04", "3"));
        assertThat(middle.columns().first()).isEqualTo(1);
        BarList last = BarList.copyOf(middle.subList(1, 2));
        assertThat(last).containsExactly(bar("2024-01-04", "3"));
        assertThat(last.columns().first()).isEqualTo(2);
        assertThat(middle.columns().closes()).isSameAs(whole.columns().closes());
        assertThat(last.columns().epochDays()).isSameAs(whole.columns().epochDays());
        assertThat(whole.columns().first()).isZero();
        assertThatThrownBy(() -> middle.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> middle.subList(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void columns_areEpochDaysAndClosesAtTheLargestScaleOfAny() {
        // 2024-01-02 is epoch day 19,724 (2024-01-01 is 54 years of 365 days plus 13 leap days: 19,723)
        BarList list = BarList.copyOf(List.of(bar("2024-01-02", "12.5"), bar("2024-01-03", "3"), bar("2024-01-04", "0.125"),
                bar("2024-01-05", "1E+3")));
        BarList.Columns c = list.columns();
        assertThat(c.epochDays()).containsExactly(19_724, 19_725, 19_726, 19_727);
        // scale 3 (from 0.125): 12.5 -> 12500, 3 -> 3000, 0.125 -> 125, 1E+3 = 1000 -> 1000000
        assertThat(c.scale()).isEqualTo(3);
        assertThat(c.closes()).containsExactly(12_500, 3_000, 125, 1_000_000);
        assertThat(list.columns()).isSameAs(c);
    }

    @Test
    void columns_haveNoClosesWhenOneDoesNotFitALongAtTheCommonScale() {
        // 19 decimals: more than 18
        assertThat(BarList.copyOf(List.of(bar("2024-01-02", "0.0000000000000000001"))).columns().scale()).isEqualTo(-1);
        // 2^62 = 4611686018427387904 does not fit below 2^62; 2^62 - 1 does
        assertThat(BarList.copyOf(List.of(bar("2024-01-02", "4611686018427387904"))).columns().scale()).isEqualTo(-1);
        assertThat(BarList.copyOf(List.of(bar("2024-01-02", "4611686018427387903"))).columns().closes())
                .containsExactly(4_611_686_018_427_387_903L);
        // each fits alone, but not together: at the scale of 0.01 (2), 10^17 is 10^19 > 2^62 (about 4.6 x 10^18)
        BarList.Columns together = BarList.copyOf(List.of(bar("2024-01-02", "100000000000000000"), bar("2024-01-03", "0.01")))
                .columns();
        assertThat(together.scale()).isEqualTo(-1);
        assertThat(together.epochDays()).containsExactly(19_724, 19_725);
    }

    @Test
    void aPartHasColumnsOfItsOwnWhenABarOutsideItKeepsTheWholeFromACommonScale() {
        // 5E+10 at the scale of 12.12345678 (8) is 5 x 10^18 > 2^62: no common scale for the whole
        BarList whole = BarList.copyOf(List.of(bar("2023-01-02", "50000000000"), bar("2024-01-02", "12.12345678"),
                bar("2024-01-03", "12.5")));
        assertThat(whole.columns().scale()).isEqualTo(-1);
        BarList.Columns part = BarList.copyOf(whole.subList(1, 3)).columns();
        assertThat(part.first()).isZero();
        assertThat(part.scale()).isEqualTo(8);
        assertThat(part.closes()).containsExactly(1_212_345_678L, 1_250_000_000L);
        assertThat(part.epochDays()).containsExactly(19_724, 19_725);
        // likewise a close with more decimals than a Price takes (9), outside the part
        BarList nine = BarList.copyOf(List.of(bar("2023-01-02", "1.123456789"), bar("2024-01-02", "2.5")));
        assertThat(nine.columns().scale()).isEqualTo(9);
        assertThat(BarList.copyOf(nine.subList(1, 2)).columns().scale()).isEqualTo(1);
        assertThat(BarList.copyOf(nine.subList(1, 2)).columns().closes()).containsExactly(25);
    }
}
