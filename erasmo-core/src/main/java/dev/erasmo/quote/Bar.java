package dev.erasmo.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One trading day of a symbol: open, high, low and close as traded that day (not adjusted for
 * later splits or dividends), the adjusted close when the source has one, and the volume. Only
 * the date and close are required: some real series (index levels, older data sets) have only a
 * close.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the exchange date
 * @param open the opening price, or null if the source has none
 * @param high the day's high, or null if the source has none
 * @param low the day's low, or null if the source has none
 * @param close the closing price, above zero
 * @param adjClose the close adjusted for splits and dividends, or null if the source has none
 * @param volume units traded, zero or more, or null if the source has none
 */
public record Bar(LocalDate date, @Nullable BigDecimal open, @Nullable BigDecimal high, @Nullable BigDecimal low, BigDecimal close,
        @Nullable BigDecimal adjClose, @Nullable Long volume) {

    /**
     * Validates: close above zero, volume not negative.
     *
     * @param date the exchange date
     * @param open the opening price, or null if the source has none
     * @param high the day's high, or null if the source has none
     * @param low the day's low, or null if the source has none
     * @param close the closing price, above zero
     * @param adjClose the close adjusted for splits and dividends, or null if the source has none
     * @param volume units traded, zero or more, or null if the source has none
     */
    public Bar {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(close, "close");
        if (close.signum() <= 0) {
            throw new IllegalArgumentException("close " + close.toPlainString() + " on " + date + " must be above zero");
        }
        if (volume != null && volume < 0) {
            throw new IllegalArgumentException("volume " + volume + " on " + date + " must not be negative");
        }
    }
}
