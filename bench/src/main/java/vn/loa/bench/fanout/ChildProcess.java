package vn.loa.bench.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java main of this module run as a separate process with the benchmark's class path, talked to over its standard
 * input and output one line at a time; so the load (receivers, listeners) does not share the measured process.
 *
 * <p>The child runs under {@code bash -c "ulimit -n ..."} because it may open a socket per listener, more than a
 * default soft limit of open files allows; and at nice 10, because in the field the listeners and loudspeakers are
 * other machines: on this one they take the CPU the measured server leaves rather than delay its sending, and their
 * kernel queues hold what they have not read yet (datagrams that overflow a queue are counted as lost).
 */
final class ChildProcess implements AutoCloseable {

    /** Raises the soft limit of open files to the hard one (20,000 in this container). */
    static final String RAISE_OPEN_FILES = "ulimit -n $(ulimit -Hn) && exec";
    /** The niceness of the load. */
    private static final String LOWER_PRIORITY = " nice -n 10";

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts {@code mainClass} with {@code args}, a small heap and the open-file limit raised. */
    static ChildProcess start(Class<?> mainClass, String... args) {
        List<String> java = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        java.addAll(List.of(args));
        StringBuilder command = new StringBuilder(RAISE_OPEN_FILES).append(LOWER_PRIORITY);
        for (String word : java) {
            command.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        try {
            return new ChildProcess(new ProcessBuilder("bash", "-c", command.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass.getSimpleName(), e);
        }
    }

    /** Sends one command line and returns the child's one-line answer. */
    String ask(String command) {
        in.println(command);
        return readLine();
    }

    String readLine() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("child process ended (exit " + process.waitFor() + ")");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
