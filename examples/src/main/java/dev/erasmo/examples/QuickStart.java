package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.TradeRequest;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Money;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.Owner;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.quote.CsvQuoteSource;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.store.jdbc.JdbcPortfolioStore;
import dev.erasmo.valuation.Valuation;
import java.nio.file.Files;
import java.time.Instant;

/**
 * The quick start of the README, compiled and tested here so it cannot rot: a paper portfolio in
 * a SQLite file, priced by the real 2013 Apple data bundled with the app. Run it with
 * {@code java -cp examples/target/erasmo.jar dev.erasmo.examples.QuickStart}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args ignored
     * @throws Exception if the database file cannot be made
     */
    public static void main(String[] args) throws Exception {
        // tag::quickstart[]
        // real 2013 AAPL prices (Yahoo CSV layout), bundled in the examples jar; a folder of CSV files works the same way
        QuoteSource quotes = CsvQuoteSource.builder(name -> QuickStart.class.getResourceAsStream("/dev/erasmo/examples/sample/" + name)).build();
        try (JdbcPortfolioStore store = JdbcPortfolioStore.sqlite(Files.createTempFile("paper", ".db"))) {
            Erasmo erasmo = Erasmo.builder().store(store).quotes(quotes).build();
            PortfolioInfo tech = erasmo.createPortfolio(Owner.of("alice"), "tech");
            Instant start = Instant.parse("2013-01-02T00:00:00Z");
            erasmo.deposit(tech.id(), Money.of("USD", "10000"), start);
            erasmo.buy(tech.id(), TradeRequest.of(Symbol.of("AAPL"), Quantity.of(10)).at(start)).orElseThrow();
            Valuation now = erasmo.valuation(tech.id());    // at the latest quotes
            System.out.println("equity " + now.equity() + ", total return " + now.totalReturn());
        }
        // end::quickstart[]
    }
}
