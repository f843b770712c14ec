package dev.erasmo.ledger;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.util.Objects;

/** Field checks shared by the event records. */
final class Checks {

    private Checks() {
    }

    /**
     * Checks an identifier: 1 to {@code maxLength} characters, no whitespace or control character.
     *
     * @param what what it is, for the message, e.g. "event id"
     */
    static void token(String what, String value, int maxLength) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must have 1 to " + maxLength + " characters, not " + value.length());
        }
        if (dev.erasmo.internal.Unicode.hasLoneSurrogate(value)) {
            throw new IllegalArgumentException(what + " must not contain a lone surrogate (half of a character)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // printable ASCII (every id erasmo makes, a UUID) is decided by one comparison
            if ((c <= ' ' || c >= 0x7f) && (Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException(what + " must not contain whitespace or control characters");
            }
        }
    }

    static void common(EventId id, Object at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
    }

    static void positive(String what, Money amount) {
        Objects.requireNonNull(amount, what);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(what + " " + amount + " must be above zero");
        }
    }

    static void trade(String side, Instrument instrument, Quantity quantity, Price price, Money fee) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException(side + " quantity " + quantity + " must be above zero");
        }
        inCurrency(instrument, "price", price.currency());
        inCurrency(instrument, "fee", fee.currency());
        if (fee.isNegative()) {
            throw new IllegalArgumentException(side + " fee " + fee + " must not be negative");
        }
    }

    static void inCurrency(Instrument instrument, String what, java.util.Currency currency) {
        if (!instrument.currency().equals(currency)) {
            throw new IllegalArgumentException(what + " in " + currency.getCurrencyCode() + " but " + instrument.symbol()
                    + " trades in " + instrument.currency().getCurrencyCode());
        }
    }
}
