package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnSeriesTest {

    private static final LocalDate D1 = LocalDate.parse("2024-01-02");
    private static final LocalDate D2 = LocalDate.parse("2024-01-03");
    private static final LocalDate D3 = LocalDate.parse("2024-01-04");
    private static final LocalDate D4 = LocalDate.parse("2024-01-05");

    @Test
    void fromPrices_simpleReturns_firstDateDropped() {
        // 100 -> 110 is +10 %, 110 -> 99 is -10 %
        ReturnSeries s = ReturnSeries.fromPrices(List.of(D1, D2, D3), new double[] {100, 110, 99});
        assertThat(s.dates()).containsExactly(D2, D3);
        assertThat(s.returnAt(0)).isCloseTo(0.10, within(1e-15));
        assertThat(s.returnAt(1)).isCloseTo(-0.10, within(1e-15));
    }

    @Test
    void fromPrices_oneCloseOrNone_isEmpty() {
        assertThat(ReturnSeries.fromPrices(List.of(D1), new double[] {100}).isEmpty()).isTrue();
        assertThat(ReturnSeries.fromPrices(List.of(), new double[0])).isEqualTo(ReturnSeries.empty());
    }

    @Test
    void fromPrices_closeNotAboveZeroOrNotFinite_isRefused() {
        assertThatThrownBy(() -> ReturnSeries.fromPrices(List.of(D1, D2), new double[] {100, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close 0.0 on 2024-01-03");
        assertThatThrownBy(() -> ReturnSeries.fromPrices(List.of(D1, D2), new double[] {Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnSeries.fromPrices(List.of(D1, D2), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 dates but 1 closes");
    }

    @Test
    void of_totalLossOfExactlyMinusOne_isAccepted() {
        ReturnSeries s = ReturnSeries.of(List.of(D1, D2), new double[] {-1, 0.5});
        assertThat(s.returns()).containsExactly(-1, 0.5);
    }

    @Test
    void of_belowMinusOneOrNotFinite_isRefused() {
        assertThatThrownBy(() -> ReturnSeries.of(List.of(D1), new double[] {-1.0000001}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below -1");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(D1), new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(D1), new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_datesNotStrictlyIncreasing_isRefused() {
        assertThatThrownBy(() -> ReturnSeries.of(List.of(D2, D2), new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dates must be strictly increasing: 2024-01-03 follows 2024-01-03");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(D2, D1), new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnSeries.of(Arrays.asList(D1, null), new double[] {0.1, 0.2}))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void returnsAndDates_cannotChangeTheSeries() {
        double[] input = {0.1, 0.2};
        ReturnSeries s = ReturnSeries.of(List.of(D1, D2), input);
        input[0] = 9;
        s.returns()[1] = 9;
        assertThat(s.returns()).containsExactly(0.1, 0.2);
        assertThatThrownBy(() -> s.dates().set(0, D3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void between_keepsBothEnds() {
        ReturnSeries s = ReturnSeries.of(List.of(D1, D2, D3, D4), new double[] {0.1, 0.2, 0.3, 0.4});
        assertThat(s.between(D2, D3).returns()).containsExactly(0.2, 0.3);
        assertThat(s.between(D1.minusDays(9), D4.plusDays(9))).isSameAs(s);
        assertThat(s.between(D4.plusDays(1), D4.plusDays(2)).isEmpty()).isTrue();
        assertThatThrownBy(() -> s.between(D3, D2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alignedWith_keepsTheCommonDatesOnBothSides() {
        ReturnSeries a = ReturnSeries.of(List.of(D1, D2, D3), new double[] {0.1, 0.2, 0.3});
        ReturnSeries b = ReturnSeries.of(List.of(D2, D3, D4), new double[] {0.02, 0.03, 0.04});
        assertThat(a.alignedWith(b).dates()).containsExactly(D2, D3);
        assertThat(a.alignedWith(b).returns()).containsExactly(0.2, 0.3);
        assertThat(b.alignedWith(a).returns()).containsExactly(0.02, 0.03);
        assertThat(a.alignedWith(ReturnSeries.empty()).isEmpty()).isTrue();
    }

    @Test
    void equals_comparesDatesAndReturns() {
        ReturnSeries a = ReturnSeries.of(List.of(D1, D2), new double[] {0.1, 0.2});
        assertThat(a).isEqualTo(ReturnSeries.of(List.of(D1, D2), new double[] {0.1, 0.2}))
                .hasSameHashCodeAs(ReturnSeries.of(List.of(D1, D2), new double[] {0.1, 0.2}))
                .isNotEqualTo(ReturnSeries.of(List.of(D1, D3), new double[] {0.1, 0.2}));
        assertThat(a).hasToString("ReturnSeries[2 returns 2024-01-02..2024-01-03]");
    }
}
