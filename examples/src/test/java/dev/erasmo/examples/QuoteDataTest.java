package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.QuoteNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteDataTest {

    @TempDir
    Path dir;

    @Test
    void sample_everySymbolItNames_hasPrices() {
        QuoteData sample = QuoteData.sample();
        for (String s : QuoteData.SAMPLE_SYMBOLS) {
            assertThat(sample.quote(Symbol.of(s), null).price().amount()).as(s).isPositive();
        }
    }

    @Test
    void sample_aaplDividendsAndNvdaSplit_comeFromTheirFiles() {
        QuoteData sample = QuoteData.sample();
        assertThat(sample.source().history(Symbol.of("AAPL"), LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31)).dividends())
                .extracting(d -> d.exDate() + " " + d.perShare())
                .containsExactly("2013-02-07 2.65", "2013-05-09 3.05", "2013-08-08 3.05", "2013-11-06 3.05");
        assertThat(sample.source().history(Symbol.of("NVDA"), LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)).splits())
                .extracting(s -> s.date() + " " + s.numerator() + ":" + s.denominator())
                .containsExactly("2021-07-20 4:1");
    }

    @Test
    void csv_listsOnlyThePriceFilesAsSymbols() throws IOException {
        Files.writeString(dir.resolve("ACME.csv"), "Date,Close\n2020-01-02,10\n");
        Files.writeString(dir.resolve("ACME.dividends.csv"), "Date,Dividends\n2020-01-02,0.1\n");
        Files.writeString(dir.resolve("BETA.splits.csv"), "Date,Stock Splits\n2020-01-02,2:1\n");
        Files.writeString(dir.resolve("notes.txt"), "not prices");
        assertThat(QuoteData.csv(dir).symbols()).containsExactly("ACME");
    }

    @Test
    void csv_symbolPointingOutsideTheFolder_isNotRead() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("quotes"));
        Files.writeString(dir.resolve("SECRET.csv"), "Date,Close\n2020-01-02,10\n");
        QuoteData csv = QuoteData.csv(folder);
        assertThatThrownBy(() -> csv.source().latest(Symbol.of("../SECRET"))).isInstanceOf(QuoteNotFoundException.class);
        assertThatThrownBy(() -> csv.quote(Symbol.of("../SECRET"), null))
                .isInstanceOf(QuoteNotFoundException.class).hasMessage("unknown symbol ../SECRET: " + folder + " has no price files");
    }
}
