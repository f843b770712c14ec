package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModifiedDietzTest {

    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2024-01-31"); // 30 days

    private static OptionalDouble dietz(String start, String end, CashFlow... flows) {
        return ModifiedDietz.of(START, new BigDecimal(start), END, new BigDecimal(end), List.of(flows));
    }

    private static CashFlow on(int day, String amount) {
        return CashFlow.of(START.plusDays(day), amount);
    }

    @Test
    void of_depositMidPeriod_weightedByDaysRemaining() {
        // 1000 -> 1200 with +100 on day 15 of 30 (weight 0.5): (1200 - 1000 - 100) / (1000 + 0.5 * 100) = 100 / 1050
        assertThat(dietz("1000", "1200", on(15, "100")).getAsDouble()).isCloseTo(100.0 / 1050, within(1e-16));
    }

    @Test
    void of_withdrawal_weightedByDaysRemaining() {
        // 1000 -> 900 with -200 on day 10 (weight 20/30): (900 - 1000 + 200) / (1000 - 200 * 2/3) = 100 / 866.67
        assertThat(dietz("1000", "900", on(10, "-200")).getAsDouble()).isCloseTo(0.3 / 2.6, within(1e-16));
    }

    @Test
    void of_flowOnTheStartDate_weighsOne_onTheEndDate_zero() {
        // (1210 - 1000 - 100) / (1000 + 100) = 0.1
        assertThat(dietz("1000", "1210", on(0, "100")).getAsDouble()).isCloseTo(0.1, within(1e-16));
        // (1200 - 1000 - 100) / 1000 = 0.1
        assertThat(dietz("1000", "1200", on(30, "100")).getAsDouble()).isCloseTo(0.1, within(1e-16));
    }

    @Test
    void of_noFlows_isTheSimpleReturn() {
        assertThat(dietz("1000", "1100")).hasValue(0.1);
    }

    @Test
    void of_startingFromZero_theFirstDepositIsTheCapital() {
        // (1100 - 0 - 1000) / (0 + 0.5 * 1000) = 0.2
        assertThat(dietz("0", "1100", on(15, "1000"))).hasValue(0.2);
    }

    @Test
    void of_noCapitalInvested_isAbsent() {
        assertThat(dietz("0", "100", on(30, "100"))).isEmpty();
        assertThat(dietz("0", "0")).isEmpty();
    }

    @Test
    void of_flowOutsideThePeriodOrEmptyPeriod_isRefused() {
        assertThatThrownBy(() -> dietz("1000", "1100", on(31, "5"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow 2024-02-01 5 is outside 2024-01-01..2024-01-31");
        assertThatThrownBy(() -> ModifiedDietz.of(START, BigDecimal.ONE, START, BigDecimal.ONE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
