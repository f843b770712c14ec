package dev.erasmo.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvQuoteSourceTest {

    private final Map<String, String> files = new HashMap<>();

    private CsvQuoteSource source() {
        return CsvQuoteSource.builder(name -> {
            String text = files.get(name);
            return text == null ? null : (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }).build();
    }

    private static final Symbol AAPL = Symbol.of("AAPL");

    @Test
    void history_yahooLayout_readsEveryColumn() {
        // the first rows of Apple's 2013 data, with an Adj Close column added
        files.put("AAPL.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2013-01-02,553.82,555.00,541.63,549.03,500.1,20018500\n"
                + "2013-01-03,547.88,549.67,541.00,542.10,494.2,12605900\n");
        PriceHistory h = source().history(AAPL, LocalDate.parse("2013-01-01"), LocalDate.parse("2013-12-31"));
        assertThat(h.bars()).containsExactly(
                new Bar(LocalDate.parse("2013-01-02"), new BigDecimal("553.82"), new BigDecimal("555.00"), new BigDecimal("541.63"),
                        new BigDecimal("549.03"), new BigDecimal("500.1"), 20018500L),
                new Bar(LocalDate.parse("2013-01-03"), new BigDecimal("547.88"), new BigDecimal("549.67"), new BigDecimal("541.00"),
                        new BigDecimal("542.10"), new BigDecimal("494.2"), 12605900L));
        assertThat(h.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void history_closeOnlyLowerCaseHeader_isRead() {
        files.put("^GSPC.csv", "date,close\n2000-01-03,1455.219971\n2000-01-04,1399.420044\n");
        PriceHistory h = source().history(Symbol.of("^GSPC"), LocalDate.parse("2000-01-04"), LocalDate.parse("2000-01-04"));
        assertThat(h.bars()).extracting(Bar::close).containsExactly(new BigDecimal("1399.420044"));
        assertThat(h.bars().get(0).open()).isNull();
        assertThat(h.bars().get(0).volume()).isNull();
    }

    @Test
    void asOf_afterASplitWithNoCloseSince_isNotFoundRatherThanAPreSplitPrice() {
        // a 2-for-1 split on 2013-01-10 and no close after 2013-01-02: the 5.00 close is in pre-split
        // units, so a trade on 2013-01-11 must not fill at it (it would get twice the value per unit)
        files.put("GOOD.csv", "Date,Close\n2013-01-02,5.00\n");
        files.put("GOOD.splits.csv", "Date,Stock Splits\n2013-01-10,2:1\n");
        CsvQuoteSource s = source();
        assertThatThrownBy(() -> s.asOf(Symbol.of("GOOD"), LocalDate.parse("2013-01-11"))).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageStartingWith("no close for GOOD between its split on 2013-01-10 and 2013-01-11 (the close of 2013-01-02 is in"
                        + " pre-split units)");
        // before the split the close is fine
        assertThat(s.asOf(Symbol.of("GOOD"), LocalDate.parse("2013-01-09")).price().amount()).isEqualByComparingTo("5.00");
        // the cache and the default asOf follow the same rule
        CachingQuoteSource cached = CachingQuoteSource.builder(s).build();
        assertThatThrownBy(() -> cached.asOf(Symbol.of("GOOD"), LocalDate.parse("2013-01-11"))).isInstanceOf(QuoteNotFoundException.class);
    }

    @Test
    void asOf_weekendOrHoliday_givesTheLastCloseWithItsOwnDate() {
        files.put("AAPL.csv", "Date,Close\n2013-12-27,560.09\n2013-12-30,554.52\n2013-12-31,561.02\n");
        CsvQuoteSource s = source();
        // 2013-12-28 is a Saturday: the Friday close
        assertThat(s.asOf(AAPL, LocalDate.parse("2013-12-28"))).isEqualTo(new Quote(AAPL, Price.of("USD", "560.09"), LocalDate.parse("2013-12-27")));
        assertThat(s.latest(AAPL)).isEqualTo(new Quote(AAPL, Price.of("USD", "561.02"), LocalDate.parse("2013-12-31")));
        assertThatThrownBy(() -> s.asOf(AAPL, LocalDate.parse("2013-12-26"))).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageContaining("no close for AAPL").hasMessageContaining("its data runs from 2013-12-27 to 2013-12-31");
        // more than 14 days after the last close is not "as of" any more
        assertThatThrownBy(() -> s.asOf(AAPL, LocalDate.parse("2014-01-15"))).isInstanceOf(QuoteNotFoundException.class);
        assertThat(s.asOf(AAPL, LocalDate.parse("2014-01-14")).date()).isEqualTo(LocalDate.parse("2013-12-31"));
    }

    @Test
    void history_dividendsAndSplitsFiles_areRead() {
        files.put("NVDA.csv", "Date,Close\n2021-07-19,751.19\n2021-07-20,186.12\n");
        files.put("NVDA.splits.csv", "Date,Stock Splits\n2021-07-20,4:1\n");
        files.put("NVDA.dividends.csv", "Date,Dividends\n2021-06-09,0.04\n");
        PriceHistory h = source().history(Symbol.of("NVDA"), LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"));
        assertThat(h.splits()).containsExactly(new SplitEvent(LocalDate.parse("2021-07-20"), 4, 1));
        assertThat(h.dividends()).containsExactly(new DividendEvent(LocalDate.parse("2021-06-09"), new BigDecimal("0.04")));
    }

    @Test
    void history_unknownSymbol_isNotFound() {
        assertThatThrownBy(() -> source().history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(QuoteNotFoundException.class)
                .hasMessageContaining("AAPL");
        assertThat(source().latest(List.of(AAPL))).isEmpty();
    }

    @Test
    void aFolderOpenedWithFilesNewInputStream_readsWhatIsThereAndTakesAMissingFileForNone(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("NVDA.csv"), "Date,Close\n2021-07-19,751.19\n2021-07-20,186.12\n");
        // no NVDA.dividends.csv, NVDA.splits.csv nor AAPL.csv: NoSuchFileException means absent, as null does
        CsvQuoteSource folderSource = CsvQuoteSource.builder(name -> Files.newInputStream(folder.resolve(name))).build();
        PriceHistory h = folderSource.history(Symbol.of("NVDA"), LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"));
        assertThat(h.bars()).hasSize(2);
        assertThat(h.splits()).isEmpty();
        assertThat(h.dividends()).isEmpty();
        assertThatThrownBy(() -> folderSource.history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(QuoteNotFoundException.class);
        // any other failure to open is still an error naming the file
        CsvQuoteSource unreadable = CsvQuoteSource.builder(name -> {
            throw new java.nio.file.AccessDeniedException(name);
        }).build();
        assertThatThrownBy(() -> unreadable.history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("AAPL.csv: ");
    }

    @Test
    void history_malformedRows_areReportedWithFileAndLine() {
        String header = "Date,Open,High,Low,Close,Volume\n";
        String good = "2013-01-02,553.82,555.00,541.63,549.03,20018500\n";
        Map<String, String> cases = Map.of(
                header + good + "2013-01-03,547.88,549.67,541.00,null,12605900\n", "AAPL.csv:3: field 'Close' is null",
                header + good + "2013-01-03,547.88,549.67,541.00,,12605900\n", "AAPL.csv:3: field 'Close' is empty",
                header + good + "2013-01-03,547.88,549.67,541.00,5x2,12605900\n", "AAPL.csv:3: Close '5x2' is not a decimal number",
                header + good + "2013-01-03,547.88,549.67,541.00\n", "AAPL.csv:3: missing field 'Close'",
                header + good + "01/03/2013,547.88,549.67,541.00,542.10,1\n", "AAPL.csv:3: Date '01/03/2013' is not an ISO date",
                header + good + good, "AAPL.csv:3: date 2013-01-02 is not after the previous row's 2013-01-02",
                header + "2013-01-02,553.82,555.00,541.63,0,1\n", "AAPL.csv:2: Close 0 is not above zero",
                header + "2013-01-02,553.82,555.00,541.63,NaN,1\n", "AAPL.csv:2: Close 'NaN' is not a decimal number",
                header + "2013-01-02,553.82,555.00,541.63,549.03,-5\n", "AAPL.csv:2: Volume -5 is negative",
                "Date,Open,High,Low,Volume\n" + good, "AAPL.csv:1: header has no column 'Close'");
        cases.forEach((csv, message) -> {
            files.put("AAPL.csv", csv);
            assertThatThrownBy(() -> source().history(AAPL, LocalDate.MIN, LocalDate.MAX)).as(message)
                    .isInstanceOf(MalformedQuoteDataException.class).hasMessageStartingWith(message);
        });
    }

    @Test
    void history_malformedSplitRatio_isReported() {
        files.put("NVDA.csv", "Date,Close\n2021-07-19,751.19\n");
        files.put("NVDA.splits.csv", "Date,Stock Splits\n2021-07-20,four\n");
        assertThatThrownBy(() -> source().history(Symbol.of("NVDA"), LocalDate.MIN, LocalDate.MAX))
                .isInstanceOf(MalformedQuoteDataException.class).hasMessage("NVDA.splits.csv:2: Stock Splits 'four' is not a ratio like 4:1");
    }

    @Test
    void history_absurdlyLongNumbers_areReportedQuickly() {
        String header = "Date,Open,High,Low,Close,Volume\n";
        files.put("AAPL.csv", header + "2013-01-02,1,1,1," + "1".repeat(10_000_000) + ",1\n");
        assertThatThrownBy(() -> source().history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(MalformedQuoteDataException.class)
                .hasMessage("AAPL.csv:2: Close '11111111111111111111...' is longer than 40 characters");
        files.put("AAPL.csv", header + "2013-01-02,1,1,1,1," + "9".repeat(100) + "\n");
        assertThatThrownBy(() -> source().history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(MalformedQuoteDataException.class)
                .hasMessage("AAPL.csv:2: Volume '99999999999999999999...' is longer than 40 characters");
    }

    @Test
    void history_headerNamingAColumnTwice_isMalformed() {
        files.put("AAPL.csv", "Date,Close,Open,close\n2013-01-02,549.03,553.82,1\n");
        assertThatThrownBy(() -> source().history(AAPL, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(MalformedQuoteDataException.class)
                .hasMessage("AAPL.csv:1: header names column 'close' twice");
    }
}
