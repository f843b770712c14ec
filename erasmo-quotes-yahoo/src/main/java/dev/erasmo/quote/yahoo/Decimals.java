package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.erasmo.quote.MalformedQuoteDataException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Yahoo's numbers as exact decimals. The OHLC and adjusted-close arrays hold float32 values
 * printed as doubles ({@code 75.0875015258789} is the float {@code 75.0875}): a value that is
 * exactly a float is read back as the shortest decimal that names that float. Values that are not
 * floats (the {@code meta} and quote fields are real doubles) are read as the shortest decimal
 * that names the double.
 *
 * <p>{@code null} (or no value at all) is missing, and so is a number at or below zero (Yahoo
 * sends 0 for a price it does not have). Anything else that is not a finite number (a string, an
 * object, a number too large for a double) is not a quirk but a change in Yahoo's format: it is
 * {@link MalformedQuoteDataException malformed}, never silently missing.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * An element of a price array: null and values at or below zero are missing.
     *
     * @param where the value in words, for the message (e.g. "the close at index 3 of history of AAPL ...")
     * @throws MalformedQuoteDataException if it is not a finite number
     */
    static @Nullable BigDecimal series(@Nullable JsonNode n, String where) {
        Double d = number(n, where);
        return d == null ? null : positive(ofFloat32(d));
    }

    /**
     * A meta or quote field (a real double): null and values at or below zero are missing.
     *
     * @param where the value in words, for the message
     * @throws MalformedQuoteDataException if it is not a finite number
     */
    static @Nullable BigDecimal meta(@Nullable JsonNode n, String where) {
        Double d = number(n, where);
        return d == null ? null : positive(BigDecimal.valueOf(d));
    }

    /** A finite number, null if absent or null; malformed if anything else. */
    static @Nullable Double number(@Nullable JsonNode n, String where) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new MalformedQuoteDataException("Yahoo Finance sent " + YahooHttp.excerpt(n.toString(), 40) + " as " + where
                    + ", which is not a finite number");
        }
        return n.asDouble();
    }

    /** The shortest decimal naming a value that Yahoo computed in float32, or the double itself if it is not a float. */
    static @Nullable BigDecimal ofFloat32(double d) {
        if (!Double.isFinite(d)) {
            return null;
        }
        float f = (float) d;
        return (double) f == d ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
    }

    private static @Nullable BigDecimal positive(@Nullable BigDecimal d) {
        return d == null || d.signum() <= 0 ? null : d;
    }
}
