package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
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

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.At.class,
            description = "The last date (default: today, or the last day on which everything held had a price if that is earlier).")
    @Nullable Instant to;

    /**
     * Why a curve made without {@code --to} ends before today, or null when it does not.
     *
     * @param session the session the curve was made in
     * @param curve the curve {@link #curve} made
     * @return the sentence, or null
     */
    @Nullable String endNote(Session session, EquityCurve curve) {
        if (to != null || !curve.to().isBefore(session.erasmo().dateOf(session.at(null)))) {
            return null;
        }
        return "Ends on " + curve.to() + ", the last day on which everything held had a price (after it a position would drop out of the "
                + "equity); --to sets another end.";
    }

    /**
     * The daily curve of the period, after booking the dividends and splits due (printed on
     * {@code out} unless it is null). Without {@code --to} it ends on the last day on which
     * everything held had a price: past the end of the price data (the sample's AAPL stops in
     * 2013) a position would drop out of the equity and every figure would mislead.
     */
    EquityCurve curve(Session session, PortfolioInfo portfolio, java.io.@Nullable PrintWriter out) {
        LocalDate[] period = period(session, portfolio);
        session.bookCorporateActions(portfolio, period[1], out);
        EquityCurve curve = session.erasmo().history(portfolio.id(), period[0], period[1]);
        if (to == null) {
            List<DailyValue> days = curve.days();
            int last = days.size() - 1;
            while (last >= 0 && !days.get(last).complete()) {
                last--;
            }
            // also when that day is the curve's last: its "to" (today) would name a day without a value of everything
            if (last >= 0 && days.get(last).date().isBefore(curve.to())) {
                curve = curve.until(days.get(last).date());
            }
        }
        return curve;
    }

    /** The period asked for, as {first, last}: by default from the first event to today. */
    LocalDate[] period(Session session, PortfolioInfo portfolio) {
        Erasmo erasmo = session.erasmo();
        LocalDate last = erasmo.dateOf(session.at(to, "--to"));
        List<LedgerEntry> events = erasmo.portfolio(portfolio.id()).entriesInEffectiveOrder();
        LocalDate first = from != null ? erasmo.dateOf(from) : events.isEmpty() ? last : erasmo.dateOf(events.get(0).event().at());
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("--from " + first + " is after --to " + last);
        }
        return new LocalDate[] {first, last};
    }
}
