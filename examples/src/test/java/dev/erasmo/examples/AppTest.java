package dev.erasmo.examples;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the app run in-process on a fresh database in a temporary folder. */
abstract class AppTest {

    @TempDir
    Path dir;

    AppRunner app;

    @BeforeEach
    void startApp() {
        app = new AppRunner(dir);
    }
}
