package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DrawdownTest {

    /** Month ends from 2020-01-31: d(0) is the date of the first return. */
    private static LocalDate d(int i) {
        return LocalDate.of(2020, 1, 1).plusMonths(i + 1).minusDays(1);
    }

    @Test
    void worst_recovered_datesAndLengthsAsTableDrawdowns() {
        // wealth 1.1, 0.55, 0.66, 0.99, 1.188: below the 1.1 peak in periods 1..3, back above in 4
        ReturnSeries s = ReferenceData.monthly(0.1, -0.5, 0.2, 0.5, 0.2);
        Drawdown dd = Drawdown.worst(s).orElseThrow();
        assertThat(dd.depth()).isCloseTo(-0.5, within(1e-15));
        assertThat(dd.peakDate()).isEqualTo(d(0));
        assertThat(dd.startDate()).isEqualTo(d(1));
        assertThat(dd.troughDate()).isEqualTo(d(1));
        assertThat(dd.recoveryDate()).isEqualTo(d(4));
        assertThat(dd.length()).isEqualTo(4);           // recovery - start + 1 = peak to recovery
        assertThat(dd.periodsToTrough()).isEqualTo(1);  // trough - start + 1
        assertThat(dd.periodsToRecovery()).isEqualTo(OptionalInt.of(3));
        assertThat(dd.isRecovered()).isTrue();
        // quantstats' end is the last period below the peak, the one before the recovery: 2020-04-30;
        // its days are calendar days 2020-02-29 .. 2020-04-30, both included: 1 (Feb) + 31 (Mar) + 30 (Apr) = 62
        assertThat(dd.endDate()).isEqualTo(LocalDate.of(2020, 4, 30));
        assertThat(dd.calendarDays()).isEqualTo(62);
    }

    @Test
    void worst_firstReturnNegative_peakIsTheStartWithoutADate() {
        // wealth 0.9, 1.08
        Drawdown dd = Drawdown.worst(ReferenceData.monthly(-0.1, 0.2)).orElseThrow();
        assertThat(dd.peakDate()).isNull();
        assertThat(dd.startDate()).isEqualTo(d(0));
        assertThat(dd.recoveryDate()).isEqualTo(d(1));
        assertThat(dd.length()).isEqualTo(2);
        // one period below the peak: it starts and ends on 2020-01-31, one calendar day
        assertThat(dd.endDate()).isEqualTo(d(0));
        assertThat(dd.calendarDays()).isEqualTo(1);
    }

    @Test
    void worst_notRecovered_lengthCountsOneMoreThanThePeriodsBelowThePeak() {
        // wealth 1.1, 0.88, 0.924: two periods below the peak, no recovery; PerformanceAnalytics
        // counts length = n + 1 - start + 1 = 3 (M2's unrecovered drawdown: 12)
        Drawdown dd = Drawdown.worst(ReferenceData.monthly(0.1, -0.2, 0.05)).orElseThrow();
        assertThat(dd.recoveryDate()).isNull();
        assertThat(dd.isRecovered()).isFalse();
        assertThat(dd.length()).isEqualTo(3);
        assertThat(dd.periodsToTrough()).isEqualTo(1);
        assertThat(dd.periodsToRecovery()).isEmpty();
        // not recovered: the end is the last date, 2020-03-31; 2020-02-29 .. 2020-03-31 is 1 + 31 = 32 days
        assertThat(dd.endDate()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(dd.calendarDays()).isEqualTo(32);
    }

    @Test
    void all_backExactlyAtThePeak_isARecovery() {
        // wealth 1.25, 1.0, 1.25 (exact in binary)
        List<Drawdown> all = Drawdown.all(ReferenceData.monthly(0.25, -0.2, 0.25));
        assertThat(all).hasSize(1);
        assertThat(all.get(0).recoveryDate()).isEqualTo(d(2));
    }

    @Test
    void worst_equallyDeep_isTheFirst() {
        // wealth 0.5, 1, 0.5, 1: two drawdowns of -50 %
        ReturnSeries s = ReferenceData.monthly(-0.5, 1.0, -0.5, 1.0);
        assertThat(Drawdown.all(s)).hasSize(2);
        assertThat(Drawdown.worst(s).orElseThrow().startDate()).isEqualTo(d(0));
    }

    @Test
    void worst_totalLoss_depthMinusOneNeverRecovered() {
        Drawdown dd = Drawdown.worst(ReferenceData.monthly(0.1, -1, 0.5)).orElseThrow();
        assertThat(dd.depth()).isEqualTo(-1);
        assertThat(dd.troughDate()).isEqualTo(d(1));
        assertThat(dd.recoveryDate()).isNull();
        assertThat(dd.length()).isEqualTo(3);
    }

    @Test
    void worst_noPeriodBelowThePeak_isEmpty() {
        assertThat(Drawdown.worst(ReferenceData.monthly(0.01, 0, 0.02))).isEmpty();
        assertThat(Drawdown.all(ReturnSeries.empty())).isEmpty();
    }

    @Test
    void record_inconsistentFigures_areRefused() {
        assertThat(new Drawdown(-0.1, null, d(1), d(1), d(3), d(2), 3, 1).calendarDays()).isEqualTo(32);
        assertThatThrownBy(() -> new Drawdown(0, null, d(1), d(1), null, d(1), 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Drawdown(-1.5, null, d(1), d(1), null, d(1), 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Drawdown(-0.1, null, d(1), d(2), d(2), d(2), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Drawdown(-0.1, d(1), d(1), d(1), null, d(1), 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Drawdown(-0.1, null, d(1), d(1), null, d(1), 1, 1)).isInstanceOf(IllegalArgumentException.class);
        // the end is from the trough and before the recovery
        assertThatThrownBy(() -> new Drawdown(-0.1, null, d(1), d(2), null, d(1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Drawdown(-0.1, null, d(1), d(1), d(3), d(3), 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
