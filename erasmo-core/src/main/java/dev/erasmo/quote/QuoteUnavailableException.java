package dev.erasmo.quote;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A quote source could not be reached or refused to answer: rate limited, a server error, a time
 * out, a network failure, refused credentials. Unlike {@link QuoteNotFoundException} the data may
 * well exist; {@link #isRetryable()} says whether asking again later can help.
 *
 * <p>Safe to pass between threads.
 */
public final class QuoteUnavailableException extends QuoteException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     * @param retryable whether asking again later can help
     * @param retryAfter how long the source asked callers to wait, or null if it did not say
     * @param cause the underlying failure, or null
     */
    public QuoteUnavailableException(String message, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * Whether asking again later can help: true for rate limits, server errors, time-outs and
     * network failures; false when the source refused the request itself (credentials, a bad
     * request).
     *
     * @return whether to retry later
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How long the source asked callers to wait before asking again ({@code Retry-After}).
     *
     * @return the wait, or empty if the source did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
