package vn.loa.bench.fanout;

import io.vertx.core.json.JsonObject;

/**
 * What one Icecast run measured over its window.
 *
 * @param listeners listeners asked for
 * @param connected listeners that got the stream's headers
 * @param fewestBytesPerSecond the slowest listener's rate; a 64 kb/s stream is 8,000 B/s
 * @param cpuPercent the icecast2 process's CPU, in % of one core
 * @param listenersCpuPercent the listeners' process's CPU, in % of one core (for context)
 */
record IcecastFigures(int listeners, int connected, double seconds, long bytes, double fewestBytesPerSecond,
        double cpuPercent, double listenersCpuPercent) {

    double cpuPerThousand() {
        return cpuPercent * 1000.0 / listeners;
    }

    /** Every listener connected and none fell below 90% of the stream's rate. */
    boolean keepsUp() {
        return connected == listeners && fewestBytesPerSecond >= 0.9 * 8000;
    }

    JsonObject json() {
        return new JsonObject().put("listeners", listeners).put("connected", connected)
                .put("seconds", FanoutFigures.round(seconds)).put("bytesReceived", bytes)
                .put("slowestListenerBytesPerSecond", FanoutFigures.round(fewestBytesPerSecond))
                .put("cpuPercentOfOneCore", FanoutFigures.round(cpuPercent))
                .put("cpuPercentPer1000Listeners", FanoutFigures.round(cpuPerThousand()))
                .put("listenersCpuPercent", FanoutFigures.round(listenersCpuPercent)).put("keepsUp", keepsUp());
    }
}
