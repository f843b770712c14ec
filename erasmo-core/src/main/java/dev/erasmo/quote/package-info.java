/**
 * The {@link dev.erasmo.quote.QuoteSource} SPI with in-memory and CSV implementations, and
 * {@link dev.erasmo.quote.CachingQuoteSource} to share one source's answers among many requests.
 */
@NullMarked
package dev.erasmo.quote;

import org.jspecify.annotations.NullMarked;
