package dev.erasmo.portfolio;

import java.util.Objects;

/**
 * Who a portfolio belongs to, as the embedding application names its users (a user id, a
 * classroom seat). Portfolio names are unique per owner.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 128 characters, no control characters, not blank
 */
public record Owner(String value) {

    /**
     * Validates.
     *
     * @param value 1 to 128 characters, no control characters, not blank
     */
    public Owner {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)
                || dev.erasmo.internal.Unicode.hasLoneSurrogate(value)) {
            throw new IllegalArgumentException("owner must have 1 to 128 characters, not blank, no control characters and no lone"
                    + " surrogate (half of a character)");
        }
    }

    /**
     * Creates an owner.
     *
     * @param value the owner's name or id
     * @return the owner
     */
    public static Owner of(String value) {
        return new Owner(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
