package dev.erasmo;

import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.RejectedException;
import dev.erasmo.portfolio.Rejection;
import java.util.Objects;

/**
 * What a command did: {@link Booked} with the new ledger entry, or {@link Rejected} with the rule
 * it broke. A rejected command changed nothing. An application can show "not enough cash" without
 * catching exceptions, or call {@link #orElseThrow()}.
 *
 * <p>Both cases are immutable records and thread-safe.
 */
public sealed interface CommandResult permits CommandResult.Booked, CommandResult.Rejected {

    /**
     * Tells whether the command was booked.
     *
     * @return true for {@link Booked}
     */
    boolean isBooked();

    /**
     * The booked entry, or the rejection as an exception.
     *
     * @return the entry
     * @throws RejectedException if the command was rejected
     */
    LedgerEntry orElseThrow();

    /**
     * The command was booked, now or, for a command retried with the same idempotency key, the
     * first time.
     *
     * @param entry the ledger entry
     * @param portfolio the portfolio with the entry, as stored (when replayed: as stored now, so it
     *     may hold later entries too)
     * @param replayed true when the command carried an idempotency key that had booked this entry
     *     before, so nothing new was booked
     */
    record Booked(LedgerEntry entry, Portfolio portfolio, boolean replayed) implements CommandResult {

        /**
         * Validates.
         *
         * @param entry the ledger entry
         * @param portfolio the portfolio with the entry, as stored
         * @param replayed true when nothing new was booked because the entry's key had booked it before
         */
        public Booked {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(portfolio, "portfolio");
        }

        /**
         * A command booked now.
         *
         * @param entry the new ledger entry
         * @param portfolio the portfolio with the entry, as stored
         */
        public Booked(LedgerEntry entry, Portfolio portfolio) {
            this(entry, portfolio, false);
        }

        @Override
        public boolean isBooked() {
            return true;
        }

        @Override
        public LedgerEntry orElseThrow() {
            return entry;
        }
    }

    /**
     * The command broke a rule and changed nothing.
     *
     * @param rejection the reason and message
     */
    record Rejected(Rejection rejection) implements CommandResult {

        /**
         * Validates.
         *
         * @param rejection the reason and message
         */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public boolean isBooked() {
            return false;
        }

        @Override
        public LedgerEntry orElseThrow() {
            throw new RejectedException(rejection);
        }
    }
}
