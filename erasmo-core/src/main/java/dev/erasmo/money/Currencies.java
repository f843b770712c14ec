package dev.erasmo.money;

import java.util.Currency;
import java.util.Locale;

/**
 * ISO 4217 currencies as erasmo books them: a currency must be known to {@link Currency} and have
 * a minor unit (USD 2, JPY 0, BHD 3). Codes without one (gold {@code XAU}, {@code XXX}) are
 * rejected, because cash in them cannot be rounded where it is booked.
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class Currencies {

    private Currencies() {
    }

    /**
     * Looks up a currency by its ISO 4217 code.
     *
     * @param code three letters, e.g. {@code "USD"}; upper case
     * @return the currency
     * @throws IllegalArgumentException if the code is not a known ISO 4217 currency with a minor
     *     unit
     */
    public static Currency of(String code) {
        if (code == null || !isCode(code)) {
            throw new IllegalArgumentException("unknown currency '" + code + "': expected an ISO 4217 code of three upper-case letters, e.g. USD");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency '" + code + "': not an ISO 4217 code", e);
        }
        return requireMinorUnits(currency);
    }

    /** Three upper-case ASCII letters (checked by hand: a regular expression compiled per call cost most of a ledger's load). */
    private static boolean isCode(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the number of decimal places of the currency's minor unit.
     *
     * @param currency the currency
     * @return 2 for USD, 0 for JPY, 3 for BHD
     * @throws IllegalArgumentException if the currency has no minor unit
     */
    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit and cannot hold cash");
        }
        return digits;
    }

    static Currency requireMinorUnits(Currency currency) {
        minorUnits(currency);
        return currency;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
