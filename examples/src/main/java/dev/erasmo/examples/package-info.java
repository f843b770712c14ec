/**
 * The {@code erasmo} command-line app, "a nifty app to simulate trading stocks", built on erasmo's
 * public API only: picocli for the command line, Jackson for {@code show --json}, prices from Yahoo
 * Finance by default, and real daily prices bundled as CSV files for working offline.
 */
@NullMarked
package dev.erasmo.examples;

import org.jspecify.annotations.NullMarked;
