/**
 * Helpers shared by erasmo's own packages. Not part of the API: they may change in any release.
 */
@NullMarked
package dev.erasmo.internal;

import org.jspecify.annotations.NullMarked;
