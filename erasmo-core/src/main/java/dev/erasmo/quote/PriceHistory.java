package dev.erasmo.quote;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.internal.BarList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Daily history of one symbol over a date range: bars as traded, and the dividends and splits in
 * the range. A session still trading (or not yet final) is not a bar: a source may report it as
 * {@link #live()}, never as a close.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param currency the trading currency of the prices
 * @param bars one bar per trading day, by date, no duplicates
 * @param dividends cash dividends by ex-date
 * @param splits splits by date
 * @param live the session in progress (open, high, low and last price so far), or null; its date
 *     is after every bar's
 */
public record PriceHistory(Symbol symbol, Currency currency, List<Bar> bars, List<DividendEvent> dividends,
        List<SplitEvent> splits, @Nullable Bar live) {

    /**
     * Validates and sorts; rejects two bars on one date.
     *
     * @param symbol the symbol
     * @param currency the trading currency of the prices
     * @param bars one bar per trading day, by date, no duplicates
     * @param dividends cash dividends by ex-date
     * @param splits splits by date
     * @param live the session in progress (open, high, low and last price so far), or null; its
     *     date is after every bar's
     */
    public PriceHistory {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        // bars almost always come in date order (a sublist of another history's): copy once, sort only if not
        List<Bar> b = BarList.copyOf(bars);
        if (!strictlyAscending(b)) {
            List<Bar> sorted = new ArrayList<>(b);
            sorted.sort(Comparator.comparing(Bar::date));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                    throw new IllegalArgumentException(symbol + " has two bars on " + sorted.get(i).date());
                }
            }
            b = BarList.copyOf(sorted);
        }
        bars = b;
        List<DividendEvent> d = new ArrayList<>(dividends);
        d.sort(Comparator.comparing(DividendEvent::exDate));
        dividends = List.copyOf(d);
        List<SplitEvent> s = new ArrayList<>(splits);
        s.sort(Comparator.comparing(SplitEvent::date));
        splits = List.copyOf(s);
        if (live != null && !b.isEmpty() && !live.date().isAfter(b.get(b.size() - 1).date())) {
            throw new IllegalArgumentException(symbol + " live session on " + live.date() + " is not after the last bar on "
                    + b.get(b.size() - 1).date());
        }
    }

    private static boolean strictlyAscending(List<Bar> bars) {
        for (int i = 1; i < bars.size(); i++) {
            if (bars.get(i).date().compareTo(bars.get(i - 1).date()) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A history of finished sessions only, with nothing live.
     *
     * @param symbol the symbol
     * @param currency the trading currency of the prices
     * @param bars one bar per trading day, by date, no duplicates
     * @param dividends cash dividends by ex-date
     * @param splits splits by date
     */
    public PriceHistory(Symbol symbol, Currency currency, List<Bar> bars, List<DividendEvent> dividends, List<SplitEvent> splits) {
        this(symbol, currency, bars, dividends, splits, null);
    }

    /**
     * The last bar on or before a date.
     *
     * @param date the date
     * @return the bar, with its own date, or empty if there is none
     */
    public Optional<Bar> asOf(LocalDate date) {
        int after = firstAfter(date, true);
        return after == 0 ? Optional.empty() : Optional.of(bars.get(after - 1));
    }

    /**
     * The close a trade on a date is priced at: the last bar on or before the date, if it is at
     * most {@code lookbackDays} older than the date and no split of this history falls after the
     * bar and on or before the date (that close would be in pre-split units).
     *
     * @param date the date
     * @param lookbackDays how many days before the date the close may be
     * @return the close, with the bar's own date
     * @throws QuoteNotFoundException if there is no such close
     */
    public Quote closeAsOf(LocalDate date, int lookbackDays) {
        int after = firstAfter(date, true);
        Bar bar = after == 0 ? null : bars.get(after - 1);
        if (bar == null || bar.date().plusDays(lookbackDays).isBefore(date)) {
            throw new QuoteNotFoundException("no close for " + symbol + " on or before " + date + " (looked back " + lookbackDays + " days)");
        }
        for (SplitEvent s : splits) {
            if (s.date().isAfter(bar.date()) && !s.date().isAfter(date)) {
                throw new QuoteNotFoundException("no close for " + symbol + " between its split on " + s.date() + " and " + date
                        + " (the close of " + bar.date() + " is in pre-split units)");
            }
        }
        return new Quote(symbol, new dev.erasmo.money.Price(currency, bar.close()), bar.date());
    }

    /**
     * The part of this history between two dates, both included.
     *
     * @param from the first date
     * @param to the last date
     * @return the bars and events in the range, and the live session if it is in the range; this
     *     history itself when all of it is in the range
     */
    public PriceHistory between(LocalDate from, LocalDate to) {
        // bars are sorted by date: cut by binary search, not by scanning years of bars
        int first = firstAfter(from, false);
        int end = Math.max(first, firstAfter(to, true));
        List<DividendEvent> d = dividends.stream().filter(x -> within(x.exDate(), from, to)).toList();
        List<SplitEvent> sp = splits.stream().filter(x -> within(x.date(), from, to)).toList();
        Bar l = live != null && within(live.date(), from, to) ? live : null;
        if (first == 0 && end == bars.size() && d.size() == dividends.size() && sp.size() == splits.size() && l == live) {
            // nothing to cut: no copy of years of bars, and no check of their order again
            return this;
        }
        return new PriceHistory(symbol, currency, bars.subList(first, end), d, sp, l);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The index of the first bar after a date, or on or after it unless {@code strictly} ({@code bars.size()} if none). */
    private int firstAfter(LocalDate date, boolean strictly) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            LocalDate d = bars.get(mid).date();
            if (d.isBefore(date) || strictly && d.equals(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
