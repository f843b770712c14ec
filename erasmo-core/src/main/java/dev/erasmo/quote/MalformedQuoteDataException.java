package dev.erasmo.quote;


/**
 * The source's data could not be read: a malformed file row or response. The message names where (file and line).
 *
 * <p>Safe to pass between threads.
 */
public final class MalformedQuoteDataException extends QuoteException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public MalformedQuoteDataException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public MalformedQuoteDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
