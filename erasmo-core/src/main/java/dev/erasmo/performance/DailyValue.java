package dev.erasmo.performance;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One day of an {@link EquityCurve}: the portfolio at the end of the day, valued at each symbol's
 * close of that day (or the last close before it, carried forward and named in {@link #carried}),
 * and what flowed in and out since the previous day of the curve. Amounts are in the portfolio's
 * base currency.
 *
 * <p>The day's time-weighted return takes external flows (deposits minus withdrawals) at the
 * start of the day: {@code r = equity / (previous equity + externalFlow) - 1}. Dividends and
 * fees are part of the return, not flows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date, in the configured zone of the entry point
 * @param cash cash at the end of the day, in base
 * @param marketValue the priced positions' market value, in base
 * @param equity cash plus market value
 * @param externalFlow deposits minus withdrawals since the previous day of the curve, through this one
 * @param income dividends received since the previous day of the curve, through this one
 * @param fees fees paid since the previous day of the curve, through this one (trade fees and fee events)
 * @param dailyReturn the day's time-weighted return, or null when it is not defined: nothing was
 *     invested (the previous equity plus the day's flow is not above zero), or something could not
 *     be valued this day or the day before (a price dropping out of the equity is not a loss)
 * @param carried the symbols held whose price is a close from before this day
 * @param missing what could not be valued ({@code "AAPL: no price"}); the day's figures leave it out
 */
public record DailyValue(LocalDate date, Money cash, Money marketValue, Money equity, Money externalFlow, Money income, Money fees,
        @Nullable Double dailyReturn, List<Symbol> carried, List<String> missing) {

    /**
     * Validates.
     *
     * @param date the date, in the configured zone of the entry point
     * @param cash cash at the end of the day, in base
     * @param marketValue the priced positions' market value, in base
     * @param equity cash plus market value
     * @param externalFlow deposits minus withdrawals since the previous day of the curve, through this one
     * @param income dividends received since the previous day of the curve, through this one
     * @param fees fees paid since the previous day of the curve, through this one
     * @param dailyReturn the day's time-weighted return, or null when it is not defined
     * @param carried the symbols held whose price is a close from before this day
     * @param missing what could not be valued
     */
    public DailyValue {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(marketValue, "marketValue");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(externalFlow, "externalFlow");
        Objects.requireNonNull(income, "income");
        Objects.requireNonNull(fees, "fees");
        if (dailyReturn != null && (dailyReturn.isNaN() || dailyReturn.isInfinite())) {
            throw new IllegalArgumentException("daily return on " + date + " must be a number, not " + dailyReturn);
        }
        carried = List.copyOf(carried);
        missing = List.copyOf(missing);
    }

    /**
     * Whether every position and currency was valued this day.
     *
     * @return true if nothing is missing
     */
    public boolean complete() {
        return missing.isEmpty();
    }
}
