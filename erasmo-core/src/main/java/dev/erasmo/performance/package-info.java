/**
 * How a portfolio did: its daily {@link dev.erasmo.performance.EquityCurve}, the P&amp;L
 * {@link dev.erasmo.performance.Reconciliation} of a period, and returns and risk.
 */
@NullMarked
package dev.erasmo.performance;

import org.jspecify.annotations.NullMarked;
