package vn.loa.server.air;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.loa.wire.rtp.RtcpReportBlock;

/**
 * What an agent last said it heard of its stream, from the RTCP receiver report in its signed keepalive: the link's
 * loss and jitter as the node measures them (RFC 3550 §6.4.1), before the node conceals anything.
 *
 * @param fractionLost share of packets lost since the agent's previous report, 0 to 1
 * @param cumulativeLost packets lost since the stream began at the node
 * @param jitterMs interarrival jitter, milliseconds
 * @param highestSequence extended highest sequence number received: the same in two reports means nothing came
 * @param at when the report arrived
 */
record LinkReport(double fractionLost, long cumulativeLost, double jitterMs, long highestSequence, Instant at) {

    static LinkReport of(RtcpReportBlock block, int clockRate, Instant at) {
        return new LinkReport(block.fractionLost() / 256.0, block.cumulativeLost(),
                Math.round(block.jitter() * 10_000.0 / clockRate) / 10.0, block.highestSequence(), at);
    }

    JsonObject toJson() {
        return new JsonObject().put("fractionLost", Math.round(fractionLost * 1000) / 1000.0)
                .put("cumulativeLost", cumulativeLost).put("jitterMs", jitterMs).put("at", at.toString());
    }
}
