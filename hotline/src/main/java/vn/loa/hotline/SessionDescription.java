package vn.loa.hotline;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caller's SDP offer as far as the hotline needs it (RFC 4566, RFC 3264): where their audio comes from and goes to,
 * which G.711 law to use, and the payload type of their telephone events; and the answer Loa sends back. Pure.
 *
 * @param media         the caller's RTP address
 * @param payloadType   0 (PCMU) or 8 (PCMA), the first of the two the caller offered
 * @param eventPayload  the caller's telephone-event payload type, or -1 when it offered none
 */
public record SessionDescription(InetSocketAddress media, int payloadType, int eventPayload) {

    /** Thrown for an offer the hotline cannot answer; the message says why. */
    public static final class Unacceptable extends Exception {
        public Unacceptable(String message) {
            super(message, null, false, false);
        }
    }

    public static SessionDescription parseOffer(String sdp) throws Unacceptable {
        if (sdp == null || sdp.length() > 16_384) {
            throw new Unacceptable("no SDP offer, or one over 16 KB");
        }
        String sessionHost = null;
        String mediaHost = null;
        int port = -1;
        List<Integer> offered = new ArrayList<>();
        int events = -1;
        boolean inAudio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                String[] parts = line.substring(2).split("\\s+");
                inAudio = parts.length >= 4 && parts[0].equals("audio") && port < 0;
                if (inAudio) {
                    port = number(parts[1]);
                    for (int i = 3; i < parts.length; i++) {
                        offered.add(number(parts[i]));
                    }
                }
            } else if (line.startsWith("c=")) {
                String[] parts = line.substring(2).split("\\s+");
                if (parts.length == 3 && parts[1].equals("IP4")) {
                    if (inAudio) {
                        mediaHost = parts[2];
                    } else if (port < 0) {
                        sessionHost = parts[2];
                    }
                }
            } else if (inAudio && line.toLowerCase(Locale.ROOT).startsWith("a=rtpmap:")
                    && line.toLowerCase(Locale.ROOT).contains("telephone-event/8000")) {
                events = number(line.substring(9).split("\\s+")[0]);
            }
        }
        String host = mediaHost != null ? mediaHost : sessionHost;
        if (host == null || port <= 0 || port > 65535) {
            throw new Unacceptable("the offer has no IPv4 audio address and port");
        }
        int chosen = offered.stream().filter(pt -> pt == 0 || pt == 8).findFirst()
                .orElseThrow(() -> new Unacceptable("the offer has neither PCMU (0) nor PCMA (8)"));
        return new SessionDescription(new InetSocketAddress(host, port), chosen, events);
    }

    /** Loa's answer: the chosen law and the caller's telephone-event type, at {@code host:port}. */
    public String answer(String host, int port, long sessionId) {
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=loa ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 ").append(host).append("\r\n")
                .append("s=Loa hotline\r\n")
                .append("c=IN IP4 ").append(host).append("\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ").append(port).append(" RTP/AVP ").append(payloadType);
        if (eventPayload >= 0) {
            sdp.append(' ').append(eventPayload);
        }
        sdp.append("\r\n").append("a=rtpmap:").append(payloadType).append(payloadType == 0 ? " PCMU/8000" : " PCMA/8000")
                .append("\r\n");
        if (eventPayload >= 0) {
            sdp.append("a=rtpmap:").append(eventPayload).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(eventPayload).append(" 0-15\r\n");
        }
        return sdp.append("a=ptime:20\r\na=sendrecv\r\n").toString();
    }

    private static int number(String s) throws Unacceptable {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new Unacceptable("not a number in the offer: " + s);
        }
    }
}
