package dev.erasmo.quote.yahoo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Yahoo's numbers as exact decimals. The OHLC and adjusted-close arrays hold float32 values
 * printed as doubles ({@code 75.0875015258789} is the float {@code 75.0875}): a value that is
 * exactly a float is read back as the shortest decimal that names that float. Values that are not
 * floats (the {@code meta} and quote fields are real doubles) are read as the shortest decimal
 * that names the double.
 */
final class Decimals {

    private Decimals() {
    }

    /** An element of a price array: null, non-numbers, NaN, infinities and values at or below zero are missing. */
    static @Nullable BigDecimal series(@Nullable JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        return positive(ofFloat32(n.asDouble()));
    }

    /** A meta or quote field (a real double): null, non-numbers, NaN, infinities and values at or below zero are missing. */
    static @Nullable BigDecimal meta(@Nullable JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        double d = n.asDouble();
        return Double.isFinite(d) ? positive(BigDecimal.valueOf(d)) : null;
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
