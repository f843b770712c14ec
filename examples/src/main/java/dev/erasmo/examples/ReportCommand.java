package dev.erasmo.examples;

import dev.erasmo.Erasmo;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.ReturnSeries;
import dev.erasmo.portfolio.PortfolioInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasmo report}: one self-contained HTML page about a portfolio over a period. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes one self-contained HTML page about a portfolio.",
            "Its time-weighted return against a benchmark, its drawdown, its allocation and holdings at the last date, and the",
            "figures of performance. The page needs nothing else (no network) to open in a browser. First books the dividends",
            "and splits due, like show."})
final class ReportCommand extends PeriodCommand {

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The HTML file to write, replaced if it exists; its folder must exist.")
    Path file;

    @Option(names = "--benchmark", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "Draw this symbol's return over the same dates and add beta and alpha, e.g. ^GSPC.")
    @Nullable Symbol benchmark;

    @Override
    int run(Session session, PortfolioInfo portfolio) {
        Path target = target(file);
        Erasmo erasmo = session.erasmo();
        if (benchmark != null) {
            session.quotes().requireKnown(benchmark);
        }
        EquityCurve curve = curve(session, portfolio, out());
        LocalDate first = curve.from();
        LocalDate last = curve.to();
        ReturnSeries bench = benchmark == null ? null : PerformanceCommand.benchmarkReturns(session.quotes().source(), benchmark, first, last);
        PerformanceCommand.Report figures = PerformanceCommand.report(curve, benchmark, bench, 0);
        ValuationReport holdings = new ValuationReport(portfolio, last, false, erasmo.valuation(portfolio.id(), last));
        write(target, HtmlReport.page(figures, bench, holdings, session.at(null), endNote(session, curve)));
        out().println("wrote report of '" + portfolio.name() + "' to " + target);
        return ErasmoApp.EXIT_OK;
    }

    /** The file as an absolute path, in a folder that exists; a usage error otherwise. */
    static Path target(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + target + " is a folder, not a file");
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out " + target + ": the folder " + folder + " does not exist");
        }
        return target;
    }

    /** Writes the page whole or not at all: to a new file beside the target, then moved over it. */
    static void write(Path target, String page) {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, page, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            String why = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
            throw new UncheckedIOException("cannot write the report to " + target + (why == null ? "" : ": " + why), e);
        }
    }
}
