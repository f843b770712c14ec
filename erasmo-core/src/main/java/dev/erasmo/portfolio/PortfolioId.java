package dev.erasmo.portfolio;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a portfolio, unique in its store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 64 characters without whitespace
 */
public record PortfolioId(String value) {

    /**
     * Validates.
     *
     * @param value 1 to 64 characters without whitespace
     */
    public PortfolioId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 64 || !value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("portfolio id must have 1 to 64 characters without whitespace");
        }
    }

    /**
     * Creates an id.
     *
     * @param value the id
     * @return the id
     */
    public static PortfolioId of(String value) {
        return new PortfolioId(value);
    }

    /**
     * Creates a random (type 4 UUID) id.
     *
     * @return a new id
     */
    public static PortfolioId random() {
        return new PortfolioId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
