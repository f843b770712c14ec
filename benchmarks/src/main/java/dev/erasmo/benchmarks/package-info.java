/**
 * JMH benchmarks of erasmo, each with the code a typical user would write measured beside it in
 * the same run: valuation, the daily equity curve, metrics, the quote cache and the JDBC store.
 * A runnable jar, not a library (see {@code benchmarks/README.md}).
 */
@NullMarked
package dev.erasmo.benchmarks;

import org.jspecify.annotations.NullMarked;
