package dev.erasmo.quote;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.money.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A quote source reading one CSV file per symbol in the column layout of Yahoo Finance's
 * historical download.
 *
 * <p>Files, opened through the {@link Files} function given to the builder (so this class does no
 * I/O of its own: the caller decides whether they come from a folder, the class path or memory):
 * <ul>
 *   <li>{@code SYMBOL.csv}: header {@code Date,Open,High,Low,Close,Adj Close,Volume}; the column
 *       names are matched ignoring case, spaces and underscores; only {@code Date} and
 *       {@code Close} are required (a close-only series such as an index level is fine), the others
 *       are read when present and other columns are ignored; dates are ISO {@code YYYY-MM-DD};
 *       prices are as traded;
 *   <li>{@code SYMBOL.dividends.csv} (optional): {@code Date,Dividends}, the amount per share on the
 *       ex-date;
 *   <li>{@code SYMBOL.splits.csv} (optional): {@code Date,Stock Splits}, the ratio as
 *       {@code 4:1} or {@code 4/1} (new for old).
 * </ul>
 * A malformed row (a missing or non-numeric field, a {@code null}, a non-positive close, more than
 * {@value Price#MAX_SCALE} decimals, a date out of order or repeated) is never skipped: the first
 * one found throws {@link MalformedQuoteDataException} naming the file and line. The latest quote
 * of a symbol is the close of its last bar.
 *
 * <p>Each file is read once, on first use, and kept. Thread-safe once built; the builder is not.
 */
public final class CsvQuoteSource implements QuoteSource {

    /** A plain decimal number: an optional sign, digits and one decimal point (no exponent, no grouping). */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /**
     * Opens a file by name for reading.
     */
    @FunctionalInterface
    public interface Files {
        /**
         * Opens a file.
         *
         * @param fileName e.g. {@code "AAPL.csv"}
         * @return the stream, which the source closes, or null if there is no such file
         * @throws IOException if the file exists but cannot be read; a {@link
         *     java.nio.file.NoSuchFileException} means there is no such file, like null, so
         *     {@code name -> Files.newInputStream(folder.resolve(name))} serves a folder
         */
        @Nullable InputStream open(String fileName) throws IOException;
    }

    private final Files files;
    private final Currency defaultCurrency;
    private final Map<Symbol, Currency> currencies;
    private final ConcurrentHashMap<Symbol, PriceHistory> cache = new ConcurrentHashMap<>();

    private CsvQuoteSource(Builder b) {
        this.files = Objects.requireNonNull(b.files, "files");
        this.defaultCurrency = b.defaultCurrency;
        this.currencies = Map.copyOf(b.currencies);
    }

    /**
     * Starts a builder.
     *
     * @param files opens the CSV files by name
     * @return a builder with USD as the default currency
     */
    public static Builder builder(Files files) {
        return new Builder(files);
    }

    @Override
    public Map<Symbol, Quote> latest(Collection<Symbol> symbols) {
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            PriceHistory h = find(s);
            if (h != null && !h.bars().isEmpty()) {
                Bar last = h.bars().get(h.bars().size() - 1);
                result.put(s, new Quote(s, new Price(h.currency(), last.close()), last.date()));
            }
        }
        return result;
    }

    @Override
    public PriceHistory history(Symbol symbol, LocalDate from, LocalDate to) {
        return load(symbol).between(from, to);
    }

    @Override
    public Quote asOf(Symbol symbol, LocalDate date) {
        PriceHistory h = load(symbol);
        try {
            return h.closeAsOf(date, AS_OF_LOOKBACK_DAYS);
        } catch (QuoteNotFoundException e) {
            throw new QuoteNotFoundException(e.getMessage() + (h.bars().isEmpty() ? "; its file has no rows"
                    : "; its data runs from " + h.bars().get(0).date() + " to " + h.bars().get(h.bars().size() - 1).date()));
        }
    }

    private PriceHistory load(Symbol symbol) {
        PriceHistory h = find(symbol);
        if (h == null) {
            throw new QuoteNotFoundException("no price data for " + symbol + " (no file " + symbol + ".csv)");
        }
        return h;
    }

    private @Nullable PriceHistory find(Symbol symbol) {
        PriceHistory cached = cache.get(symbol);
        if (cached != null) {
            return cached;
        }
        List<String[]> rows = read(symbol + ".csv");
        if (rows == null) {
            return null;
        }
        Currency currency = currencies.getOrDefault(symbol, defaultCurrency);
        PriceHistory h = new PriceHistory(symbol, currency, bars(symbol + ".csv", rows),
                dividends(symbol + ".dividends.csv"), splits(symbol + ".splits.csv"));
        PriceHistory previous = cache.putIfAbsent(symbol, h);
        return previous != null ? previous : h;
    }

    private List<Bar> bars(String file, List<String[]> rows) {
        Header header = new Header(file, rows.get(0), "Date", "Close");
        int open = header.optional("Open");
        int high = header.optional("High");
        int low = header.optional("Low");
        int adj = header.optional("Adj Close");
        int volume = header.optional("Volume");
        List<Bar> bars = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 1; i < rows.size(); i++) {
            Row r = new Row(file, rows.get(i));
            LocalDate date = r.date(header.index(0));
            if (previous != null && !date.isAfter(previous)) {
                throw r.malformed("date " + date + " is not after the previous row's " + previous);
            }
            previous = date;
            BigDecimal close = r.price(header.index(1), "Close");
            if (close.signum() <= 0) {
                throw r.malformed("Close " + close.toPlainString() + " is not above zero");
            }
            bars.add(new Bar(date, open < 0 ? null : r.price(open, "Open"), high < 0 ? null : r.price(high, "High"),
                    low < 0 ? null : r.price(low, "Low"), close, adj < 0 ? null : r.decimal(adj, "Adj Close"),
                    volume < 0 ? null : r.volume(volume)));
        }
        return bars;
    }

    private List<DividendEvent> dividends(String file) {
        List<String[]> rows = read(file);
        if (rows == null) {
            return List.of();
        }
        Header header = new Header(file, rows.get(0), "Date", "Dividends");
        List<DividendEvent> result = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row r = new Row(file, rows.get(i));
            BigDecimal amount = r.price(header.index(1), "Dividends");
            if (amount.signum() <= 0) {
                throw r.malformed("Dividends " + amount.toPlainString() + " is not above zero");
            }
            result.add(new DividendEvent(r.date(header.index(0)), amount));
        }
        return result;
    }

    private List<SplitEvent> splits(String file) {
        List<String[]> rows = read(file);
        if (rows == null) {
            return List.of();
        }
        Header header = new Header(file, rows.get(0), "Date", "Stock Splits");
        List<SplitEvent> result = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row r = new Row(file, rows.get(i));
            String ratio = r.field(header.index(1), "Stock Splits");
            String[] parts = ratio.split("[:/]", -1);
            try {
                int n = Integer.parseInt(parts[0].strip());
                int m = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
                if (parts.length != 2 || n <= 0 || m <= 0 || n == m) {
                    throw new NumberFormatException();
                }
                result.add(new SplitEvent(r.date(header.index(0)), n, m));
            } catch (NumberFormatException e) {
                throw r.malformed("Stock Splits '" + ratio + "' is not a ratio like 4:1");
            }
        }
        return result;
    }

    /** Reads a whole file as rows of fields; null if the file does not exist. */
    private @Nullable List<String[]> read(String file) {
        InputStream opened;
        try {
            opened = files.open(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (opened == null) {
            return null;
        }
        try (InputStream in = opened) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                String[] withLine = new String[fields.length + 1];
                withLine[0] = Integer.toString(n);
                System.arraycopy(fields, 0, withLine, 1, fields.length);
                rows.add(withLine);
            }
            if (rows.isEmpty()) {
                throw new MalformedQuoteDataException(file + ": empty file, expected a header row");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Column positions found in a header row. */
    private static final class Header {
        private final String file;
        private final String[] names;
        private final int[] indexes;

        Header(String file, String[] row, String... required) {
            this.file = file;
            this.names = row;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 1; i < row.length; i++) {
                if (!key(row[i]).isEmpty() && !seen.add(key(row[i]))) {
                    throw new MalformedQuoteDataException(file + ":" + row[0] + ": header names column '" + row[i].strip() + "' twice");
                }
            }
            this.indexes = new int[required.length];
            for (int i = 0; i < required.length; i++) {
                indexes[i] = optional(required[i]);
                if (indexes[i] < 0) {
                    throw new MalformedQuoteDataException(file + ":" + row[0] + ": header has no column '" + required[i] + "'");
                }
            }
        }

        int optional(String name) {
            String wanted = key(name);
            for (int i = 1; i < names.length; i++) {
                if (key(names[i]).equals(wanted)) {
                    return i;
                }
            }
            return -1;
        }

        int index(int required) {
            return indexes[required];
        }

        private static String key(String s) {
            return s.strip().replace("\"", "").replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** The longest number field read: far beyond any real price, short enough to parse in no time. */
    private static final int MAX_FIELD_LENGTH = 40;

    /** One data row; {@code fields[0]} is its line number in the file, for precise messages. */
    private record Row(String file, String[] fields) {

        String field(int index, String name) {
            if (index >= fields.length) {
                throw malformed("missing field '" + name + "'");
            }
            String v = fields[index].strip();
            if (v.isEmpty() || v.equalsIgnoreCase("null")) {
                throw malformed("field '" + name + "' is " + (v.isEmpty() ? "empty" : "null"));
            }
            return v;
        }

        LocalDate date(int index) {
            String v = field(index, "Date");
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw malformed("Date '" + v + "' is not an ISO date like 2013-01-02");
            }
        }

        BigDecimal decimal(int index, String name) {
            String v = field(index, name);
            if (v.length() > MAX_FIELD_LENGTH) {
                throw malformed(name + " '" + v.substring(0, 20) + "...' is longer than " + MAX_FIELD_LENGTH + " characters");
            }
            if (!DECIMAL.matcher(v).matches()) {
                throw malformed(name + " '" + v + "' is not a decimal number");
            }
            return new BigDecimal(v);
        }

        BigDecimal price(int index, String name) {
            BigDecimal d = decimal(index, name);
            if (d.stripTrailingZeros().scale() > Price.MAX_SCALE) {
                throw malformed(name + " '" + d.toPlainString() + "' has more than " + Price.MAX_SCALE + " decimal places");
            }
            return d;
        }

        long volume(int index) {
            String v = field(index, "Volume");
            if (v.length() > MAX_FIELD_LENGTH) {
                throw malformed("Volume '" + v.substring(0, 20) + "...' is longer than " + MAX_FIELD_LENGTH + " characters");
            }
            try {
                long volume = new BigDecimal(v).longValueExact();
                if (volume < 0) {
                    throw malformed("Volume " + v + " is negative");
                }
                return volume;
            } catch (NumberFormatException | ArithmeticException e) {
                throw malformed("Volume '" + v + "' is not a whole number");
            }
        }

        MalformedQuoteDataException malformed(String what) {
            return new MalformedQuoteDataException(file + ":" + fields[0] + ": " + what);
        }
    }

    /** Configures a {@link CsvQuoteSource}. Not thread-safe. */
    public static final class Builder {
        private final Files files;
        private Currency defaultCurrency = Currency.getInstance("USD");
        private final Map<Symbol, Currency> currencies = new HashMap<>();

        private Builder(Files files) {
            this.files = Objects.requireNonNull(files, "files");
        }

        /**
         * The trading currency of symbols without their own (default USD).
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder defaultCurrency(Currency currency) {
            this.defaultCurrency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * The trading currency of one symbol.
         *
         * @param symbol the symbol
         * @param currency its currency
         * @return this builder
         */
        public Builder currency(Symbol symbol, Currency currency) {
            currencies.put(symbol, currency);
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public CsvQuoteSource build() {
            return new CsvQuoteSource(this);
        }
    }
}
