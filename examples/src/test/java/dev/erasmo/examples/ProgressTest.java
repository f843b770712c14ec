package dev.erasmo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Progress lines go to stderr only when stderr is a terminal: the {@code ./erasmo} launcher tells
 * the app so with {@value ErasmoApp#PROGRESS_ENV}, and {@code main} shows progress only when told.
 * A terminal is made with util-linux {@code script}, which runs a command on a new pseudo-terminal;
 * without it (another system), these tests are skipped. No network: Yahoo is a loopback stub.
 */
class ProgressTest extends YahooAppTest {

    @Test
    void showsProgress_onlyWhenTheVariableIsOn() {
        assertThat(app(Map.of(ErasmoApp.PROGRESS_ENV, "1")).showsProgress()).isTrue();
        assertThat(app(Map.of(ErasmoApp.PROGRESS_ENV, "0")).showsProgress()).isFalse();
        assertThat(app(Map.of(ErasmoApp.PROGRESS_ENV, "")).showsProgress()).isFalse();
        // plain java -jar, nothing said: no progress, whatever the terminal
        assertThat(app(Map.of()).showsProgress()).isFalse();
    }

    @Test
    void launcher_stderrOnATerminalAndStdoutToAFile_turnsProgressOn() throws Exception {
        Path root = fakeCheckout();
        Path out = dir.resolve("out.txt");

        // the audit's second case: stdout piped away, stderr on the terminal (JDK 17's System.console() was null)
        onATerminal("bash " + q(root.resolve("erasmo")) + " demo > " + q(out), Map.of());

        assertThat(Files.readString(out)).isEqualTo("ERASMO_PROGRESS=1\n");
    }

    @Test
    void launcher_stderrToAFileFromATerminal_turnsProgressOffEvenIfTheShellHadItOn() throws Exception {
        Path root = fakeCheckout();
        Path err = dir.resolve("err.txt");

        // the audit's first case: erasmo ... 2>err.txt typed at a terminal (stdin and stdout are the terminal)
        String printed = onATerminal("bash " + q(root.resolve("erasmo")) + " demo 2> " + q(err), Map.of(ErasmoApp.PROGRESS_ENV, "1"));

        assertThat(printed).isEqualTo("ERASMO_PROGRESS=0\r\n");
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void main_onATerminalWithStderrToAFile_writesNoProgressIntoTheFile() throws Exception {
        Path err = dir.resolve("err.txt");

        onATerminal(buyNvda("nvda.db") + " 2> " + q(err), Map.of());

        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void main_toldToShowProgress_showsItOnStderrAndClearsIt() throws Exception {
        Path err = dir.resolve("err.txt");

        onATerminal(buyNvda("nvda.db") + " 2> " + q(err), Map.of(ErasmoApp.PROGRESS_ENV, "1"));

        // the close as of 2021-07-19 is looked for from 2021-07-05, which the cache asks from January 1 of 2021
        assertThat(Files.readString(err)).isEqualTo("\r\033[Kfetching NVDA prices from 2021-01-01 to 2021-07-19 from Yahoo Finance...\r\033[K");
    }

    private ErasmoApp app(Map<String, String> env) {
        return new ErasmoApp(Clock.fixed(NOW, ZoneOffset.UTC), env, ErasmoApp::openStore);
    }

    /**
     * The command line of {@code java ... ErasmoApp --db DB --quotes yahoo=STUB buy t NVDA 1 --at
     * 2021-07-19} on a new portfolio {@code t} with USD 10,000 (created in-process), the NVDA
     * history answered by the stub from the recorded 2021 chart.
     */
    private String buyNvda(String db) {
        nvda();
        Path file = dir.resolve(db);
        AppRunner.Run created = app().runRaw("--db", file.toString(), "create", "t", "--cash", "10000", "--at", "2021-07-01");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-cp", classpath, ErasmoApp.class.getName(), "--db", file.toString(), "--owner", AppRunner.OWNER.value(),
                "--quotes", "yahoo=" + stub.uri(),
                "buy", "t", "NVDA", "1", "--at", "2021-07-19").stream().map(ProgressTest::q).collect(Collectors.joining(" "));
    }

    /**
     * A copy of the launcher in a folder that looks like a built checkout: a jar newer than every
     * source (none), so nothing is built, and a {@code JAVA_HOME} whose {@code java} prints what
     * the launcher told it in {@value ErasmoApp#PROGRESS_ENV} on stdout.
     */
    private Path fakeCheckout() throws IOException {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("../erasmo"), root.resolve("erasmo"));
        Files.createDirectories(root.resolve("examples/target"));
        Files.writeString(root.resolve("examples/target/erasmo.jar"), "not a jar: the fake java does not read it");
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf 'ERASMO_PROGRESS=%s\\n' \"$ERASMO_PROGRESS\"\n");
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /**
     * Runs a shell command line on a new pseudo-terminal (its stdin, stdout and stderr), with
     * {@value ErasmoApp#PROGRESS_ENV} taken out of the environment and {@code env} added, and
     * {@code JAVA_HOME} pointing at the fake one; returns what the terminal showed.
     */
    private String onATerminal(String commandLine, Map<String, String> env) throws Exception {
        assumeTrue(utilLinuxScript(), "util-linux script is needed to make a terminal");
        Path output = dir.resolve("terminal-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", commandLine, "/dev/null").redirectInput(Path.of("/dev/null").toFile())
                .redirectOutput(output.toFile()).redirectErrorStream(true);
        pb.environment().remove(ErasmoApp.PROGRESS_ENV);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", commandLine).isTrue();
        String shown = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code of %s, which showed %s", commandLine, shown).isZero();
        return shown;
    }

    private static boolean utilLinuxScript() {
        try {
            Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && version.contains("util-linux");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A word quoted for the shell. */
    private static String q(Object word) {
        return "'" + String.valueOf(word).replace("'", "'\\''") + "'";
    }
}
