package dev.erasmo.store;


/**
 * No portfolio with the given id or name exists in the store.
 *
 * <p>Safe to pass between threads.
 */
public final class PortfolioNotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public PortfolioNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public PortfolioNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
