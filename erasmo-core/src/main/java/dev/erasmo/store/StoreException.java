package dev.erasmo.store;

import dev.erasmo.ErasmoException;

/**
 * A portfolio store failed: the database went away, a constraint was broken, data could not be read. Subclasses say why.
 *
 * <p>Safe to pass between threads.
 */
public class StoreException extends ErasmoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
