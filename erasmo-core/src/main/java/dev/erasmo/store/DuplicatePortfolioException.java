package dev.erasmo.store;


/**
 * A portfolio with the same id, or the same name for the same owner, already exists.
 *
 * <p>Safe to pass between threads.
 */
public final class DuplicatePortfolioException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public DuplicatePortfolioException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public DuplicatePortfolioException(String message, Throwable cause) {
        super(message, cause);
    }
}
