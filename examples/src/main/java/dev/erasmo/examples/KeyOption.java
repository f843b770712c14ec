package dev.erasmo.examples;

import dev.erasmo.ledger.IdempotencyKey;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --key KEY}: the idempotency key of a command that books something. Not thread-safe. */
final class KeyOption {

    @Option(names = "--key", paramLabel = "KEY", converter = Converters.KeyConverter.class,
            description = "An idempotency key, e.g. a UUID made for this command: the same command again with the same key books"
                    + " nothing more and prints what the first one booked (up to " + IdempotencyKey.MAX_LENGTH + " characters, no spaces).")
    @Nullable IdempotencyKey key;

    /** What a command that the key booked before adds to its report. */
    String already() {
        return "; booked before with --key " + key + ", nothing new";
    }
}
