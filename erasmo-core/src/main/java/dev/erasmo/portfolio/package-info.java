/**
 * Portfolio state as a pure fold of the ledger: cash, positions, lots, realized P&amp;L, and the rules that reject invalid events.
 */
@NullMarked
package dev.erasmo.portfolio;

import org.jspecify.annotations.NullMarked;
