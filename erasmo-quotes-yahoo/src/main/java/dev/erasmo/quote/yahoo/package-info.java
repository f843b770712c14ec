/**
 * A {@link dev.erasmo.quote.QuoteSource} over Yahoo Finance's unofficial HTTP API:
 * {@link dev.erasmo.quote.yahoo.YahooQuoteSource}.
 */
@NullMarked
package dev.erasmo.quote.yahoo;

import org.jspecify.annotations.NullMarked;
