package vn.loa.wire.rtp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a receiver needs to play one zone's audio stream: where the packets go, which codec, and the packet time.
 *
 * @param sessionName shown by players; a zone's name, Vietnamese allowed (SDP text is UTF-8)
 * @param sessionId an id that stays the same for the zone's stream, such as a hash of the zone id
 * @param sessionVersion raised whenever the description changes (a new codec or address)
 * @param origin the address of the sending server
 * @param destination a node's unicast address, or the zone's multicast group
 * @param multicastTtl hops a multicast stream may cross (IPv4 only; ignored for unicast)
 * @param port the RTP port; RTCP uses the next one up, the default, so no {@code a=rtcp} is written
 * @param packetTimeMillis audio per packet, 20 ms by default
 */
public record StreamDescription(
        String sessionName,
        long sessionId,
        long sessionVersion,
        InetAddress origin,
        InetAddress destination,
        int multicastTtl,
        int port,
        RtpMap rtpMap,
        int packetTimeMillis) {

    public StreamDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(rtpMap, "rtpMap");
        if (sessionName.isBlank() || sessionName.contains("\r") || sessionName.contains("\n")) {
            throw new IllegalArgumentException("session name must be one non-blank line: '" + sessionName + "'");
        }
        if (port <= 0 || port > 65535 || port % 2 != 0) {
            throw new IllegalArgumentException("RTP port must be even and in range (RFC 3550 §11): " + port);
        }
        if (destination.isMulticastAddress() && (multicastTtl < 1 || multicastTtl > 255)) {
            throw new IllegalArgumentException("multicast TTL must be 1..255: " + multicastTtl);
        }
        if (sessionId < 0 || sessionVersion < 0 || packetTimeMillis <= 0) {
            throw new IllegalArgumentException("session id, version and packet time must be positive");
        }
    }
}
