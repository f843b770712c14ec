/**
 * Valuation of a portfolio state against a price snapshot and FX rates: a pure function.
 */
@NullMarked
package dev.erasmo.valuation;

import org.jspecify.annotations.NullMarked;
