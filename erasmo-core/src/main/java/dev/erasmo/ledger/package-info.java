/**
 * The append-only ledger: the sealed {@link dev.erasmo.ledger.LedgerEvent} type and its cases, and {@link dev.erasmo.ledger.LedgerEntry}.
 */
@NullMarked
package dev.erasmo.ledger;

import org.jspecify.annotations.NullMarked;
