package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code erasmo dividend}: a cash dividend per share on the units held at its ex-date. */
@Command(name = "dividend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records a cash dividend per share on the units held at --at (the ex-date).")
final class DividendCommand extends CorporateActionCommand {

    @Parameters(index = "2", paramLabel = "PER_SHARE", converter = Converters.Positive.class,
            description = "The cash per unit held, in the instrument's currency (up to " + Price.MAX_SCALE + " decimals).")
    BigDecimal perShare;

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        Instant when = session.at(at);
        CommandResult result = session.erasmo().dividend(portfolio.id(), symbol, perShare, when, key.key);
        if (result instanceof CommandResult.Rejected r) {
            return rejected(r, "");
        }
        CommandResult.Booked booked = (CommandResult.Booked) result;
        Dividend d = (Dividend) booked.entry().event();
        Quantity held = booked.portfolio().stateBefore(booked.entry()).findPosition(symbol).map(Position::quantity).orElse(Quantity.ZERO);
        Money paid = d.perShare().times(held);
        out().println("dividend of " + Text.price(d.perShare()) + " per share on " + held + " " + symbol + " on " + Text.time(d.at())
                + ": received " + paid + "; " + cashAfter(booked, paid.currency()) + (booked.replayed() ? key.already() : ""));
        return ErasmoApp.EXIT_OK;
    }
}
