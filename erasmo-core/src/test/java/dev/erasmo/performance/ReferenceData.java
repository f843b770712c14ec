package dev.erasmo.performance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference data of src/test/resources/dev/erasmo/performance (see the README there): the
 * real return and price series, the XIRR schedules and the reference figures.
 */
final class ReferenceData {

    private static final Map<String, ReturnSeries> CACHE = new ConcurrentHashMap<>();

    private ReferenceData() {
    }

    /** One line of expected.csv. */
    record Row(int line, String caseId, String dataset, String series, String metric, String params, String value, String tool,
            String toolVersion) {

        String version() {
            int space = toolVersion.indexOf(' ');
            return space < 0 ? toolVersion : toolVersion.substring(0, space);
        }

        /** The value without a trailing "[warning]" of the tool. */
        String bareValue() {
            int bracket = value.indexOf(" [");
            return bracket < 0 ? value.trim() : value.substring(0, bracket).trim();
        }

        @Override
        public String toString() {
            return "expected.csv:" + line + " " + caseId + " " + series + " " + metric + " [" + params + "] by " + tool + " "
                    + version();
        }
    }

    static List<Row> expected() {
        List<Row> rows = new ArrayList<>();
        List<List<String>> lines = read("expected.csv");
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = lines.get(i);
            rows.add(new Row(i + 1, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7)));
        }
        return rows;
    }

    /** The rows of one case of xirr_cases.csv, in row order. */
    static List<CashFlow> xirrCase(String caseId) {
        List<CashFlow> flows = new ArrayList<>();
        List<List<String>> lines = read("xirr_cases.csv");
        for (List<String> f : lines.subList(1, lines.size())) {
            if (f.get(0).equals(caseId)) {
                flows.add(new CashFlow(LocalDate.parse(f.get(2)), new BigDecimal(f.get(3))));
            }
        }
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("no XIRR case " + caseId);
        }
        return flows;
    }

    /** Simple returns of the closes of one symbol of a {@code date,symbol,close} file, first date dropped. */
    static ReturnSeries fromPrices(String file, String symbol) {
        return CACHE.computeIfAbsent(file + "#" + symbol, k -> {
            List<LocalDate> dates = new ArrayList<>();
            List<Double> closes = new ArrayList<>();
            List<List<String>> lines = read(file);
            check(lines.get(0), "date", "symbol", "close");
            for (List<String> f : lines.subList(1, lines.size())) {
                if (f.get(1).equals(symbol)) {
                    dates.add(LocalDate.parse(f.get(0)));
                    closes.add(Double.parseDouble(f.get(2)));
                }
            }
            return ReturnSeries.fromPrices(dates, closes.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    /** One series of a {@code date,series,return} file. */
    static ReturnSeries returns(String file, String series) {
        return CACHE.computeIfAbsent(file + "#" + series, k -> {
            List<LocalDate> dates = new ArrayList<>();
            List<Double> returns = new ArrayList<>();
            List<List<String>> lines = read(file);
            check(lines.get(0), "date", "series", "return");
            for (List<String> f : lines.subList(1, lines.size())) {
                if (f.get(1).equals(series)) {
                    dates.add(LocalDate.parse(f.get(0)));
                    returns.add(Double.parseDouble(f.get(2)));
                }
            }
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("no series " + series + " in " + file);
            }
            return ReturnSeries.of(dates, returns.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    /** Month-end dates from January 2020, one per return. */
    static ReturnSeries monthly(double... returns) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < returns.length; i++) {
            dates.add(LocalDate.of(2020, 1, 1).plusMonths(i + 1).minusDays(1));
        }
        return ReturnSeries.of(dates, returns);
    }

    private static void check(List<String> header, String... names) {
        if (!header.equals(List.of(names))) {
            throw new IllegalStateException("unexpected header " + header);
        }
    }

    /** A small CSV reader: comma separated, double quotes around fields that hold commas. */
    private static List<List<String>> read(String name) {
        InputStream in = ReferenceData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        List<List<String>> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                lines.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
