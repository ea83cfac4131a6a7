package vn.loa.wire.rtp;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Writes the SDP (RFC 4566) of a zone stream, as served at {@code /api/v1/streams/{zone}.sdp} for VLC, ffplay,
 * GStreamer and IP speakers.
 *
 * <p>Stateless and thread-safe. The description is declarative (no offer/answer): receivers listen on the port of
 * the {@code m=} line at the {@code c=} address.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /** The SDP text, lines ending in CRLF as RFC 4566 §5 requires. */
    public static String write(StreamDescription stream) {
        RtpMap map = stream.rtpMap();
        StringBuilder sdp = new StringBuilder(256);
        line(sdp, "v=0");
        // "-" as the user name: Loa has no notion of an SDP user (RFC 4566 §5.2).
        line(sdp, "o=- " + stream.sessionId() + " " + stream.sessionVersion() + " " + address(stream.origin()));
        line(sdp, "s=" + stream.sessionName());
        line(sdp, "c=" + connection(stream));
        // An unbounded session: the zone stream is always there, silent or not.
        line(sdp, "t=0 0");
        line(sdp, "a=tool:loa");
        line(sdp, "m=audio " + stream.port() + " RTP/AVP " + map.payloadType());
        line(sdp, "a=rtpmap:" + map.attributeValue());
        if (map.formatParameters() != null) {
            line(sdp, "a=fmtp:" + map.payloadType() + " " + map.formatParameters());
        }
        line(sdp, "a=ptime:" + stream.packetTimeMillis());
        line(sdp, "a=recvonly");
        return sdp.toString();
    }

    private static String connection(StreamDescription stream) {
        InetAddress destination = stream.destination();
        // IPv4 multicast must carry the TTL (§5.7); IPv6 has no TTL field in c=.
        if (destination.isMulticastAddress() && !(destination instanceof Inet6Address)) {
            return address(destination) + "/" + stream.multicastTtl();
        }
        return address(destination);
    }

    private static String address(InetAddress address) {
        String family = address instanceof Inet6Address ? "IP6" : "IP4";
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return "IN " + family + " " + (scope < 0 ? text : text.substring(0, scope));
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append(CRLF);
    }
}
