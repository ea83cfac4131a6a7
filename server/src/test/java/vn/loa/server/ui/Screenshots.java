package vn.loa.server.ui;

import java.nio.file.Path;

/** Where the UI tests put their screenshots: target/screenshots, or docs/screenshots with -Dloa.screenshots=docs. */
final class Screenshots {

    private Screenshots() {
    }

    static Path dir() {
        String chosen = System.getProperty("loa.screenshots");
        return chosen == null || chosen.isBlank() ? Path.of("target", "screenshots") : Path.of(chosen);
    }
}
