package vn.loa.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loa's node agent in its own process inside a network namespace of a {@link FieldNetwork}, recording what it plays
 * to a folder: a speaker box on the far side of a router or a NAT.
 */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path recordings;
    private final Path log;

    private AgentProcess(Process process, Path recordings, Path log) {
        this.process = process;
        this.recordings = recordings;
        this.log = log;
    }

    /** Starts {@code vn.loa.node.Main} in {@code namespace}, connecting to {@code serverUrl}. */
    public static AgentProcess start(String namespace, String serverUrl, String nodeId, String token)
            throws IOException {
        Path folder = TempDirs.create("loa-field-agent-");
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        Path log = folder.resolve("agent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx96m"));
        command.addAll(ServerProcess.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.loa.node.Main", "--server", serverUrl,
                "--id", nodeId, "--token", token, "--record", recordings.toString()));
        Process process = FieldNetwork.start(namespace, log, command);
        return new AgentProcess(process, recordings, log);
    }

    /** The recording of announcement {@code id}, once its file exists. */
    public Optional<Path> recording(long id) {
        try (var files = Files.list(recordings)) {
            return files.filter(f -> f.getFileName().toString().startsWith(id + "-") && f.toString().endsWith(".wav"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The server's UDP port the agent sends its keepalives to, from its log, once it has been welcomed. */
    public java.util.OptionalInt keepalivePort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("keepalives to [^ ]+:(\\d+) every").matcher(log());
        return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }

    /** The longest run of concealed audio in the agent's recording of {@code id}, in ms, from the take's log line. */
    public long longestGapMillis(long id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("announcement " + id
                + ": \\d+ ms[^\\n]*?longest gap (\\d+) ms").matcher(log());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * The agent's threads as {@code jcmd Thread.print} shows them (its process is the JVM: {@code ip netns exec}
     * replaces itself), for a test that finds the agent stuck.
     */
    public String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** The jitter buffer's delay when the agent's take of {@code id} ended, in ms, from its log line; -1 if none. */
    public long bufferMillisAtEnd(long id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("announcement " + id
                + ": \\d+ ms[^\\n]*?jitter buffer (\\d+) ms").matcher(log());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** What the agent has logged so far, for a failing test's message. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
