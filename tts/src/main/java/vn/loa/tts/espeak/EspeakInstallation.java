package vn.loa.tts.espeak;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Finds out whether espeak-ng can be run here, so the server can say so at start-up rather than at the first notice.
 */
public final class EspeakInstallation {

    private EspeakInstallation() {
    }

    /** Whether {@code espeak-ng --version} runs and succeeds within two seconds. */
    public static boolean isInstalled() {
        return version() != null;
    }

    /** The first line of {@code espeak-ng --version}, or null when it cannot be run. */
    public static String version() {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
