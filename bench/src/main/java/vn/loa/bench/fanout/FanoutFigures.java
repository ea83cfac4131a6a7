package vn.loa.bench.fanout;

import io.vertx.core.json.JsonObject;

/**
 * What one fan-out run measured over its window.
 *
 * @param sentPerSecond RTP datagrams sent per second in the window; nodes x 50 when no tick was skipped
 * @param sent RTP datagrams sent over the whole run (warm-up and window)
 * @param received RTP datagrams the nodes received over the whole run, read to the end
 * @param gaps packets missing from the nodes' sequence numbers over the whole run
 * @param windowGaps the same from the window's start to the end of the stream: the datagrams lost
 * @param silentNodes nodes that received nothing in the window
 * @param kernelDrops UDP datagrams the kernel dropped in the window, machine-wide (other processes' too)
 * @param sendFailures sends that failed in the fan-out
 * @param sendP50Ms median of how late a zone's round of packets finished leaving after its 20 ms deadline
 * @param cpuPercent the sending process's CPU, in % of one core
 * @param receiverCpuPercent the receivers' process's CPU, in % of one core (for context)
 */
record FanoutFigures(String codec, int nodes, int zones, double seconds, double sentPerSecond, long sent,
        long received, long gaps, long windowGaps,
        long silentNodes, long kernelDrops, long sendFailures, double sendP50Ms, double sendP99Ms, double sendMaxMs,
        double arrivalP50Ms, double arrivalP99Ms, double cpuPercent, double receiverCpuPercent) {

    /**
     * The pass mark of the benchmark: nothing lost from the window's start on, no packet time skipped (the pacer
     * skips ticks when it falls more than 100 ms behind), and 99% of rounds out within 5 ms of their deadline.
     */
    boolean passes() {
        return lost() == 0 && silentNodes == 0 && sendFailures == 0 && sentPerSecond >= 0.99 * nodes * 50
                && sendP99Ms < 5.0;
    }

    /**
     * Datagrams the nodes missed from the window's start to the end of the stream. The warm-up is left out: there
     * both processes are still compiling, and a node process running in the interpreter overflows its queues.
     */
    long lost() {
        return windowGaps;
    }

    /** Datagrams missed during the warm-up, reported beside the pass mark. */
    long lostInWarmUp() {
        return Math.max(0, sent - received - windowGaps);
    }

    /** CPU in % of one core per 1,000 nodes. */
    double cpuPerThousand() {
        return cpuPercent * 1000.0 / nodes;
    }

    JsonObject json() {
        return new JsonObject().put("codec", codec).put("nodes", nodes).put("zones", zones)
                .put("seconds", round(seconds)).put("sentPerSecond", Math.round(sentPerSecond))
                .put("expectedPerSecond", nodes * 50).put("datagramsSent", sent).put("datagramsReceived", received)
                .put("lost", lost()).put("lostInWarmUp", lostInWarmUp())
                .put("sequenceGaps", gaps).put("silentNodes", silentNodes).put("kernelUdpDrops", kernelDrops)
                .put("sendFailures", sendFailures).put("sendErrorP50Ms", round(sendP50Ms))
                .put("sendErrorP99Ms", round(sendP99Ms)).put("sendErrorMaxMs", round(sendMaxMs))
                .put("arrivalLatenessP50Ms", round(arrivalP50Ms)).put("arrivalLatenessP99Ms", round(arrivalP99Ms))
                .put("cpuPercentOfOneCore", round(cpuPercent)).put("cpuPercentPer1000Nodes", round(cpuPerThousand()))
                .put("receiversCpuPercent", round(receiverCpuPercent)).put("passes", passes());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
