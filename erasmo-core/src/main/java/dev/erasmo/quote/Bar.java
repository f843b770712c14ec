package dev.erasmo.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One trading day of a symbol: open, high, low and close as traded that day (not adjusted for
 * later splits or dividends), the adjusted close when the source has one, and the volume.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the exchange date
 * @param open the opening price
 * @param high the day's high
 * @param low the day's low
 * @param close the closing price, above zero
 * @param adjClose the close adjusted for splits and dividends, or null if the source has none
 * @param volume units traded, zero or more
 */
public record Bar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        @Nullable BigDecimal adjClose, long volume) {

    /** Validates: prices present, close above zero, volume not negative. */
    public Bar {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (close.signum() <= 0) {
            throw new IllegalArgumentException("close " + close.toPlainString() + " on " + date + " must be above zero");
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume " + volume + " on " + date + " must not be negative");
        }
    }
}
