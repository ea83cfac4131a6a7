package vn.loa.server.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a program of the host (espeak-ng, timedatectl, chronyc) and keeps what it printed; a seam for tests. */
@FunctionalInterface
public interface HostCommands {

    /** How a program ended: its exit status and its stdout and stderr together. */
    record Output(int status, String text) {
    }

    /** The program's output, or empty when it is not installed, cannot start or does not end within the timeout. */
    Optional<Output> run(Duration timeout, String... command);

    /** Runs real programs. */
    static HostCommands system() {
        return (timeout, command) -> {
            java.nio.file.Path out = null;
            try {
                // Into a file, so a program that hangs cannot hold the doctor past the timeout.
                out = java.nio.file.Files.createTempFile("loa-doctor-", ".out");
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return Optional.of(new Output(p.exitValue(), java.nio.file.Files.readString(out,
                        StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                if (out != null) {
                    out.toFile().delete();
                }
            }
        };
    }
}
