package dev.erasmo;

/**
 * The root of erasmo's exceptions. All are unchecked: {@code QuoteException} for market data,
 * {@code StoreException} for persistence, {@code RejectedException} for a command that breaks a
 * portfolio rule.
 *
 * <p>Exceptions are not shared mutable state; safe to pass between threads.
 */
public class ErasmoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that states the facts.
     *
     * @param message what happened, with the values involved
     */
    public ErasmoException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public ErasmoException(String message, Throwable cause) {
        super(message, cause);
    }
}
