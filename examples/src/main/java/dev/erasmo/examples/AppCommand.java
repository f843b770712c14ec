package dev.erasmo.examples;

import dev.erasmo.CommandResult;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioState;
import java.io.PrintWriter;
import java.util.Currency;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code erasmo}: runs in a {@link Session} opened by the app and closed after it.
 * Not thread-safe.
 */
abstract class AppCommand implements Callable<Integer> {

    @ParentCommand
    ErasmoApp app;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Session session = app.open()) {
            return run(session);
        }
    }

    /** Runs the command; returns the exit code. */
    abstract int run(Session session) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints why a command was rejected, with a hint when there is one, as one line on stderr. */
    int rejected(CommandResult.Rejected r, String hint) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": rejected: " + r.rejection().message() + hint);
        err.flush();
        return ErasmoApp.EXIT_REJECTED;
    }

    /**
     * The cash line after a booked event: the cash in a currency once the event is in place, and
     * the cash now if later events change it (the event was back-dated).
     */
    static String cashAfter(CommandResult.Booked booked, Currency currency) {
        PortfolioState now = booked.portfolio().state();
        Money then = booked.portfolio().stateAfter(booked.entry()).cash(currency);
        Money current = now.cash(currency);
        return "cash: " + then + (then.equals(current) ? "" : " (" + current + " now, after the later events)");
    }
}
