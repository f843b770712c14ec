package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.portfolio.PortfolioInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** A subcommand about one portfolio over a period, {@code --from} and {@code --to}. Not thread-safe. */
abstract class PeriodCommand extends PortfolioCommand {

    @Option(names = "--from", paramLabel = "DATE", converter = Converters.At.class,
            description = "The first date (default: the date of the portfolio's first event).")
    @Nullable Instant from;

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.At.class, description = "The last date (default: today).")
    @Nullable Instant to;

    /** The period asked for, as {first, last}: by default from the first event to today. */
    LocalDate[] period(Session session, PortfolioInfo portfolio) {
        Erasmo erasmo = session.erasmo();
        LocalDate last = erasmo.dateOf(session.at(to));
        List<LedgerEntry> events = erasmo.portfolio(portfolio.id()).entriesInEffectiveOrder();
        LocalDate first = from != null ? erasmo.dateOf(from) : events.isEmpty() ? last : erasmo.dateOf(events.get(0).event().at());
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("--from " + first + " is after --to " + last);
        }
        return new LocalDate[] {first, last};
    }
}
