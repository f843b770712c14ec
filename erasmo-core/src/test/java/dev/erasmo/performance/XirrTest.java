package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class XirrTest {

    private static CashFlow flow(String date, String amount) {
        return CashFlow.of(LocalDate.parse(date), amount);
    }

    private static double rate(List<CashFlow> flows) {
        Xirr.Result r = Xirr.of(flows);
        assertThat(r).isInstanceOf(Xirr.Rate.class);
        return ((Xirr.Rate) r).value();
    }

    @Test
    void of_oneYearApart_isTheSimpleReturn() {
        // 2019 has 365 days: 1000 -> 1100 in exactly one year of the day count
        assertThat(rate(List.of(flow("2019-01-01", "-1000"), flow("2020-01-01", "1100")))).isCloseTo(0.1, within(1e-14));
    }

    @Test
    void of_excelHelpExample_anyOrder() {
        // Excel's XIRR help example (X1): 0.373362535 in Excel; LibreOffice 7.4.7: 0.37336253351883147
        List<CashFlow> flows = new ArrayList<>(ReferenceData.xirrCase("X1"));
        Collections.reverse(flows);
        assertThat(rate(flows)).isCloseTo(0.37336253351883147, within(1e-13));
    }

    @Test
    void of_twoRoots_theOneNearestTenPercent() {
        // -100 + 230 v - 132 v^2 = 0 for v = 1/1.1 and 1/1.2 (two years of 365 days)
        assertThat(rate(List.of(flow("2017-01-01", "-100"), flow("2018-01-01", "230"), flow("2019-01-01", "-132"))))
                .isCloseTo(0.1, within(1e-12));
        // -100 + 250 v - 156 v^2 = 0 for r = 20 % and 30 %
        assertThat(rate(List.of(flow("2017-01-01", "-100"), flow("2018-01-01", "250"), flow("2019-01-01", "-156"))))
                .isCloseTo(0.2, within(1e-12));
    }

    @Test
    void of_extremeRates_areFound() {
        // 1000 -> 1 in a year: -99.9 %; 1 -> 1000 in a year: +99,900 %
        assertThat(rate(List.of(flow("2019-01-01", "-1000"), flow("2020-01-01", "1")))).isCloseTo(-0.999, within(1e-12));
        assertThat(rate(List.of(flow("2019-01-01", "-1"), flow("2020-01-01", "1000")))).isCloseTo(999, within(1e-9));
    }

    @Test
    void of_oneSign_noSolutionWithReason() {
        Xirr.Result r = Xirr.of(List.of(flow("2019-01-01", "-1000"), flow("2020-01-01", "-100")));
        assertThat(r).isEqualTo(new Xirr.NoSolution(Xirr.Reason.ONE_SIGN,
                "all 2 non-zero cash flows (net per date) are negative: no rate makes their present value zero"));
        assertThat(r.rate()).isEmpty();
        assertThat(Xirr.of(List.of())).isInstanceOfSatisfying(Xirr.NoSolution.class,
                n -> assertThat(n.reason()).isEqualTo(Xirr.Reason.ONE_SIGN));
    }

    @Test
    void of_flowsCancellingOnOneDate_areNettedToNothing() {
        Xirr.Result r = Xirr.of(List.of(flow("2019-01-01", "-100"), flow("2019-01-01", "100")));
        assertThat(r).isInstanceOfSatisfying(Xirr.NoSolution.class, n -> {
            assertThat(n.reason()).isEqualTo(Xirr.Reason.ONE_SIGN);
            assertThat(n.message()).isEqualTo("there is no non-zero cash flow (net per date)");
        });
    }

    @Test
    void of_bothSignsButNoRoot_noSolution() {
        // 100 - 200 v + 150 v^2 > 0 for every v: the discriminant is negative
        Xirr.Result r = Xirr.of(List.of(flow("2017-01-01", "100"), flow("2018-01-01", "-200"), flow("2019-01-01", "150")));
        assertThat(r).isInstanceOfSatisfying(Xirr.NoSolution.class, n -> assertThat(n.reason()).isEqualTo(Xirr.Reason.NO_SIGN_CHANGE));
    }

    @Test
    void rate_notAboveMinusOne_isRefused() {
        assertThatThrownBy(() -> new Xirr.Rate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Xirr.Rate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cashFlow_amountNormalized() {
        assertThat(CashFlow.of(LocalDate.parse("2020-01-01"), "100.00")).isEqualTo(CashFlow.of(LocalDate.parse("2020-01-01"), "100"));
        assertThat(CashFlow.of(LocalDate.parse("2020-01-01"), "12.50")).hasToString("2020-01-01 12.5");
    }
}
