package dev.erasmo.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: text left, figures right. Not thread-safe. */
final class Table {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> leftAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a left-aligned column. */
    Table left(String header) {
        headers.add(header);
        leftAligned.add(true);
        return this;
    }

    /** Adds a right-aligned column. */
    Table right(String header) {
        headers.add(header);
        leftAligned.add(false);
        return this;
    }

    /** Adds a row with one cell per column. */
    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /**
     * Prints the header (unless every header is empty) and the rows, columns two spaces apart,
     * without trailing spaces.
     */
    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        if (headers.stream().anyMatch(h -> !h.isEmpty())) {
            print(out, headers.toArray(String[]::new), widths);
        }
        for (String[] row : rows) {
            print(out, row, widths);
        }
    }

    private void print(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ").append(leftAligned.get(c) ? cells[c] + pad : pad + cells[c]);
        }
        out.println(line.toString().stripTrailing());
    }
}
