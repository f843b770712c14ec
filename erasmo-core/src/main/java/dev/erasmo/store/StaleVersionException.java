package dev.erasmo.store;


/**
 * An append expected a version of the portfolio that is no longer current: another writer got there first. Nothing was written; reload and try again.
 *
 * <p>Safe to pass between threads.
 */
public final class StaleVersionException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public StaleVersionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public StaleVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
