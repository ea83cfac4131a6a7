package vn.loa.bench.fanout;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The short table {@code ./loa bench fanout} prints as it goes, one line per run. */
final class FanoutTable {

    private boolean headed;

    void print(FanoutFigures f) {
        head();
        System.out.printf(Locale.ROOT, "%-8s %6d %5d %9d %6d %8.2f %8.2f %8.1f %10.2f %8.1f %s%n", "loa " + f.codec(),
                f.nodes(), f.zones(), Math.round(f.sentPerSecond()), f.lost() + f.sendFailures(),
                f.sendP50Ms(), f.sendP99Ms(), f.cpuPercent(), f.cpuPerThousand(), f.receiverCpuPercent(),
                f.passes() ? "pass" : "FAIL");
    }

    void print(IcecastFigures p) {
        head();
        System.out.printf(Locale.ROOT, "%-8s %6d %5s %9s %6s %8s %8s %8.1f %10.2f %8.1f %s%n", "icecast",
                p.listeners(), "-", "-", "-", "-", "-", p.cpuPercent(), p.cpuPerThousand(),
                p.listenersCpuPercent(), p.keepsUp() ? "keeps up" : "SLOW (" + p.connected() + " connected, slowest "
                        + Math.round(p.fewestBytesPerSecond()) + " B/s)");
    }

    void summary(JsonObject result) {
        System.out.println("largest passing node count: " + result.getJsonObject("largestPassingNodes").encode());
        System.out.println("by node count: " + result.getJsonObject("byNodeCount").encode());
    }

    private void head() {
        if (!headed) {
            headed = true;
            System.out.printf(Locale.ROOT, "%-8s %6s %5s %9s %6s %8s %8s %8s %10s %8s %s%n", "sender", "nodes",
                    "zones", "sent/s", "lost", "p50 ms", "p99 ms", "cpu %", "cpu%/1000", "peer %", "verdict");
        }
    }
}
