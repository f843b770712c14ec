package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TimeWeightedReturnTest {

    private static OptionalDouble daily(String previous, String flow, String equity) {
        return TimeWeightedReturn.dailyReturn(new BigDecimal(previous), new BigDecimal(flow), new BigDecimal(equity));
    }

    @Test
    void dailyReturn_noFlow_isTheChange() {
        assertThat(daily("1000", "0", "1010")).hasValue(0.01);
    }

    @Test
    void dailyReturn_depositAtTheStart_earnsTheDay() {
        // 1000 + 500 deposited at the start, 1530 at the close: 1530 / 1500 - 1 = 2 %
        assertThat(daily("1000", "500", "1530")).hasValue(0.02);
        // the first day: nothing before, 1000 deposited, 990 at the close
        assertThat(daily("0", "1000", "990")).hasValue(-0.01);
    }

    @Test
    void dailyReturn_withdrawalAtTheStart_isTakenOutFirst() {
        // 1000 - 400 withdrawn at the start, 612 at the close: 612 / 600 - 1 = 2 %
        assertThat(daily("1000", "-400", "612")).hasValue(0.02);
    }

    @Test
    void dailyReturn_roundedOnceFromTheExactQuotient() {
        // (4 - 3) / 3 in decimal, then to double: the double nearest to 1/3
        assertThat(daily("3", "0", "4").getAsDouble()).isEqualTo(1.0 / 3);
    }

    @Test
    void dailyReturn_nothingInvested_orNegativeEquity_isNotDefined() {
        assertThat(daily("0", "0", "0")).isEmpty();
        assertThat(daily("1000", "-1000", "0")).isEmpty();
        assertThat(daily("100", "-150", "0")).isEmpty();
        assertThat(daily("1000", "0", "-5")).isEmpty();
    }

    @Test
    void dailyReturn_equityZero_isATotalLoss() {
        assertThat(daily("1000", "0", "0")).hasValue(-1);
    }

    @Test
    void cumulativeAndAnnualized_linkGeometrically() {
        ReturnSeries s = ReferenceData.monthly(0.1, -0.1);
        assertThat(TimeWeightedReturn.cumulative(s)).isCloseTo(-0.01, within(1e-15));
        // two months of -1 % in total, annualized over 12 months: 0.99^6 - 1
        assertThat(TimeWeightedReturn.annualized(s, 12).getAsDouble()).isCloseTo(Math.pow(0.99, 6) - 1, within(1e-15));
        assertThat(TimeWeightedReturn.cumulative(ReturnSeries.empty())).isZero();
        assertThat(TimeWeightedReturn.annualized(ReturnSeries.empty(), 252)).isEmpty();
    }
}
