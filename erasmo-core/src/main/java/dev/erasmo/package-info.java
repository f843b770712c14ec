/**
 * The entry point of erasmo ({@link dev.erasmo.Erasmo}), its command results and the root exception.
 */
@NullMarked
package dev.erasmo;

import org.jspecify.annotations.NullMarked;
