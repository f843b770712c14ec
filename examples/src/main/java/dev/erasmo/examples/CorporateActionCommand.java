package dev.erasmo.examples;

import dev.erasmo.instrument.Symbol;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A dividend or split: an event of a symbol held at a required date. Not thread-safe. */
abstract class CorporateActionCommand extends PortfolioCommand {

    @Parameters(index = "1", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "The symbol; it must be held at --at.")
    Symbol symbol;

    @Option(names = "--at", paramLabel = "DATE", required = true, converter = Converters.At.class,
            description = "The ex-date or effective date: YYYY-MM-DD (00:00 UTC) or an ISO instant.")
    Instant at;

    @Mixin
    KeyOption key;
}
