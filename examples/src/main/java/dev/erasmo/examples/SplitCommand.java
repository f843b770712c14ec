package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Position;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code erasmo split}: N new units for every M held; each lot keeps its total cost. */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records a stock split of N new units for every M held at --at; each lot keeps its cost.")
final class SplitCommand extends CorporateActionCommand {

    @Parameters(index = "2", paramLabel = "N:M", converter = Converters.RatioConverter.class,
            description = "N new units for M old ones: 4:1 is a 4-for-1 split, 1:10 a 1-for-10 reverse split.")
    Converters.Ratio ratio;

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        Instant when = session.at(at);
        CommandResult result = session.erasmo().split(portfolio.id(), symbol, ratio.numerator(), ratio.denominator(), when, key.key);
        if (result instanceof CommandResult.Rejected r) {
            return rejected(r, "");
        }
        CommandResult.Booked booked = (CommandResult.Booked) result;
        Optional<Position> after = booked.portfolio().stateAfter(booked.entry()).findPosition(symbol);
        out().println("split " + symbol + " " + ratio + " on " + Text.time(booked.entry().event().at()) + ": "
                + after.map(p -> "now " + p.quantity() + " " + symbol + ", cost basis still " + p.cost()).orElse("no " + symbol + " left")
                + (booked.replayed() ? key.already() : ""));
        return ErasmoApp.EXIT_OK;
    }
}
