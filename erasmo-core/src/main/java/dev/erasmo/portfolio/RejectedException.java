package dev.erasmo.portfolio;

import dev.erasmo.ErasmoException;

/**
 * Thrown when an event breaks a portfolio rule; the portfolio is left exactly as it was.
 *
 * <p>Safe to pass between threads.
 */
public final class RejectedException extends ErasmoException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    /**
     * Creates the exception.
     *
     * @param rejection the reason and message
     */
    public RejectedException(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    /**
     * The reason and message.
     *
     * @return the rejection
     */
    public Rejection rejection() {
        return rejection;
    }
}
