package dev.erasmo.quote.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void float32ValuesPrintedAsDoublesAreReadAsTheShortestDecimalOfTheFloat() {
        // from the NVDA fixture: 75.0875015258789 is exactly the float nearest 75.0875
        assertThat(Decimals.ofFloat32(75.0875015258789)).hasToString("75.0875");
        assertThat(Decimals.ofFloat32(129.0399932861328)).hasToString("129.04");
        // from the EURUSD=X fixture
        assertThat(Decimals.ofFloat32(1.1220825910568237)).hasToString("1.1220826");
    }

    @Test
    void realDoublesAreKeptAsTheShortestDecimalOfTheDouble() {
        // meta and quote fields are doubles: 0.1246 (LUCYW) and 1.0489877 (an FX bid) are not floats
        assertThat(Decimals.ofFloat32(0.1246)).hasToString("0.1246");
        assertThat(Decimals.ofFloat32(1.0489877)).hasToString("1.0489877");
        assertThat(Decimals.ofFloat32(Double.NaN)).isNull();
    }
}
