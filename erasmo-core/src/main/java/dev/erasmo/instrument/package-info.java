/**
 * What is traded: normalized {@link dev.erasmo.instrument.Symbol}s and {@link dev.erasmo.instrument.Instrument}s with their trading currency.
 */
@NullMarked
package dev.erasmo.instrument;

import org.jspecify.annotations.NullMarked;
