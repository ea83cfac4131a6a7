package vn.loa.server.config;

import java.time.Duration;
import java.util.Properties;

/**
 * How a zone's RTP crosses the field network: the router hops unicast and multicast may cross, how often Loa's node
 * agents send the keepalives that open their NAT's path back to them (below carriers' UDP timeouts of about 30 s),
 * and the host name agents send them to when it is not the host of their control connection (a reverse proxy in
 * front of the web server, the RTP port on another address).
 *
 * @param publicHost where agents send keepalives, or null for the host of their server URL
 * @param heartbeat  how often agents report their state on the control channel; three missed and the server closes
 *                   the channel, so the agent reconnects
 */
public record RtpSettings(int unicastTtl, int multicastTtl, Duration keepalive, String publicHost, Duration heartbeat) {

    static RtpSettings from(Properties p) {
        String host = p.getProperty("rtp.public.host", "").trim();
        return new RtpSettings(ConfigLoader.integer(p, "rtp.unicast.ttl", 1, 255),
                ConfigLoader.integer(p, "rtp.multicast.ttl", 1, 255),
                Duration.ofSeconds(ConfigLoader.integer(p, "rtp.keepalive", 1, 300)),
                host.isEmpty() ? null : host,
                Duration.ofSeconds(ConfigLoader.integer(p, "node.heartbeat", 1, 300)));
    }
}
