package vn.loa.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system command (dpkg, dpkg-deb, systemd-analyze) to its end and keeps what it printed. */
final class Commands {

    /** How a command ended: its exit status and its stdout and stderr together. */
    record Result(int status, String output) {
        Result orFail(List<String> command) {
            if (status != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + status + ":\n" + output);
            }
            return this;
        }
    }

    private Commands() {
    }

    static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in 5 minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs the command and fails the test unless it exits 0. */
    static String ok(String... command) {
        return run(command).orFail(List.of(command)).output();
    }

    static boolean exists(String program) {
        return run("sh", "-c", "command -v " + program).status() == 0;
    }
}
