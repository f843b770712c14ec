package dev.erasmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void quantileType7_asR() {
        // R: quantile(1:4, 0.25) = 1.75; quantile(c(0.1, -1, 0.5), 0.05) = -0.89
        assertThat(Stats.quantileType7(new double[] {4, 2, 1, 3}, 0.25)).isEqualTo(1.75);
        assertThat(Stats.quantileType7(new double[] {0.1, -1, 0.5}, 0.05)).isCloseTo(-0.89, within(1e-15));
        assertThat(Stats.quantileType7(new double[] {0.3, 0.3, 0.3}, 0.05)).isEqualTo(0.3);
        assertThat(Stats.quantileType7(new double[] {7}, 0.05)).isEqualTo(7);
    }

    @Test
    void normalQuantile_asAs241() {
        // Python's statistics.NormalDist().inv_cdf, another AS 241
        assertThat(Stats.normalQuantile(0.5)).isZero();
        assertThat(Stats.normalQuantile(0.05)).isCloseTo(-1.6448536269514726, within(1e-15));
        assertThat(Stats.normalQuantile(0.975)).isCloseTo(1.9599639845400536, within(1e-15));
        assertThat(Stats.normalQuantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-15));
        assertThat(Stats.normalQuantile(0.3)).isCloseTo(-0.5244005127080407, within(1e-15));
        assertThat(Stats.normalQuantile(1e-20)).isCloseTo(-9.262340089798405, within(1e-14));
    }

    @Test
    void mean_equalValues_isExact() {
        double[] x = new double[12];
        java.util.Arrays.fill(x, 0.001);
        assertThat(Stats.mean(x)).isEqualTo(0.001);
        assertThat(Stats.sampleVariance(x)).isZero();
    }
}
