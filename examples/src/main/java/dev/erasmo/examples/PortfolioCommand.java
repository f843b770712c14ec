package dev.erasmo.examples;

import dev.erasmo.portfolio.PortfolioInfo;
import picocli.CommandLine.Parameters;

/** A subcommand about one existing portfolio, named by its first parameter. Not thread-safe. */
abstract class PortfolioCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The portfolio.")
    String name;

    @Override
    final int run(Session session) throws Exception {
        return run(session, session.portfolio(name));
    }

    /** Runs the command on the portfolio; returns the exit code. */
    abstract int run(Session session, PortfolioInfo portfolio) throws Exception;
}
