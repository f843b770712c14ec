/**
 * Valuation of a portfolio state against a price snapshot and FX rates: a pure function.
 *
 * <p>{@link dev.erasmo.valuation.Valuation} values one portfolio completely (every position, FX,
 * returns). To re-value many portfolios on every price tick (a game's leaderboard), compile each
 * portfolio once and lay out each tick's prices once:
 * <pre>{@code
 * SymbolIndex symbols = SymbolIndex.create();                       // one per universe of symbols
 * Holdings alice = Holdings.of(symbols, aliceState, usd);           // again after each of her trades
 * PriceVector tick = PriceVector.of(symbols, snapshot, usd);        // once per tick
 * HoldingsValue value = alice.valueAt(tick);                        // exact, allocation-free loop
 * Money equity = value.equity();                                    // check value.isComplete()
 * }</pre>
 * {@link dev.erasmo.valuation.HoldingsValue} says exactly what is computed and how it differs from
 * {@code Valuation}.
 */
@NullMarked
package dev.erasmo.valuation;

import org.jspecify.annotations.NullMarked;
