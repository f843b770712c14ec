/**
 * How a portfolio did: its daily {@link dev.erasmo.performance.EquityCurve} (made by
 * {@code Erasmo.history}) with its time-weighted, money-weighted and Modified Dietz returns, the
 * P&amp;L {@link dev.erasmo.performance.Reconciliation} of a period (with the {@link
 * dev.erasmo.performance.CurrencyReconciliation} of each currency held) and the {@link
 * dev.erasmo.performance.PositionReconciliation} of one position, and returns and risk: pure functions over a series of periodic simple returns, and
 * money-weighted returns of dated cash flows.
 *
 * <ul>
 *   <li>{@link dev.erasmo.performance.ReturnSeries}: dated simple returns, from returns or prices.
 *   <li>{@link dev.erasmo.performance.Metrics}: cumulative and annualized return, volatility,
 *       Sharpe, Sortino, drawdown, Calmar, value at risk, beta and alpha, following R's
 *       PerformanceAnalytics 2.1.0 unless a method says otherwise.
 *   <li>{@link dev.erasmo.performance.Drawdown}: one episode below a running peak, as
 *       PerformanceAnalytics' {@code table.Drawdowns} reports it.
 *   <li>{@link dev.erasmo.performance.TimeWeightedReturn}: the daily return of an equity curve with
 *       external flows, and linking returns.
 *   <li>{@link dev.erasmo.performance.Xirr} and {@link dev.erasmo.performance.ModifiedDietz}:
 *       money-weighted returns of dated {@link dev.erasmo.performance.CashFlow}s.
 * </ul>
 *
 * <p>Returns, volatilities and ratios are {@code double}; money coming in ({@link
 * dev.erasmo.performance.CashFlow}, equity) stays {@link java.math.BigDecimal}. A figure that is
 * not defined for the input (too few observations, zero volatility, no benchmark) is absent
 * ({@link java.util.OptionalDouble#empty()}), never {@code NaN} or infinite. Every type is
 * immutable and thread-safe; nothing here does I/O.
 */
@NullMarked
package dev.erasmo.performance;

import org.jspecify.annotations.NullMarked;
