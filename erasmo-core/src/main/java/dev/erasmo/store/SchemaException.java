package dev.erasmo.store;


/**
 * The store's schema is missing, newer than this version of erasmo understands, or could not be created.
 *
 * <p>Safe to pass between threads.
 */
public final class SchemaException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values involved
     */
    public SchemaException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
