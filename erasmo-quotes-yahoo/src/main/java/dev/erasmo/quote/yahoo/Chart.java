package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.erasmo.quote.MalformedQuoteDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code /v8/finance/chart} result as Yahoo sent it, read defensively: every array element may
 * be null, arrays may be short, {@code timestamp} and {@code events} may be missing, and the
 * currency may be null. Nothing is adjusted here; prices are still in Yahoo's units (split-adjusted
 * to the time of the request, sub-units such as pence kept).
 *
 * @param symbol the symbol Yahoo echoes
 * @param currency Yahoo's currency code (e.g. {@code GBp}), or null when Yahoo reports none
 * @param zone the exchange's time zone
 * @param regularMarketPrice the latest price, or null
 * @param regularMarketTime the time of the latest price (epoch second), or null
 * @param regularStart the start of the current (or next) regular session (epoch second), or null
 * @param regularEnd the end of the current (or next) regular session (epoch second), or null
 * @param rows the bars in timestamp order, as sent
 * @param dividends the dividends, dated by their own {@code date}
 * @param splits the splits, dated by their own {@code date}
 */
record Chart(String symbol, @Nullable String currency, ZoneId zone, @Nullable BigDecimal regularMarketPrice, @Nullable Long regularMarketTime,
        @Nullable Long regularStart, @Nullable Long regularEnd, List<Row> rows, List<Dividend> dividends, List<Split> splits) {

    /** One element of the arrays; any value may be missing. */
    record Row(long time, @Nullable BigDecimal open, @Nullable BigDecimal high, @Nullable BigDecimal low, @Nullable BigDecimal close,
            @Nullable BigDecimal adjClose, @Nullable Long volume) {
    }

    /** A dividend per share in Yahoo's units, at an epoch second. */
    record Dividend(long time, BigDecimal amount, @Nullable String currency) {
    }

    /** A split of numerator new for denominator old, at an epoch second. */
    record Split(long time, int numerator, int denominator) {
    }

    /**
     * The exchange date of an epoch second. Daily bars are stamped at the session open or at local
     * midnight; Yahoo sometimes gets daylight saving wrong and stamps midnight bars at 23:00 or
     * 22:00 of the day before (yfinance's {@code fix_Yahoo_dst_issue}), so a stamp on the hour at
     * 22:00 or later counts for the next day.
     */
    LocalDate dateOf(long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(zone);
        if (t.getHour() >= 22 && t.getMinute() == 0 && t.getSecond() == 0) {
            return t.toLocalDate().plusDays(1);
        }
        return t.toLocalDate();
    }

    /**
     * Reads a chart body whose error is null. Missing values ({@code null}, no key) are missing;
     * values of the wrong kind (a string for a number, a map for an array, a time outside the
     * years 1 to 9999) and splits that cannot be read are malformed, because skipping them would
     * leave a wrong answer that looks right.
     *
     * @param root the whole body
     * @param what the request, for messages
     */
    static Chart read(JsonNode root, String what) {
        JsonNode result = root.path("chart").path("result");
        if (!result.isArray() || result.isEmpty() || !result.get(0).isObject()) {
            throw new MalformedQuoteDataException("Yahoo sent no chart result for " + what);
        }
        JsonNode r = result.get(0);
        JsonNode meta = r.path("meta");
        String symbol = text(meta, "symbol");
        String zoneName = text(meta, "exchangeTimezoneName");
        if (symbol == null || zoneName == null) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has no symbol or exchange time zone");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has an unknown time zone '" + YahooHttp.excerpt(zoneName, 40) + "'", e);
        }
        JsonNode period = meta.path("currentTradingPeriod").path("regular");
        List<Row> rows = rows(r, what);
        JsonNode events = r.path("events");
        if (!events.isMissingNode() && !events.isNull() && !events.isObject()) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has events that are not a map: " + YahooHttp.excerpt(events.toString(), 40));
        }
        List<Dividend> dividends = new ArrayList<>();
        for (JsonNode d : values(events, "dividends", what)) {
            Long time = time(d.get("date"), "a dividend's date in " + what);
            BigDecimal amount = Decimals.meta(d.get("amount"), "a dividend's amount in " + what);
            if (time != null && amount != null) {
                dividends.add(new Dividend(time, amount, text(d, "currency")));
            }
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode s : values(events, "splits", what)) {
            Long time = time(s.get("date"), "a split's date in " + what);
            if (time == null) {
                throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a split without a date: " + YahooHttp.excerpt(s.toString(), 80));
            }
            int[] ratio = ratio(s, what);
            if (ratio != null) {
                splits.add(new Split(time, ratio[0], ratio[1]));
            }
        }
        return new Chart(symbol, text(meta, "currency"), zone, Decimals.meta(meta.get("regularMarketPrice"), "the latest price in " + what),
                time(meta.get("regularMarketTime"), "the latest trade time in " + what), integer(period.get("start")), integer(period.get("end")), rows,
                dividends, splits);
    }

    private static List<Row> rows(JsonNode r, String what) {
        JsonNode timestamps = r.path("timestamp");
        if (timestamps.isMissingNode() || timestamps.isNull()) {
            return List.of(); // a window without trading: no timestamp key, quote [{}]
        }
        if (!timestamps.isArray()) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a timestamp that is not an array: "
                    + YahooHttp.excerpt(timestamps.toString(), 40));
        }
        if (timestamps.isEmpty()) {
            return List.of();
        }
        JsonNode quote = r.path("indicators").path("quote").path(0);
        JsonNode close = array(quote, "close", what);
        if (close.isMissingNode()) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has timestamps but no close prices");
        }
        JsonNode open = array(quote, "open", what);
        JsonNode high = array(quote, "high", what);
        JsonNode low = array(quote, "low", what);
        JsonNode volume = array(quote, "volume", what);
        JsonNode adj = array(r.path("indicators").path("adjclose").path(0), "adjclose", what);
        List<Row> rows = new ArrayList<>(timestamps.size());
        for (int i = 0; i < timestamps.size(); i++) {
            Long t = time(timestamps.get(i), "the timestamp at index " + i + " of " + what);
            if (t == null) {
                throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a timestamp that is not a number at index " + i);
            }
            // ragged arrays happen: a missing element is a missing value
            String at = " at index " + i + " of " + what;
            rows.add(new Row(t, Decimals.series(open.path(i), "the open" + at), Decimals.series(high.path(i), "the high" + at),
                    Decimals.series(low.path(i), "the low" + at), Decimals.series(close.path(i), "the close" + at),
                    Decimals.series(adj.path(i), "the adjusted close" + at), volume(volume.path(i), "the volume" + at)));
        }
        rows.sort(java.util.Comparator.comparingLong(Row::time));
        return rows;
    }

    /** An array of the indicators, or a missing node if Yahoo left it out; malformed if it is something else. */
    private static JsonNode array(JsonNode parent, String name, String what) {
        JsonNode a = parent.path(name);
        if (a.isMissingNode() || a.isNull()) {
            return MissingNode.getInstance();
        }
        if (!a.isArray()) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has " + name + " that is not an array: " + YahooHttp.excerpt(a.toString(), 40));
        }
        return a;
    }

    /** A volume: negative is missing, and so is one beyond a long (Yahoo would never send it); a fraction is rounded. */
    private static @Nullable Long volume(JsonNode n, String where) {
        Double d = Decimals.number(n, where);
        if (d == null || d < 0 || d >= 0x1p63) {
            return null;
        }
        return Math.round(d);
    }

    /**
     * The ratio of a split as whole numbers in lowest terms, from {@code numerator} and
     * {@code denominator} or else from {@code splitRatio} ({@code "4:1"}, {@code "3/2"},
     * {@code "1.05:1"}); null for a split that changes nothing (7:7).
     *
     * @throws MalformedQuoteDataException if neither gives two numbers above zero that fit an int
     */
    private static int @Nullable [] ratio(JsonNode s, String what) {
        BigDecimal num = small(s.get("numerator"));
        BigDecimal den = small(s.get("denominator"));
        if (num == null || den == null) {
            String text = text(s, "splitRatio");
            String[] parts = text == null ? new String[0] : text.strip().split("\\s*[:/]\\s*", -1);
            num = parts.length == 2 ? small(parts[0]) : null;
            den = parts.length == 2 ? small(parts[1]) : null;
        }
        if (num == null || den == null || num.signum() <= 0 || den.signum() <= 0) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a split it cannot read: " + YahooHttp.excerpt(s.toString(), 80));
        }
        int scale = Math.max(0, Math.max(num.scale(), den.scale()));
        BigInteger n = num.movePointRight(scale).toBigIntegerExact();
        BigInteger d = den.movePointRight(scale).toBigIntegerExact();
        BigInteger gcd = n.gcd(d);
        n = n.divide(gcd);
        d = d.divide(gcd);
        if (n.bitLength() > 31 || d.bitLength() > 31) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a split too large to hold: " + YahooHttp.excerpt(s.toString(), 80));
        }
        return n.equals(d) ? null : new int[] {n.intValueExact(), d.intValueExact()};
    }

    /** A number of at most ten digits before and ten after the point, or null. */
    private static @Nullable BigDecimal small(@Nullable JsonNode n) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            return null;
        }
        return small(n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : BigDecimal.valueOf(n.asDouble()));
    }

    private static @Nullable BigDecimal small(String text) {
        return text.matches("\\d{1,10}(\\.\\d{1,10})?") ? small(new BigDecimal(text)) : null;
    }

    private static @Nullable BigDecimal small(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.precision() - s.scale() <= 10 && s.scale() <= 10 ? s : null;
    }

    /** The entries of an event map ({@code events.dividends}, {@code events.splits}): none if absent, malformed if not a map of objects. */
    private static List<JsonNode> values(JsonNode events, String name, String what) {
        JsonNode map = events.path(name);
        if (map.isMissingNode() || map.isNull()) {
            return List.of();
        }
        if (!map.isObject()) {
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has " + name + " that are not a map: " + YahooHttp.excerpt(map.toString(), 40));
        }
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = map.elements(); it.hasNext();) {
            JsonNode v = it.next();
            if (v.isNull()) {
                continue;
            }
            if (!v.isObject()) {
                throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has an entry of " + name + " that is not an object: "
                        + YahooHttp.excerpt(v.toString(), 40));
            }
            out.add(v);
        }
        return out;
    }

    static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** A whole number that fits a long, or null (for values that only steer, such as the session's start and end). */
    static @Nullable Long integer(@Nullable JsonNode n) {
        return n != null && n.isNumber() && n.canConvertToExactIntegral() && n.canConvertToLong() ? n.asLong() : null;
    }

    /** The first second of the year 1 (UTC): no earlier time is read. */
    static final long EARLIEST = -62_135_596_800L;
    /** The last second of the year 9999 (UTC): no later time is read. */
    static final long LATEST = 253_402_300_799L;

    /**
     * A time in epoch seconds: null if absent or null.
     *
     * @param where the value in words, for the message
     * @throws MalformedQuoteDataException if it is not a whole number, or not in the years 1 to 9999
     */
    static @Nullable Long time(@Nullable JsonNode n, String where) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < EARLIEST || n.asLong() > LATEST) {
            throw new MalformedQuoteDataException("Yahoo Finance sent " + YahooHttp.excerpt(n.toString(), 40) + " as " + where
                    + ", which is not a time between the years 1 and 9999 in whole seconds");
        }
        return n.asLong();
    }
}
