package dev.erasmo.internal;

/**
 * Checks of text that erasmo keeps as data (ids, keys, names, symbols, owners). Not part of the
 * API.
 *
 * <p>Stateless and thread-safe.
 */
public final class Unicode {

    private Unicode() {
    }

    /**
     * Tells whether a text holds a surrogate without its pair: not a character at all, which a
     * database stores as {@code ?} or refuses, so that what was written would not read back.
     *
     * @param text the text
     * @return true if a high surrogate is not followed by a low one, or a low one not preceded by
     *     a high one
     */
    public static boolean hasLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
