package dev.erasmo.examples;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.quote.CsvQuoteSource;
import dev.erasmo.quote.Quote;
import dev.erasmo.quote.QuoteNotFoundException;
import dev.erasmo.quote.QuoteSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The prices the app trades and values at: a {@link CsvQuoteSource} over the sample data bundled
 * with the app, or over a folder of CSV files, with the symbols it has for messages.
 *
 * @param name how to name the data in messages
 * @param source the quote source
 * @param symbols the symbols that have a price file, sorted
 */
record QuoteData(String name, QuoteSource source, List<String> symbols) {

    /** The value of {@code --quotes} for the bundled data. */
    static final String SAMPLE = "sample";
    /** The prefix of {@code --quotes} for a folder of CSV files. */
    static final String CSV_PREFIX = "csv:";
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
        if (!symbols.contains(symbol.value())) {
            throw new QuoteNotFoundException("unknown symbol " + symbol + ": " + name
                    + (symbols.isEmpty() ? " has no price files" : " has " + String.join(", ", symbols)));
        }
        return date == null ? source.latest(symbol) : source.asOf(symbol, date);
    }

    /** Reads {@code --quotes}. */
    static final class Converter implements CommandLine.ITypeConverter<QuoteData> {
        @Override
        public QuoteData convert(String value) {
            if (value.equals(SAMPLE)) {
                return sample();
            }
            if (value.startsWith(CSV_PREFIX)) {
                if (value.length() == CSV_PREFIX.length()) {
                    throw new CommandLine.TypeConversionException("'" + value + "' names no folder: use " + CSV_PREFIX + "DIR, e.g. csv:./prices");
                }
                Path dir = Path.of(value.substring(CSV_PREFIX.length()));
                if (!Files.isDirectory(dir)) {
                    throw new CommandLine.TypeConversionException("'" + dir + "' is not a folder");
                }
                return csv(dir);
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is neither '" + SAMPLE + "' nor '" + CSV_PREFIX + "DIR'");
        }
    }
}
