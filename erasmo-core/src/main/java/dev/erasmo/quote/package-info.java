/**
 * The {@link dev.erasmo.quote.QuoteSource} SPI with in-memory and CSV implementations.
 */
@NullMarked
package dev.erasmo.quote;

import org.jspecify.annotations.NullMarked;
