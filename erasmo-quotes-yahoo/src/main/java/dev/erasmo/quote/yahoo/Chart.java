package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.erasmo.quote.MalformedQuoteDataException;
import java.math.BigDecimal;
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
     * Reads a chart body whose error is null.
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
            throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has an unknown time zone '" + zoneName + "'", e);
        }
        JsonNode period = meta.path("currentTradingPeriod").path("regular");
        List<Row> rows = rows(r, what);
        JsonNode events = r.path("events");
        List<Dividend> dividends = new ArrayList<>();
        for (JsonNode d : values(events.path("dividends"))) {
            Long time = integer(d.get("date"));
            BigDecimal amount = Decimals.meta(d.get("amount"));
            if (time != null && amount != null && amount.signum() > 0) {
                dividends.add(new Dividend(time, amount, text(d, "currency")));
            }
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode s : values(events.path("splits"))) {
            Long time = integer(s.get("date"));
            int[] ratio = ratio(s);
            if (time != null && ratio != null) {
                splits.add(new Split(time, ratio[0], ratio[1]));
            }
        }
        return new Chart(symbol, text(meta, "currency"), zone, Decimals.meta(meta.get("regularMarketPrice")),
                integer(meta.get("regularMarketTime")), integer(period.get("start")), integer(period.get("end")), rows, dividends, splits);
    }

    private static List<Row> rows(JsonNode r, String what) {
        JsonNode timestamps = r.path("timestamp");
        if (!timestamps.isArray()) {
            return List.of(); // a window without trading: no timestamp key, quote [{}]
        }
        JsonNode quote = r.path("indicators").path("quote").path(0);
        JsonNode adj = r.path("indicators").path("adjclose").path(0).path("adjclose");
        List<Row> rows = new ArrayList<>(timestamps.size());
        for (int i = 0; i < timestamps.size(); i++) {
            Long t = integer(timestamps.get(i));
            if (t == null) {
                throw new MalformedQuoteDataException("Yahoo's chart for " + what + " has a timestamp that is not a number at index " + i);
            }
            // ragged arrays happen: a missing element is a missing value
            rows.add(new Row(t, Decimals.series(quote.path("open").path(i)), Decimals.series(quote.path("high").path(i)),
                    Decimals.series(quote.path("low").path(i)), Decimals.series(quote.path("close").path(i)),
                    Decimals.series(adj.path(i)), volume(quote.path("volume").path(i))));
        }
        rows.sort(java.util.Comparator.comparingLong(Row::time));
        return rows;
    }

    private static @Nullable Long volume(JsonNode n) {
        if (!n.isNumber() || n.asDouble() < 0 || Double.isNaN(n.asDouble())) {
            return null;
        }
        return Math.round(n.asDouble());
    }

    private static int @Nullable [] ratio(JsonNode s) {
        JsonNode num = s.get("numerator");
        JsonNode den = s.get("denominator");
        if (num != null && den != null && num.isNumber() && den.isNumber() && isWhole(num.asDouble()) && isWhole(den.asDouble())) {
            return positive((int) num.asDouble(), (int) den.asDouble());
        }
        String text = text(s, "splitRatio");
        if (text != null) {
            String[] parts = text.split("[:/]");
            if (parts.length == 2) {
                try {
                    return positive(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int @Nullable [] positive(int numerator, int denominator) {
        return numerator > 0 && denominator > 0 && numerator != denominator ? new int[] {numerator, denominator} : null;
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && d > 0 && d < Integer.MAX_VALUE;
    }

    private static Iterable<JsonNode> values(JsonNode map) {
        if (!map.isObject()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = map.elements(); it.hasNext();) {
            JsonNode v = it.next();
            if (v.isObject()) {
                out.add(v);
            }
        }
        return out;
    }

    static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    static @Nullable Long integer(@Nullable JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        double d = n.asDouble();
        return d == Math.rint(d) && !Double.isInfinite(d) ? n.asLong() : null;
    }
}
