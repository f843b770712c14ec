package dev.erasmo.store;

/**
 * The store could not be reached, or lost its connection during the call: the database is down,
 * restarting, refusing connections, or the connection was killed. Nothing was written by a call
 * that fails this way, since each write is one transaction; the one exception is a connection lost
 * while the database was committing, when the write may have been kept. A command sent again with
 * the same idempotency key is booked at most once either way. The store works again as soon as
 * the database answers: nothing needs restarting.
 *
 * <p>Safe to pass between threads.
 */
public final class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, with the values involved
     * @param cause the underlying failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
