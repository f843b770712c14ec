package dev.erasmo.portfolio;

import org.jspecify.annotations.Nullable;

/**
 * States of a portfolio's fold kept along its effective order: the state after the first
 * {@code j * EVERY} entries for every j from a first one on. A portfolio starts keeping them from
 * the first event folded into the middle of its ledger, since later ones are mostly close to it;
 * the line of portfolios after it shares and extends them ({@link AppendOnlyList}).
 *
 * <p>Immutable and thread-safe.
 */
final class Checkpoints {

    /** How many entries of the effective order lie between two kept states. */
    static final int EVERY = 256;

    private final int first;
    private final AppendOnlyList<PortfolioState> states;

    private Checkpoints(int first, AppendOnlyList<PortfolioState> states) {
        this.first = first;
        this.states = states;
    }

    /**
     * Checkpoints that begin with one state.
     *
     * @param j the state is the one after the first {@code j * EVERY} entries
     */
    static Checkpoints startingWith(int j, PortfolioState state) {
        return new Checkpoints(j, AppendOnlyList.<PortfolioState>empty().plus(state));
    }

    /** The state after the first {@code j * EVERY} entries, or null if it is not kept. */
    @Nullable PortfolioState at(int j) {
        return j >= first && j - first < states.size() ? states.get(j - first) : null;
    }

    /** These checkpoints up to the j-th, which is kept. */
    Checkpoints upTo(int j) {
        return new Checkpoints(first, states.prefix(j - first + 1));
    }

    /** The index of the last state kept. */
    int last() {
        return first + states.size() - 1;
    }

    /** These checkpoints and the state after the next {@code EVERY} entries. */
    Checkpoints plus(PortfolioState state) {
        return new Checkpoints(first, states.plus(state));
    }
}
