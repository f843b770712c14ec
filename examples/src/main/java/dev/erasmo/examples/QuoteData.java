package dev.erasmo.examples;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.CachingQuoteSource;
import dev.erasmo.quote.CsvQuoteSource;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteSource;
import dev.erasmo.quote.yahoo.YahooQuoteSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The prices the app trades and values at: Yahoo Finance (cached for the run), or a
 * {@link CsvQuoteSource} over the sample data bundled with the app or over a folder of CSV files,
 * with the symbols it has for messages.
 *
 * @param name how to name the data in messages
 * @param source the quote source
 * @param symbols the symbols that have a price file, sorted; null when the source knows any symbol
 */
record QuoteData(String name, QuoteSource source, @Nullable List<String> symbols) {

    /** The value of {@code --quotes} for Yahoo Finance, the default. */
    static final String YAHOO = "yahoo";
    /** The prefix of {@code --quotes} for Yahoo's API at another base URL (a local server replaying answers). */
    static final String YAHOO_PREFIX = "yahoo=";
    /** The value of {@code --quotes} for the bundled data. */
    static final String SAMPLE = "sample";
    /** The prefix of {@code --quotes} for a folder of CSV files. */
    static final String CSV_PREFIX = "csv:";
    /** How long the app waits for a connection to Yahoo. */
    static final Duration YAHOO_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the app waits for one answer from Yahoo. */
    static final Duration YAHOO_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Yahoo Finance, cached for the run (each symbol's history and latest quote asked once).
     *
     * @param base another base URL for every request, or null for Yahoo's own hosts
     * @param clock now
     * @param progress where to show which history is being fetched (a terminal), or null
     */
    static QuoteData yahoo(@Nullable URI base, Clock clock, @Nullable PrintWriter progress) {
        return yahoo(YahooQuoteSource.builder(), base, clock, progress);
    }

    /**
     * {@link #yahoo(URI, Clock, PrintWriter)} from a builder made elsewhere: the app's clock and
     * time-outs replace the builder's, its other settings stay (tests start from time-outs unlike
     * the app's, to see that the app's are the ones applied).
     */
    static QuoteData yahoo(YahooQuoteSource.Builder b, @Nullable URI base, Clock clock, @Nullable PrintWriter progress) {
        b.clock(clock).connectTimeout(YAHOO_CONNECT_TIMEOUT).requestTimeout(YAHOO_REQUEST_TIMEOUT);
        if (base != null) {
            b.baseUri(base);
        }
        QuoteSource yahoo = b.build();
        if (progress != null) {
            yahoo = new Progress(yahoo, progress);
        }
        return new QuoteData(base == null ? "Yahoo Finance" : "Yahoo Finance at " + base, CachingQuoteSource.builder(yahoo).clock(clock).build(), null);
    }
    /** The symbols of the bundled data (see {@code sample/README.md} beside the files). */
    static final List<String> SAMPLE_SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "^GSPC");

    /** The real daily prices bundled with the app, read from the class path. */
    static QuoteData sample() {
        return new QuoteData("the sample data", CsvQuoteSource.builder(name -> ErasmoApp.class.getResourceAsStream("sample/" + name)).build(),
                SAMPLE_SYMBOLS);
    }

    /** The CSV files in a folder, one per symbol. */
    static QuoteData csv(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        CsvQuoteSource source = CsvQuoteSource.builder(name -> open(folder, name)).build();
        List<String> symbols;
        try (Stream<Path> files = Files.list(folder)) {
            symbols = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") && !n.endsWith(".dividends.csv") && !n.endsWith(".splits.csv"))
                    .map(n -> n.substring(0, n.length() - ".csv".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return new QuoteData(folder.toString(), source, symbols);
    }

    private static @Nullable InputStream open(Path folder, String name) throws IOException {
        Path file = folder.resolve(name).normalize();
        // a symbol is free text: never let it reach outside the folder
        if (!file.getParent().equals(folder) || !Files.isRegularFile(file)) {
            return null;
        }
        return Files.newInputStream(file);
    }

    /**
     * The close as of a date (the latest close without one), reported with its own date.
     *
     * @throws QuoteNotFoundException naming the symbols there are, for a symbol without data
     */
    Quote quote(Symbol symbol, @Nullable LocalDate date) {
        requireKnown(symbol);
        return date == null ? source.latest(symbol) : source.asOf(symbol, date);
    }

    /**
     * Checks that the data has a symbol, where it lists them (the sample, a CSV folder).
     *
     * @throws QuoteNotFoundException naming the symbols there are
     */
    void requireKnown(Symbol symbol) {
        if (symbols != null && !symbols.contains(symbol.value())) {
            throw new QuoteNotFoundException("unknown symbol " + symbol + ": " + name
                    + (symbols.isEmpty() ? " has no price files" : " has " + String.join(", ", symbols)));
        }
    }

    /**
     * A choice of quote data, checked when read and opened when a command needs it.
     *
     * @param value what was chosen: {@code yahoo}, {@code yahoo=URL}, {@code sample} or {@code csv:DIR}
     */
    record Choice(String value) {

        /** The quote data chosen, with the app's clock and where to show progress (or null). */
        QuoteData open(Clock clock, @Nullable PrintWriter progress) {
            if (value.equals(YAHOO)) {
                return yahoo(null, clock, progress);
            }
            if (value.startsWith(YAHOO_PREFIX)) {
                return yahoo(URI.create(value.substring(YAHOO_PREFIX.length())), clock, progress);
            }
            if (value.equals(SAMPLE)) {
                return sample();
            }
            return csv(Path.of(value.substring(CSV_PREFIX.length())));
        }
    }

    /** Reads {@code --quotes} (and {@code ERASMO_QUOTES}). */
    static final class Converter implements CommandLine.ITypeConverter<Choice> {
        @Override
        public Choice convert(String value) {
            if (value.equals(SAMPLE) || value.equals(YAHOO)) {
                return new Choice(value);
            }
            if (value.startsWith(YAHOO_PREFIX)) {
                String url = value.substring(YAHOO_PREFIX.length());
                try {
                    YahooQuoteSource.builder().baseUri(new URI(url));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException("'" + url + "' is not an http or https URL, e.g. yahoo=http://127.0.0.1:8080");
                }
                return new Choice(value);
            }
            if (value.startsWith(CSV_PREFIX)) {
                if (value.length() == CSV_PREFIX.length()) {
                    throw new CommandLine.TypeConversionException("'" + value + "' names no folder: use " + CSV_PREFIX + "DIR, e.g. csv:./prices");
                }
                Path dir = Path.of(value.substring(CSV_PREFIX.length()));
                if (!Files.isDirectory(dir)) {
                    throw new CommandLine.TypeConversionException("'" + dir + "' is not a folder");
                }
                return new Choice(value);
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is none of '" + YAHOO + "', '" + YAHOO_PREFIX + "URL', '" + SAMPLE
                    + "' or '" + CSV_PREFIX + "DIR'");
        }
    }

    /** Shows on a terminal what is being fetched, on one line that is cleared as soon as the answer is in. */
    static final class Progress implements QuoteSource {
        private final QuoteSource source;
        private final PrintWriter out;

        Progress(QuoteSource source, PrintWriter out) {
            this.source = source;
            this.out = out;
        }

        @Override
        public java.util.Map<Symbol, Quote> latest(java.util.Collection<Symbol> symbols) {
            show("latest prices of " + symbols.size() + " symbol" + (symbols.size() == 1 ? "" : "s"));
            try {
                return source.latest(symbols);
            } finally {
                clear();
            }
        }

        @Override
        public dev.erasmo.quote.PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
            show(symbol + " prices from " + from + " to " + to);
            try {
                return source.history(symbol, from, to);
            } finally {
                clear();
            }
        }

        private synchronized void show(String what) {
            out.print("\r\033[Kfetching " + what + " from Yahoo Finance...");
            out.flush();
        }

        private synchronized void clear() {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
