package dev.erasmo.quote;


/**
 * The source has no data for a symbol (unknown or delisted), or no price on or before a date. Not worth retrying.
 *
 * <p>Safe to pass between threads.
 */
public final class QuoteNotFoundException extends QuoteException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public QuoteNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public QuoteNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
