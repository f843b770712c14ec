/**
 * The {@link dev.erasmo.store.PortfolioStore} SPI with a thread-safe in-memory implementation.
 */
@NullMarked
package dev.erasmo.store;

import org.jspecify.annotations.NullMarked;
