package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    /*
     * 10,000.00 deposited on 2013-01-02; 10 AAPL at that day's close 549.03 = 5,490.30 (cash 4,509.70).
     * The latest close in the sample data is 561.02 (2013-12-31): 10 x 561.02 = 5,610.20.
     * Equity 4,509.70 + 5,610.20 = 10,119.90; total return 119.90 / 10,000 = 0.01199 (8 decimals).
     */
    @Test
    void main_printsTheHandComputedEquity() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualToIgnoringNewLines("equity USD 10119.90, total return 0.01199000");
    }

    @Test
    void readme_quickStartIsTheCompiledCode() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/erasmo/examples/QuickStart.java"));
        String compiled = between(source, "// tag::quickstart[]", "// end::quickstart[]");
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        String documented = between(readme, "<!-- tag::quickstart[] -->", "<!-- end::quickstart[] -->");
        assertThat(documented).isEqualTo(compiled);
    }

    /** The lines strictly between two markers, without the code fence and the common indentation. */
    private static String between(List<String> lines, String start, String end) {
        int from = indexOf(lines, start) + 1;
        int to = indexOf(lines, end);
        List<String> body = lines.subList(from, to).stream().filter(l -> !l.startsWith("```")).toList();
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker " + marker + " not found in " + Arrays.toString(lines.toArray()).substring(0, 80));
    }
}
