package dev.erasmo.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void of_realSymbols_areValid() {
        for (String s : new String[] {"AAPL", "BRK-B", "VOD.L", "^GSPC", "EURUSD=X", "0P000071W8.TO", "GS2C.DE"}) {
            assertThat(Symbol.of(s).value()).isEqualTo(s);
        }
    }

    @Test
    void of_lowerCaseAndSurroundingSpace_isNormalized() {
        assertThat(Symbol.of("  aapl ")).isEqualTo(Symbol.of("AAPL")).hasToString("AAPL");
    }

    @Test
    void of_blankWhitespaceOrControlCharacters_isRejected() {
        for (String bad : new String[] {"", " ", "\t\n", "AA PL", "AAPL\u0000", "A\u0007B", "A\u200BB", "AB\u00A0C"}) {
            assertThatThrownBy(() -> Symbol.of(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Symbol.of("X".repeat(33))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 32");
    }

    @Test
    void of_longerOnceUpperCased_isRejected() {
        // 'ß' upper-cases to 'SS': 20 of them are 40 characters as stored, beyond the 32 a symbol may have
        assertThatThrownBy(() -> Symbol.of("\u00df".repeat(20))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
        assertThat(Symbol.of("\u00df".repeat(16)).value()).isEqualTo("SS".repeat(16));
    }

    @Test
    void of_loneSurrogate_isRejected() {
        assertThatThrownBy(() -> Symbol.of("A\uD800")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThat(Symbol.of("A\uD83D\uDE00").value()).isEqualTo("A\uD83D\uDE00");
    }
}
