package dev.erasmo.quote.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import org.junit.jupiter.api.Test;

class SymbolsTest {

    @Test
    void usShareClassesTakeADashAndExchangeSuffixesStay() {
        assertThat(Symbols.yahoo(Symbol.of("BRK.B"))).isEqualTo("BRK-B");
        assertThat(Symbols.yahoo(Symbol.of("BF.A"))).isEqualTo("BF-A");
        assertThat(Symbols.yahoo(Symbol.of("VOD.L"))).isEqualTo("VOD.L");
        assertThat(Symbols.yahoo(Symbol.of("GS2C.DE"))).isEqualTo("GS2C.DE");
        assertThat(Symbols.yahoo(Symbol.of("BRK-B"))).isEqualTo("BRK-B");
    }

    @Test
    void specialCharactersArePercentEncoded() {
        assertThat(Symbols.encode("^GSPC")).isEqualTo("%5EGSPC");
        assertThat(Symbols.encode("EURUSD=X")).isEqualTo("EURUSD%3DX");
        assertThat(Symbols.encode("M&M.NS")).isEqualTo("M%26M.NS");
        assertThat(Symbols.encode("A B")).isEqualTo("A%20B");
    }
}
