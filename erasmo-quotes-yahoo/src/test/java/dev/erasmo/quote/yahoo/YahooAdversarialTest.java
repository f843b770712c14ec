package dev.erasmo.quote.yahoo;

import static dev.erasmo.quote.yahoo.YahooStub.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.DividendEvent;
import dev.erasmo.quote.MalformedQuoteDataException;
import dev.erasmo.quote.MarketState;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteException;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteUnavailableException;
import dev.erasmo.quote.SplitEvent;
import dev.erasmo.quote.yahoo.YahooStub.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from Yahoo, constructed on purpose (none of these bodies was recorded): each must end
 * as a {@link QuoteException} with a one-line message naming the symbol or request, or as a
 * correct answer; never another exception, a hang, or a wrong price.
 *
 * <p>Most history cases use the symbol {@code X} on New York time over 2024-02-29 and 2024-03-01
 * (bars at 09:30 New York: 1709217000 and 1709303400), with the clock on 2024-03-02 so that one
 * chart request answers everything.
 */
class YahooAdversarialTest {

    private static final String CHART = "/v8/finance/chart/";
    private static final String QUOTE = "/v7/finance/quote";
    private static final String CRUMB = "/v1/test/getcrumb";
    private static final Symbol X = Symbol.of("X");
    private static final LocalDate FROM = LocalDate.of(2024, 2, 29);
    private static final LocalDate TO = LocalDate.of(2024, 3, 1);
    private static final String META = "\"currency\":\"USD\",\"symbol\":\"X\",\"exchangeTimezoneName\":\"America/New_York\","
            + "\"regularMarketTime\":1709586000,\"regularMarketPrice\":12.0";
    private static final String TWO_DAYS = "\"timestamp\":[1709217000,1709303400]";
    /** 2024-03-07 09:30 New York: after the window. */
    private static final long AFTER = 1_709_821_800L;
    private static final String AAPL_QUOTE = "\"symbol\":\"AAPL\",\"quoteType\":\"EQUITY\",\"currency\":\"USD\","
            + "\"exchangeTimezoneName\":\"America/New_York\",\"marketState\":\"REGULAR\",\"regularMarketTime\":1739566800";

    private final YahooStub stub = new YahooStub();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooQuoteSource.Builder builder() {
        return YahooQuoteSource.builder().baseUri(stub.uri()).clock(Clock.fixed(Instant.parse("2024-03-02T12:00:00Z"), ZoneOffset.UTC))
                .sleeper(slept::add);
    }

    private YahooQuoteSource source() {
        return builder().build();
    }

    private static String chart(String meta, String rest) {
        return "{\"chart\":{\"result\":[{\"meta\":{" + meta + "}," + rest + "}],\"error\":null}}";
    }

    /** The two days with the given quote arrays (and anything after them, e.g. events). */
    private static String twoDays(String quote) {
        return chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":[{" + quote + "}]}");
    }

    private static String twoDays(String quote, String events) {
        return chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":[{" + quote + "}]},\"events\":{" + events + "}");
    }

    private PriceHistory history(String body) {
        stub.on(CHART + "X", Answer.ok(body));
        return source().history(X, FROM, TO);
    }

    private static String quotes(String... results) {
        return "{\"quoteResponse\":{\"result\":[" + String.join(",", results) + "],\"error\":null}}";
    }

    private Map<Symbol, Quote> latest(String body, Symbol... symbols) {
        stub.handshake().on(QUOTE, Answer.ok(body));
        return source().latest(List.of(symbols));
    }

    private static void malformed(ThrowingCallable call, String... named) {
        assertThatThrownBy(call).isInstanceOf(MalformedQuoteDataException.class).satisfies(e -> {
            assertThat(e.getMessage()).contains(named).doesNotContain("\n").doesNotContain("\r");
            assertThat(e.getMessage().length()).isLessThan(600);
        });
    }

    private void malformedHistory(String body, String... named) {
        stub.on(CHART + "X", Answer.ok(body));
        malformed(() -> source().history(X, FROM, TO), named);
    }

    // ---------------------------------------------------------------- numbers in the price arrays

    @Test
    void closesGivenAsStringsAreMalformedNotAnEmptyHistory() {
        malformedHistory(twoDays("\"close\":[\"10.25\",\"11.25\"]"), "X", "close");
    }

    @Test
    void aCloseOf1e300IsMalformedNotAPrice() {
        malformedHistory(twoDays("\"close\":[1e300,11.25]"), "X");
    }

    @Test
    void aCloseBeyondTheDoubleRangeIsMalformedNotSkipped() {
        // Jackson reads 1e400 as an infinite double
        malformedHistory(twoDays("\"close\":[1e400,11.25]"), "X");
    }

    @Test
    void negativeAndZeroClosesAreMissingNeverAPrice() {
        String body = chart(META, "\"timestamp\":[1709130600,1709217000,1709303400],"
                + "\"indicators\":{\"quote\":[{\"close\":[-5.0,0,11.25]}]}");
        stub.on(CHART + "X", Answer.ok(body));

        PriceHistory h = source().history(X, LocalDate.of(2024, 2, 28), TO);

        assertThat(h.bars()).extracting(Bar::date).containsExactly(TO);
        assertThat(h.bars().get(0).close()).isEqualByComparingTo("11.25");
    }

    @Test
    void aCloseTooSmallForEightDecimalsIsMalformedNotZero() {
        malformedHistory(twoDays("\"close\":[0.000000001,11.25]"), "X", "2024-02-29");
    }

    @Test
    void anOpenHighOrLowTooSmallForEightDecimalsIsMissingNotZero() {
        PriceHistory h = history(twoDays("\"open\":[0.000000001,11.0],\"high\":[10.5,0.000000004],\"low\":[0.000000002,10.5],"
                + "\"close\":[10.25,11.25]"));

        assertThat(h.bars().get(0).open()).isNull();
        assertThat(h.bars().get(0).low()).isNull();
        assertThat(h.bars().get(1).high()).isNull();
        assertThat(h.bars().get(1).open()).isEqualByComparingTo("11");
    }

    @Test
    void aFractionalVolumeIsRoundedAndANegativeOneIsMissing() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25],\"volume\":[100.6,-5]"));

        assertThat(h.bars()).extracting(Bar::volume).containsExactly(101L, null);
    }

    @Test
    void aVolumeTooBigForALongIsMissingNotClampedToTheLargestLong() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25],\"volume\":[1e30,99999999999999999999999]"));

        assertThat(h.bars()).extracting(Bar::volume).containsExactly(null, null);
    }

    @Test
    void aVolumeThatOverflowsWhenAReverseSplitIsUndoneIsMissing() {
        // 9e18 shares before a 1:10 reverse split traded as 9e19 shares: more than a long holds
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25],\"volume\":[9000000000000000000,100]",
                "\"splits\":{\"1\":{\"date\":" + AFTER + ",\"numerator\":1,\"denominator\":10,\"splitRatio\":\"1:10\"}}"));

        assertThat(h.bars().get(0).volume()).isNull();
        assertThat(h.bars().get(0).close()).isEqualByComparingTo("1.025");
        assertThat(h.bars().get(1).volume()).isEqualTo(1_000L);
    }

    @Test
    void aVolumeGivenAsAStringIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25],\"volume\":[\"100\",200]"), "X", "volume");
    }

    @Test
    void anAdjustedCloseTooSmallForEightDecimalsIsMissingNotZero() {
        String body = chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}],\"adjclose\":[{\"adjclose\":[0.000000001,11.0]}]}");

        PriceHistory h = history(body);

        assertThat(h.bars()).extracting(Bar::adjClose).containsExactly(null, new BigDecimal("11"));
    }

    // ---------------------------------------------------------------- timestamps and zones

    @Test
    void timestampsGivenAsStringsAreMalformed() {
        malformedHistory(chart(META, "\"timestamp\":[\"1709217000\",1709303400],\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"),
                "X", "timestamp");
    }

    @Test
    void aTimestampBeyondWhatAnInstantHoldsIsMalformed() {
        malformedHistory(chart(META, "\"timestamp\":[100000000000000000,1709303400],\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"),
                "X", "timestamp");
    }

    @Test
    void aTimestampAfterTheYear9999IsMalformed() {
        // 253402300800 is 10000-01-01T00:00:00Z
        malformedHistory(chart(META, "\"timestamp\":[1709217000,253402300800],\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"),
                "X", "timestamp");
    }

    @Test
    void aTimestampBeyondALongIsMalformedNotWrappedToAPlausibleDate() {
        // 2^64 + 1709217000: read as a long it wraps to exactly 2024-02-29 09:30 New York
        malformedHistory(chart(META, "\"timestamp\":[18446744075418768616,1709303400],\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"),
                "X", "timestamp");
    }

    @Test
    void aTimestampWithAFractionIsMalformed() {
        malformedHistory(chart(META, "\"timestamp\":[1709217000.5,1709303400],\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"),
                "X", "timestamp");
    }

    @Test
    void aTimestampBefore1970IsAnOrdinaryDate() {
        // -1 is 1969-12-31 18:59:59 New York; ^GSPC's history starts in 1927
        stub.on(CHART + "X", Answer.ok(chart(META, "\"timestamp\":[-1],\"indicators\":{\"quote\":[{\"close\":[92.06]}]}")));

        PriceHistory h = source().history(X, LocalDate.of(1969, 12, 31), LocalDate.of(1969, 12, 31));

        assertThat(h.bars()).extracting(Bar::date).containsExactly(LocalDate.of(1969, 12, 31));
    }

    @Test
    void timestampThatIsNotAnArrayIsMalformedNotAnEmptyHistory() {
        malformedHistory(chart(META, "\"timestamp\":{\"0\":1709217000},\"indicators\":{\"quote\":[{\"close\":[10.25]}]}"), "X", "timestamp");
    }

    @Test
    void timestampsWithoutAnyClosesAreMalformedNotAnEmptyHistory() {
        malformedHistory(chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":[{}]}"), "X", "close");
        malformedHistory(chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":{\"close\":[10.25,11.25]}}"), "X", "close");
    }

    @Test
    void aCloseArrayThatIsAnObjectIsMalformed() {
        malformedHistory(twoDays("\"close\":{\"0\":10.25,\"1\":11.25}"), "X", "close");
    }

    @Test
    void anUnknownExchangeTimeZoneIsMalformed() {
        for (String zone : new String[] {"\"Mars/Olympus_Mons\"", "\"EST\"", "\"../../etc/passwd\"", "42"}) {
            String meta = "\"currency\":\"USD\",\"symbol\":\"X\",\"exchangeTimezoneName\":" + zone;
            malformedHistory(chart(meta, TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"), "X");
        }
    }

    // ---------------------------------------------------------------- currencies

    @Test
    void aCurrencyInLowerCaseOrNotInIso4217IsRefused() {
        for (String currency : new String[] {"usd", "gbp", "ABC", "Usd", "US", "USDT"}) {
            String meta = "\"currency\":\"" + currency + "\",\"symbol\":\"X\",\"exchangeTimezoneName\":\"America/New_York\"";
            malformedHistory(chart(meta, TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"), "X", currency);
        }
    }

    @Test
    void aCurrencyWithoutAMinorUnitIsRefusedNotLeftToFailLater() {
        // XAU (gold) is ISO 4217 but has no minor unit: erasmo cannot price in it
        malformedHistory(chart("\"currency\":\"XAU\",\"symbol\":\"X\",\"exchangeTimezoneName\":\"America/New_York\"",
                TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}"), "X", "XAU");
    }

    // ---------------------------------------------------------------- splits

    private static String split(String fields) {
        return "\"splits\":{\"" + AFTER + "\":{\"date\":" + AFTER + "," + fields + "}}";
    }

    @Test
    void aSplitWithAZeroDenominatorOrNumeratorIsMalformedNotIgnored() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"numerator\":4,\"denominator\":0,\"splitRatio\":\"4:0\"")), "X", "split");
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"numerator\":0,\"denominator\":1,\"splitRatio\":\"0:1\"")), "X", "split");
    }

    @Test
    void aSplitWithANegativePartIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"numerator\":-2,\"denominator\":1")), "X", "split");
    }

    @Test
    void aSplitWithoutARatioOrADateIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"splitRatio\":\"four for one\"")), "X", "split");
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"splits\":{\"1\":{\"numerator\":4,\"denominator\":1}}"), "X", "split");
    }

    @Test
    void aFractionalSplitIsReadAsAFractionInLowestTerms() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25]", "\"splits\":{\"1\":{\"date\":1709303400,\"numerator\":1.5,\"denominator\":1}}"));

        // 3 for 2 on 2024-03-01: the 02-29 close is undone, x 1.5
        assertThat(h.splits()).containsExactly(new SplitEvent(TO, 3, 2));
        assertThat(h.bars().get(0).close()).isEqualByComparingTo("15.375");
        assertThat(h.bars().get(1).close()).isEqualByComparingTo("11.25");
    }

    @Test
    void aFractionalSplitRatioInTextIsReadToo() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25]", "\"splits\":{\"1\":{\"date\":1709303400,\"splitRatio\":\"1.05:1\"}}"));

        assertThat(h.splits()).containsExactly(new SplitEvent(TO, 21, 20));
    }

    @Test
    void aOneForOneSplitChangesNothing() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25]", split("\"numerator\":7,\"denominator\":7,\"splitRatio\":\"7:7\"")));

        assertThat(h.bars().get(0).close()).isEqualByComparingTo("10.25");
    }

    @Test
    void aSplitTooLargeForAnIntIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"numerator\":10000000000,\"denominator\":1,\"splitRatio\":\"10000000000:1\"")),
                "X", "split");
        malformedHistory(twoDays("\"close\":[10.25,11.25]", split("\"splitRatio\":\"1e999999999:1\"")), "X", "split");
    }

    @Test
    void manySplitsThatMakeTheFactorEnormousAreMalformedNotAHugePrice() {
        StringBuilder splits = new StringBuilder("\"splits\":{");
        for (int i = 0; i < 400; i++) {
            long date = AFTER + i * 86_400L;
            splits.append(i == 0 ? "" : ",").append('"').append(date).append("\":{\"date\":").append(date)
                    .append(",\"numerator\":10,\"denominator\":1,\"splitRatio\":\"10:1\"}");
        }
        splits.append('}');
        long start = System.nanoTime();

        // the 02-29 close as traded would be 10.25 x 10^400
        malformedHistory(twoDays("\"close\":[10.25,11.25]", splits.toString()), "X");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void eventMapsThatAreArraysAreMalformedNotIgnored() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"splits\":[{\"date\":" + AFTER + ",\"numerator\":4,\"denominator\":1}]"),
                "X", "splits");
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"dividends\":[{\"date\":1709303400,\"amount\":0.2}]"), "X", "dividends");
        malformedHistory(chart(META, TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]},\"events\":[]"), "X", "events");
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"splits\":{\"1\":\"4:1\"}"), "X", "split");
    }

    // ---------------------------------------------------------------- dividends

    @Test
    void dividendsOfZeroNegativeOrNoAmountAreNotDividends() {
        PriceHistory h = history(twoDays("\"close\":[10.25,11.25]", "\"dividends\":{\"1\":{\"date\":1709217000,\"amount\":0},"
                + "\"2\":{\"date\":1709303400,\"amount\":-0.5},\"3\":{\"date\":1709303400,\"amount\":null},\"4\":null}"));

        assertThat(h.dividends()).isEmpty();
    }

    @Test
    void aDividendAmountGivenAsAStringIsMalformedNotDropped() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"dividends\":{\"1\":{\"date\":1709303400,\"amount\":\"0.205\"}}"), "X", "dividend");
    }

    @Test
    void aDividendDateGivenAsAStringIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"dividends\":{\"1\":{\"date\":\"1709303400\",\"amount\":0.205}}"), "X", "dividend");
    }

    @Test
    void aHugeDividendIsMalformed() {
        malformedHistory(twoDays("\"close\":[10.25,11.25]", "\"dividends\":{\"1\":{\"date\":1709303400,\"amount\":1e300}}"), "X", "dividend");
    }

    private static final String PENCE_META = "\"currency\":\"GBp\",\"symbol\":\"X\",\"exchangeTimezoneName\":\"Europe/London\"";
    private static final String PENCE_DAYS = "\"timestamp\":[1709193600,1709280000]";

    @Test
    void aDividendThatSaysItIsInPoundsOnAPenceChartIsPounds() {
        // 0.1 against a 50p close would be read as pence by the heuristic (0.2%): Yahoo said GBP
        String body = chart(PENCE_META, PENCE_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[50.0,50.0]}]},"
                + "\"events\":{\"dividends\":{\"1\":{\"date\":1709280000,\"amount\":0.1,\"currency\":\"GBP\"}}}");

        assertThat(history(body).dividends()).containsExactly(new DividendEvent(TO, new BigDecimal("0.1")));
    }

    @Test
    void aDividendThatSaysItIsInPenceIsPence() {
        // 0.04 against a 100p close would be read as pounds by the heuristic (under 0.1%): Yahoo said GBp
        String body = chart(PENCE_META, PENCE_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[100.0,100.0]}]},"
                + "\"events\":{\"dividends\":{\"1\":{\"date\":1709280000,\"amount\":0.04,\"currency\":\"GBp\"}}}");

        assertThat(history(body).dividends()).containsExactly(new DividendEvent(TO, new BigDecimal("0.0004")));
    }

    // ---------------------------------------------------------------- the chart as a whole

    @Test
    void aChartThatEchoesAnotherSymbolIsMalformedNotItsPrices() {
        stub.on(CHART + "AAPL", Answer.ok(chart(META.replace("\"symbol\":\"X\"", "\"symbol\":\"MSFT\""),
                TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[410.0,415.0]}]}")));

        malformed(() -> source().history(Symbol.of("AAPL"), FROM, TO), "AAPL", "MSFT");
    }

    @Test
    void aChartThatEchoesTheSymbolInAnotherCaseIsTheSameSymbol() {
        stub.on(CHART + "X", Answer.ok(chart(META.replace("\"symbol\":\"X\"", "\"symbol\":\"x\""),
                TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}")));

        assertThat(source().history(X, FROM, TO).bars()).hasSize(2);
    }

    @Test
    void aDeeplyNestedBodyIsMalformedNotAStackOverflow() {
        stub.on(CHART + "X", Answer.ok("[".repeat(100_000)));

        malformed(() -> source().history(X, FROM, TO), "X");
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        for (String body : new String[] {"[]", "null", "42", "\"chart\"", "{}", "{\"chart\":{\"result\":{}}}", "{\"chart\":{\"result\":[[]]}}"}) {
            stub.on(CHART + "X", Answer.ok(body));
            malformed(() -> source().history(X, FROM, TO), "X");
        }
    }

    @Test
    void anEmptyBodyWithStatus200IsMalformed() {
        stub.on(CHART + "X", Answer.ok(""));

        malformed(() -> source().history(X, FROM, TO), "X", "HTTP 200");
    }

    @Test
    void unexpectedStatusesAreUnavailableAndNotRetried() {
        for (int status : new int[] {204, 301, 418}) {
            stub.on(CHART + "X", Answer.of(status, ""));
            assertThatThrownBy(() -> source().history(X, FROM, TO)).isInstanceOfSatisfying(QuoteUnavailableException.class,
                    e -> assertThat(e.isRetryable()).isFalse()).hasMessageContaining("HTTP " + status).hasMessageContaining("X");
        }
        assertThat(slept).isEmpty();
    }

    // ---------------------------------------------------------------- the window asked for

    @Test
    void fromAfterToIsACallersMistakeNamingTheSymbol() {
        assertThatThrownBy(() -> source().history(X, TO, FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aWindowEntirelyAfterTheClockIsEmptyAndAsksYahooForAnOrderedPeriod() {
        stub.on(CHART + "X", Answer.ok(twoDays("\"close\":[10.25,11.25]")));

        PriceHistory h = source().history(X, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));

        assertThat(h.bars()).isEmpty();
        assertThat(h.live()).isNull();
        Map<String, String> q = stub.requests(CHART + "X").get(0).query();
        assertThat(Long.parseLong(q.get("period1"))).isLessThan(Long.parseLong(q.get("period2")));
    }

    @Test
    void theWidestPossibleWindowDoesNotOverflowTheDateArithmetic() {
        stub.on(CHART + "X", Answer.ok(twoDays("\"close\":[10.25,11.25]")));

        PriceHistory h = source().history(X, LocalDate.MIN, LocalDate.MAX);

        assertThat(h.bars()).extracting(Bar::date).containsExactly(FROM, TO);
        Map<String, String> q = stub.requests(CHART + "X").get(0).query();
        assertThat(Long.parseLong(q.get("period1"))).isLessThan(Long.parseLong(q.get("period2")));
    }

    // ---------------------------------------------------------------- symbols with odd characters

    @Test
    void aSymbolOfDotsIsAskedForAsItselfNotAsAParentPath() {
        stub.on(CHART + "..", Answer.of(404, resource("transcribed/chart-error-404-not-found.json")));

        assertThatThrownBy(() -> source().history(Symbol.of(".."), FROM, TO)).isInstanceOf(QuoteNotFoundException.class).hasMessageContaining("..");
        assertThat(stub.requests()).extracting(YahooStub.Request::path).containsExactly(CHART + "..");
    }

    @Test
    void aSymbolWithSlashesQuestionMarksAndPercentSignsIsOnePathSegment() {
        String odd = "A/B?C#D%E&F+G";
        stub.on(CHART + odd, Answer.ok(chart(META.replace("\"symbol\":\"X\"", "\"symbol\":\"" + odd + "\""),
                TWO_DAYS + ",\"indicators\":{\"quote\":[{\"close\":[10.25,11.25]}]}")));

        assertThat(source().history(Symbol.of(odd), FROM, TO).bars()).hasSize(2);
    }

    // ---------------------------------------------------------------- latest quotes

    @Test
    void aBidAboveTheAskOrABidAloneIsNoSpread() {
        Map<Symbol, Quote> q = latest(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6,\"bid\":245.0,\"ask\":244.0}",
                "{" + AAPL_QUOTE.replace("AAPL", "MSFT") + ",\"regularMarketPrice\":410.0,\"bid\":409.5}"), Symbol.of("AAPL"), Symbol.of("MSFT"));

        assertThat(q.get(Symbol.of("AAPL")).bid()).isNull();
        assertThat(q.get(Symbol.of("AAPL")).ask()).isNull();
        assertThat(q.get(Symbol.of("AAPL")).buyPrice().amount()).isEqualByComparingTo("244.6");
        assertThat(q.get(Symbol.of("MSFT")).bid()).isNull();
        assertThat(q.get(Symbol.of("MSFT")).ask()).isNull();
    }

    @Test
    void aQuoteWithoutATimeOrWithTimeZeroIsAbsentNotDatedToday() {
        Map<Symbol, Quote> q = latest(quotes("{" + AAPL_QUOTE.replace(",\"regularMarketTime\":1739566800", "") + ",\"regularMarketPrice\":244.6}",
                "{" + AAPL_QUOTE.replace("AAPL", "MSFT").replace("1739566800", "0") + ",\"regularMarketPrice\":410.0}"),
                Symbol.of("AAPL"), Symbol.of("MSFT"));

        assertThat(q).isEmpty();
    }

    @Test
    void aQuoteTimeBeyondWhatAnInstantHoldsIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE.replace("1739566800", "100000000000000000") + ",\"regularMarketPrice\":244.6}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void aQuotePriceGivenAsAStringIsMalformedNotAbsent() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":\"244.6\"}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void aQuotePriceTooSmallForEightDecimalsIsMalformedNotZero() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":0.000000001}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void aBidTooSmallForEightDecimalsIsNoSpreadNotAZeroBid() {
        Quote q = latest(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":0.00001,\"bid\":0.000000001,\"ask\":0.00002}"),
                Symbol.of("AAPL")).get(Symbol.of("AAPL"));

        assertThat(q.price().amount()).isEqualByComparingTo("0.00001");
        assertThat(q.bid()).isNull();
        assertThat(q.ask()).isNull();
    }

    @Test
    void aQuotePriceOf1e300IsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":1e300}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void aQuoteInACurrencyWithoutAMinorUnitIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE.replace("USD", "XAU") + ",\"regularMarketPrice\":244.6}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL", "XAU");
    }

    @Test
    void aQuoteInLowerCaseCurrencyIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE.replace("USD", "usd") + ",\"regularMarketPrice\":244.6}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL", "usd");
    }

    @Test
    void aQuoteWithAnUnknownTimeZoneOrNoneIsMalformed() {
        for (String zone : new String[] {"\"Mars/Olympus_Mons\"", "null", "7"}) {
            try (YahooStub s = new YahooStub()) {
                s.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE.replace("\"America/New_York\"", zone) + ",\"regularMarketPrice\":244.6}")));
                YahooQuoteSource source = YahooQuoteSource.builder().baseUri(s.uri()).sleeper(d -> { }).build();

                malformed(() -> source.latest(List.of(Symbol.of("AAPL"))), "AAPL");
            }
        }
    }

    @Test
    void anUnknownMarketStateIsClosedSoTheSpreadIsNotUsed() {
        Quote q = latest(quotes("{" + AAPL_QUOTE.replace("REGULAR", "LUNCH_BREAK") + ",\"regularMarketPrice\":244.6,\"bid\":244.5,\"ask\":244.7}"),
                Symbol.of("AAPL")).get(Symbol.of("AAPL"));

        assertThat(q.marketState()).isEqualTo(MarketState.CLOSED);
        assertThat(q.buyPrice().amount()).isEqualByComparingTo("244.6");
    }

    @Test
    void aResultThatIsNotAnArrayIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok("{\"quoteResponse\":{\"result\":{\"symbol\":\"AAPL\"},\"error\":null}}"));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void resultsThatAreNotObjectsOrNameNoSymbolAreIgnored() {
        Map<Symbol, Quote> q = latest(quotes("1", "\"AAPL\"", "null", "[]", "{\"symbol\":42}", "{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}"),
                Symbol.of("AAPL"));

        assertThat(q.get(Symbol.of("AAPL")).price().amount()).isEqualByComparingTo("244.6");
    }

    @Test
    void aSymbolAnsweredTwiceWithDifferentPricesIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}", "{" + AAPL_QUOTE + ",\"regularMarketPrice\":2.446}")));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    @Test
    void aSymbolAnsweredTwiceAlikeIsOneQuote() {
        String one = "{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}";

        assertThat(latest(quotes(one, one), Symbol.of("AAPL"))).hasSize(1);
    }

    @Test
    void anAnswerForASymbolNotAskedForIsIgnored() {
        Map<Symbol, Quote> q = latest(quotes("{" + AAPL_QUOTE.replace("AAPL", "MSFT") + ",\"regularMarketPrice\":410.0}"), Symbol.of("AAPL"));

        assertThat(q).isEmpty();
    }

    @Test
    void aSymbolAskedTwiceIsAskedOnceAndBothSpellingsOfAShareClassAreAnswered() {
        String brk = "{" + AAPL_QUOTE.replace("AAPL", "BRK-B") + ",\"regularMarketPrice\":410.0}";
        stub.handshake().on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}", brk)));

        Map<Symbol, Quote> q = source().latest(List.of(Symbol.of("AAPL"), Symbol.of("aapl"), Symbol.of("BRK.B"), Symbol.of("BRK-B")));

        assertThat(stub.requests(QUOTE)).singleElement().satisfies(r -> assertThat(r.query()).containsEntry("symbols", "AAPL,BRK-B"));
        assertThat(q).containsOnlyKeys(Symbol.of("AAPL"), Symbol.of("BRK.B"), Symbol.of("BRK-B"));
        assertThat(q.get(Symbol.of("BRK.B")).symbol()).isEqualTo(Symbol.of("BRK.B"));
    }

    @Test
    void anEmptySymbolListAsksNothing() {
        assertThat(source().latest(List.of())).isEmpty();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anEmptyQuoteBodyIsMalformed() {
        stub.handshake().on(QUOTE, Answer.ok(""));

        malformed(() -> source().latest(List.of(Symbol.of("AAPL"))), "AAPL");
    }

    // ---------------------------------------------------------------- the handshake

    private void chartForFallback() {
        stub.on(CHART + "AAPL", Answer.ok(resource("chart-AAPL-2020-08-31_2020-11-07-1d-split-4for1-and-dividend.json")));
    }

    /** The crumb endpoint answers {@code crumb}: it is not taken for a crumb, no quote is asked, and the chart's latest price is used. */
    private void isNoCrumbAndTheChartIsAsked(String crumb) {
        stub.on("/", Answer.of(404, "")).on(CRUMB, Answer.of(200, crumb));
        chartForFallback();

        assertThat(source().latest(Symbol.of("AAPL")).price().amount()).isEqualByComparingTo("244.87");
        assertThat(stub.requests(QUOTE)).isEmpty();
    }

    @Test
    void anEmptyCrumbIsNoCrumbAndTheChartIsAsked() {
        isNoCrumbAndTheChartIsAsked("");
    }

    @Test
    void aCrumbWithSlashPlusEqualsAndPercentIsSentExactly() {
        String crumb = "ab/c+d=e&f%g?h#i";
        stub.on("/", Answer.of(404, "").withHeader("Set-Cookie", "A3=x; Path=/")).on(CRUMB, Answer.of(200, crumb));
        stub.on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}")));

        source().latest(Symbol.of("AAPL"));

        // the stub decodes the query as a form: a '+' sent raw would come back as a space
        assertThat(stub.requests(QUOTE).get(0).query()).containsEntry("crumb", crumb).containsEntry("symbols", "AAPL");
    }

    @Test
    void aJsonCrumbWithoutSpacesIsNoCrumbAndTheChartIsAsked() {
        isNoCrumbAndTheChartIsAsked("{\"a\":1}");
    }

    @Test
    void anEdgeTooManyRequestsCrumbIsARateLimitAndNothingElseIsAsked() {
        stub.on("/", Answer.of(404, "")).on(CRUMB, Answer.of(200, resource("transcribed/error-429-edge-too-many-requests.txt")));
        chartForFallback();

        assertThatThrownBy(() -> source().latest(Symbol.of("AAPL"))).isInstanceOfSatisfying(QuoteUnavailableException.class,
                e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("rate limiting").hasMessageContaining("Edge: Too Many Requests");
        assertThat(stub.requests(QUOTE)).isEmpty();
        assertThat(stub.requests(CHART + "AAPL")).isEmpty();
    }

    @Test
    void aCrumbWithMarkupOrJsonCharactersIsRefusedEachCharacterOnItsOwn() {
        // none has a space or a control character, so only the check of '<', '{', '>' and '"' refuses them
        assertThat(YahooHttp.validCrumb("haT3oykhHqZ")).isTrue();
        for (String bad : List.of("<html>", "{\"a\":1}", "\"haT3oykhHqZ\"", "a<b", "a{b", "a>b", "a\"b")) {
            assertThat(YahooHttp.validCrumb(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aBaseUriWithAQueryOrAFragmentIsRefusedRatherThanDropped() {
        assertThatThrownBy(() -> YahooQuoteSource.builder().baseUri(URI.create("http://127.0.0.1:8080/yahoo?key=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> YahooQuoteSource.builder().baseUri(URI.create("http://127.0.0.1:8080/yahoo#top")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
    }

    @Test
    void aRedirectLoopOnTheCookiePageIsCutShort() {
        stub.on("/", Answer.of(302, "").withHeader("Location", "/").withHeader("Set-Cookie", "A3=loop; Path=/"));
        stub.on(CRUMB, Answer.of(200, "abcdefghijk"));
        stub.on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}")));

        assertThat(source().latest(Symbol.of("AAPL")).price().amount()).isEqualByComparingTo("244.6");
        assertThat(stub.requests("/").size()).isBetween(2, 10);
        assertThat(stub.requests(QUOTE).get(0).header("Cookie")).contains("A3=loop");
    }

    @Test
    void aRedirectToSomethingThatIsNotAWebAddressEndsTheRedirectsNotTheHandshake() {
        for (String location : new String[] {"http://[bad", "ftp://127.0.0.1/x", "mailto:yahoo@example.com", "http:///no-host", "//", "\t"}) {
            try (YahooStub s = new YahooStub()) {
                s.on("/", Answer.of(302, "").withHeader("Location", location).withHeader("Set-Cookie", "A3=kept; Path=/"));
                s.on(CRUMB, Answer.of(200, "abcdefghijk"));
                s.on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}")));
                YahooQuoteSource source = YahooQuoteSource.builder().baseUri(s.uri()).sleeper(d -> { }).build();

                assertThat(source.latest(Symbol.of("AAPL")).price().amount()).as(location).isEqualByComparingTo("244.6");
                assertThat(s.requests(QUOTE).get(0).header("Cookie")).as(location).contains("A3=kept");
            }
        }
    }

    @Test
    void setCookieHeadersWithoutANameValuePairAreIgnored() {
        // "Secure; A3=hidden": the name-value pair is "Secure", which has no '=', so the whole header is ignored (RFC 6265 5.2)
        for (String cookie : new String[] {"justaflag", "Secure; A3=hidden", "=nameless; Path=/", ";", "; =", "A3"}) {
            try (YahooStub s = new YahooStub()) {
                s.on("/", Answer.of(404, "").withHeader("Set-Cookie", cookie));
                s.on(CRUMB, Answer.of(200, "abcdefghijk"));
                s.on(QUOTE, Answer.ok(quotes("{" + AAPL_QUOTE + ",\"regularMarketPrice\":244.6}")));
                YahooQuoteSource source = YahooQuoteSource.builder().baseUri(s.uri()).sleeper(d -> { }).build();

                assertThat(source.latest(Symbol.of("AAPL")).price().amount()).as(cookie).isEqualByComparingTo("244.6");
                assertThat(s.requests(CRUMB).get(0).header("Cookie")).as(cookie).isNull();
            }
        }
    }

    // ---------------------------------------------------------------- Retry-After

    @Test
    void aRetryAfterDateInThePastMeansAskAgainAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        stub.on(r -> r.path().equals(CHART + "X"), r -> calls.incrementAndGet() == 1
                ? Answer.of(429, "Too Many Requests").withHeader("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")
                : Answer.ok(twoDays("\"close\":[10.25,11.25]")));

        assertThat(source().history(X, FROM, TO).bars()).hasSize(2);
        assertThat(slept).containsExactly(Duration.ZERO);
    }

    @Test
    void aRetryAfterOfTheLargestLongFailsAtOnceSayingSo() {
        stub.on(CHART + "X", Answer.of(429, "Too Many Requests").withHeader("Retry-After", String.valueOf(Long.MAX_VALUE)));

        assertThatThrownBy(() -> source().history(X, FROM, TO)).isInstanceOfSatisfying(QuoteUnavailableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE))).hasMessageContaining("X");
        assertThat(stub.requests()).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void aRetryAfterThatIsGarbageFallsBackToTheOrdinaryBackoff() {
        for (String garbage : new String[] {"soon", "-5", "1.5", "99999999999999999999999", "Sun, 99 Nov 1994 08:49:37 GMT"}) {
            slept.clear();
            AtomicInteger calls = new AtomicInteger();
            try (YahooStub s = new YahooStub()) {
                s.on(r -> r.path().equals(CHART + "X"), r -> calls.incrementAndGet() == 1
                        ? Answer.of(429, "Too Many Requests").withHeader("Retry-After", garbage)
                        : Answer.ok(twoDays("\"close\":[10.25,11.25]")));
                YahooQuoteSource source = YahooQuoteSource.builder().baseUri(s.uri())
                        .clock(Clock.fixed(Instant.parse("2024-03-02T12:00:00Z"), ZoneOffset.UTC)).sleeper(slept::add).build();

                assertThat(source.history(X, FROM, TO).bars()).as(garbage).hasSize(2);
                assertThat(slept).as(garbage).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(750L, 1250L));
            }
        }
    }

    // ---------------------------------------------------------------- hangs

    @Test
    void aBodyThatTricklesForeverTimesOutInsteadOfHanging() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"chart\":".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(15_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            YahooQuoteSource source = YahooQuoteSource.builder().baseUri(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                    .requestTimeout(Duration.ofMillis(300)).maxAttempts(1).sleeper(slept::add).build();
            long start = System.nanoTime();

            assertThatThrownBy(() -> source.history(X, FROM, TO))
                    .isInstanceOfSatisfying(QuoteUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("X");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            t.interrupt();
        }
    }

    // ---------------------------------------------------------------- sanity of the fixtures used above

    @Test
    void theConstructedTwoDaysAreReadAsTheyStand() {
        PriceHistory h = history(twoDays("\"open\":[10.0,11.0],\"close\":[10.25,11.25],\"volume\":[100,200]"));

        assertThat(h.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(h.bars()).extracting(Bar::date).containsExactly(FROM, TO);
        assertThat(h.bars()).extracting(Bar::close).containsExactly(new BigDecimal("10.25"), new BigDecimal("11.25"));
        assertThat(Price.MAX_SCALE).isEqualTo(8);
    }
}
