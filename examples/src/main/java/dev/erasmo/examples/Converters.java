package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed arguments of the app, read strictly: no NaN, no exponents, no grouping, so a typo is a
 * usage error and never a surprising number.
 */
final class Converters {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RATIO = Pattern.compile("(\\d{1,9})[:/](\\d{1,9})");

    private Converters() {
    }

    /** The value made, or a usage error with the reason it could not be. */
    private static <T> T made(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A decimal number, or a usage error naming the text. */
    static BigDecimal decimal(String text) {
        if (!DECIMAL.matcher(text.strip()).matches()) {
            throw new TypeConversionException("'" + text + "' is not a decimal number");
        }
        return new BigDecimal(text.strip());
    }

    /** {@code YYYY-MM-DD} (that date at 00:00 in {@link ErasmoApp#ZONE}) or an ISO instant. */
    static final class At implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            Instant at;
            try {
                at = DATE.matcher(text).matches() ? Text.startOf(LocalDate.parse(text)) : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is neither a date like 2013-01-02 nor an instant like 2013-01-02T21:00:00Z");
            }
            if (at.isBefore(Erasmo.EARLIEST_EVENT_TIME)) {
                throw new TypeConversionException("'" + text + "' is before " + Text.time(Erasmo.EARLIEST_EVENT_TIME) + ", the earliest date erasmo takes");
            }
            return at;
        }
    }

    /** A decimal above zero: an amount of cash, a price, a dividend per share. */
    static final class Positive implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String text) {
            BigDecimal d = decimal(text);
            if (d.signum() <= 0) {
                throw new TypeConversionException(d.toPlainString() + " is not above zero");
            }
            return d;
        }
    }

    /** A decimal of zero or more: a fee. */
    static final class NotNegative implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String text) {
            BigDecimal d = decimal(text);
            if (d.signum() < 0) {
                throw new TypeConversionException(d.toPlainString() + " is negative");
            }
            return d;
        }
    }

    /** A quantity above zero, with at most {@value Quantity#MAX_SCALE} decimals. */
    static final class Units implements ITypeConverter<Quantity> {
        @Override
        public Quantity convert(String text) {
            Quantity q;
            try {
                q = Quantity.of(decimal(text));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (!q.isPositive()) {
                throw new TypeConversionException("quantity " + q + " is not above zero");
            }
            return q;
        }
    }

    /** A ticker symbol, normalized to upper case. */
    /** An owner's name, as {@link Owner#of} takes it. */
    static final class OwnerConverter implements ITypeConverter<Owner> {
        @Override
        public Owner convert(String text) {
            return made(() -> Owner.of(text.strip()));
        }
    }

    /** An idempotency key: up to 64 characters, no spaces. */
    static final class KeyConverter implements ITypeConverter<IdempotencyKey> {
        @Override
        public IdempotencyKey convert(String text) {
            return made(() -> IdempotencyKey.of(text));
        }
    }

    static final class SymbolConverter implements ITypeConverter<Symbol> {
        @Override
        public Symbol convert(String text) {
            return made(() -> Symbol.of(text));
        }
    }

    /** An ISO 4217 currency code, in any case. */
    static final class CurrencyCode implements ITypeConverter<Currency> {
        @Override
        public Currency convert(String text) {
            try {
                return Currencies.of(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A split ratio {@code N:M} (or {@code N/M}): N new units for M old ones. */
    record Ratio(int numerator, int denominator) {

        @Override
        public String toString() {
            return numerator + ":" + denominator;
        }
    }

    /** Reads a {@link Ratio}. */
    static final class RatioConverter implements ITypeConverter<Ratio> {
        @Override
        public Ratio convert(String text) {
            Matcher m = RATIO.matcher(text.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + text + "' is not a ratio like 4:1");
            }
            int n = Integer.parseInt(m.group(1));
            int d = Integer.parseInt(m.group(2));
            if (n == 0 || d == 0 || n == d) {
                throw new TypeConversionException("split " + n + ":" + d + " must have two different parts above zero");
            }
            return new Ratio(n, d);
        }
    }
}
