package dev.erasmo.quote;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import dev.erasmo.valuation.MarketPrice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A price of a symbol from a quote source: the last price, the exchange date it is from, and for a
 * live quote the time it was taken, the bid and the ask, and the session.
 *
 * <p>Simulated fills use {@link #buyPrice()} and {@link #sellPrice()}: the ask (for a buy) or the
 * bid (for a sell) while the regular session is open and that side is known, else the last price
 * (a closed market's bid and ask are stale and often far apart).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param price the last price, in the instrument's trading currency
 * @param date the exchange date of the price (for a close, the bar's own date)
 * @param time when the price was taken, or null if the source does not say (a daily close)
 * @param bid the best bid, or null if unknown; in the price's currency, at most the ask
 * @param ask the best ask, or null if unknown; in the price's currency, at least the bid
 * @param marketState the session the price was taken in
 */
public record Quote(Symbol symbol, Price price, LocalDate date, @Nullable Instant time, @Nullable Price bid, @Nullable Price ask,
        MarketState marketState) {

    /**
     * Validates: bid and ask in the price's currency, the bid not above the ask.
     *
     * @param symbol the symbol
     * @param price the last price, in the instrument's trading currency
     * @param date the exchange date of the price (for a close, the bar's own date)
     * @param time when the price was taken, or null if the source does not say (a daily close)
     * @param bid the best bid, or null if unknown; in the price's currency, at most the ask
     * @param ask the best ask, or null if unknown; in the price's currency, at least the bid
     * @param marketState the session the price was taken in
     */
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(marketState, "marketState");
        for (Price side : new Price[] {bid, ask}) {
            if (side != null && !side.currency().equals(price.currency())) {
                throw new IllegalArgumentException(symbol + " bid/ask " + side + " is not in the price's currency " + price.currency());
            }
        }
        if (bid != null && ask != null && bid.amount().compareTo(ask.amount()) > 0) {
            throw new IllegalArgumentException(symbol + " bid " + bid + " is above ask " + ask);
        }
    }

    /**
     * A close: the last price of a finished session, with no time, bid or ask.
     *
     * @param symbol the symbol
     * @param price the close, in the instrument's trading currency
     * @param date the exchange date of the close
     */
    public Quote(Symbol symbol, Price price, LocalDate date) {
        this(symbol, price, date, null, null, null, MarketState.CLOSED);
    }

    /**
     * The price a simulated buy fills at: the ask during the regular session, else the last price.
     *
     * @return the fill price
     */
    public Price buyPrice() {
        return marketState == MarketState.REGULAR && ask != null ? ask : price;
    }

    /**
     * The price a simulated sell fills at: the bid during the regular session, else the last price.
     *
     * @return the fill price
     */
    public Price sellPrice() {
        return marketState == MarketState.REGULAR && bid != null ? bid : price;
    }

    /**
     * The instrument this quote prices: the symbol in the price's currency.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return new Instrument(symbol, price.currency());
    }

    /**
     * This quote as a market price for valuation.
     *
     * @return price and date
     */
    public MarketPrice toMarketPrice() {
        return new MarketPrice(price, date);
    }
}
