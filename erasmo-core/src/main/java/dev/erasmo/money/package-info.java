/**
 * Exact money: ISO 4217 currencies with their minor units, {@link dev.erasmo.money.Money}, {@link dev.erasmo.money.Price} and {@link dev.erasmo.money.Quantity}. Depends on nothing else in erasmo.
 */
@NullMarked
package dev.erasmo.money;

import org.jspecify.annotations.NullMarked;
