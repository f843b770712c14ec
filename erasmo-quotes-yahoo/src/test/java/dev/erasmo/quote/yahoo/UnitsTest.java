package dev.erasmo.quote.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Yahoo's currency codes for prices in hundredths, read by the code and never by the symbol's exchange suffix. */
class UnitsTest {

    @Test
    void gbxIsPenceLikeGBp() {
        Units u = Units.of("GBX", "BARC.L");

        // 182.5 pence = 1.825 pounds
        assertThat(u).isEqualTo(new Units(Currency.getInstance("GBP"), true));
        assertThat(u.major(new BigDecimal("182.5"))).isEqualByComparingTo("1.825");
    }

    @Test
    void zacIsSouthAfricanCents() {
        Units u = Units.of("ZAc", "NPN.JO");

        // 345678 cents = 3456.78 rand
        assertThat(u).isEqualTo(new Units(Currency.getInstance("ZAR"), true));
        assertThat(u.major(new BigDecimal("345678"))).isEqualByComparingTo("3456.78");
    }

    @Test
    void ilaIsAgorot() {
        Units u = Units.of("ILA", "TEVA.TA");

        // 6012 agorot = 60.12 shekels
        assertThat(u).isEqualTo(new Units(Currency.getInstance("ILS"), true));
        assertThat(u.major(new BigDecimal("6012"))).isEqualByComparingTo("60.12");
    }

    @Test
    void aLondonSymbolInGbpIsPoundsNotPence() {
        Units u = Units.of("GBP", "VUSA.L");

        assertThat(u).isEqualTo(new Units(Currency.getInstance("GBP"), false));
        assertThat(u.major(new BigDecimal("79.875"))).isEqualByComparingTo("79.875");
    }
}
