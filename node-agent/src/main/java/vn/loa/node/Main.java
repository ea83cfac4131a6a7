package vn.loa.node;

import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node agent's command: {@code ./loa node --server URL --id ID --token T [--record DIR] [--rtp-port P]
 * [--volume N]}. Exit code 2 for a bad command line, 1 when the agent cannot start; otherwise it runs until stopped.
 */
public final class Main {

    static final int BAD_ARGUMENTS = 2;
    static final int CANNOT_START = 1;
    /** Not an exit code: the agent is running and the process stays up. */
    static final int RUNNING = -1;

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // One line per event: the default two-line format is hard to read on a small board's console.
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        }
        int code = run(args, System.out, System.err);
        if (code != RUNNING) {
            System.exit(code);
        }
    }

    /** Runs the command; returns an exit code, or {@link #RUNNING} once the agent is up. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (AgentArguments.wantsHelp(args)) {
            out.print(AgentArguments.USAGE);
            return 0;
        }
        AgentOptions options;
        try {
            options = AgentArguments.parse(args);
        } catch (BadArgumentsException e) {
            err.println("Lỗi / Error: " + e.getMessage());
            err.println();
            err.print(AgentArguments.USAGE);
            return BAD_ARGUMENTS;
        }
        NodeAgent agent;
        try {
            agent = NodeAgent.start(options, AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            err.println("Không khởi động được loa / The node agent could not start: " + describe(e.getCause(), options));
            return CANNOT_START;
        } catch (TimeoutException e) {
            err.println("Không khởi động được loa / The node agent could not start in 30 s");
            return CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "loa-shutdown"));
        out.println("Loa node " + options.nodeId() + " " + NodeAgent.VERSION + ": RTP UDP port " + agent.rtpPort()
                + ", " + agent.sink().description() + ", server " + options.server());
        return RUNNING;
    }

    private static String describe(Throwable cause, AgentOptions options) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof java.net.BindException || message.contains("Address already in use")) {
            return "cổng RTP " + options.rtpPort() + " đang bận / RTP port " + options.rtpPort() + " is in use";
        }
        return message;
    }
}
