package dev.erasmo.quote;

import dev.erasmo.ErasmoException;

/**
 * A quote source could not answer. Subclasses say why.
 *
 * <p>Safe to pass between threads.
 */
public class QuoteException extends ErasmoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public QuoteException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public QuoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
