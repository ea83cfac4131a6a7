package vn.loa.wire.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.loa.wire.rtp.MalformedPacketException;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtcpReceiverReport;

/**
 * Converts {@link Keepalive}s to and from datagrams. Pure: bytes and a key in, bytes or a keepalive out.
 *
 * <p>The datagram is an RTCP APP packet (RFC 3550 §6.7, packet type 204, name {@code LOA1}), so it shares the RTP
 * port with the stream and is told apart from RTP by its second byte (RFC 5761 §4); subtype 0 is the agent's
 * keepalive, 1 the server's answer. After the name: the counter and the send time (8 bytes each), the node id (a
 * length byte and UTF-8, zero-padded to a 4-byte boundary), then the first 16 bytes of an HMAC-SHA256 of everything
 * before it under the session's keepalive key, which only the server and the agent hold: a datagram from anywhere
 * else cannot move a node's stream.
 */
public final class KeepaliveCodec {

    /** RTCP APP. */
    static final int PACKET_TYPE = 204;
    private static final byte[] NAME = "LOA1".getBytes(StandardCharsets.US_ASCII);
    static final int MAC_LENGTH = 16;
    /** Node ids are short; the length byte allows 255. */
    private static final int MAX_NODE_ID = 255;

    private KeepaliveCodec() {
    }

    /** Whether a datagram that arrived on an RTP port is one of these rather than RTP: cheap, for demultiplexing. */
    public static boolean looksLikeKeepalive(byte[] datagram) {
        int at = appOffset(datagram);
        return at >= 0 && datagram.length >= at + 12 && (datagram[at] & 0xC0) == 0x80
                && (datagram[at + 1] & 0xFF) == PACKET_TYPE && Arrays.equals(datagram, at + 8, at + 12, NAME, 0, 4);
    }

    /** Where the APP packet starts: 0, or after a receiver report that leads the compound packet; -1 for neither. */
    private static int appOffset(byte[] datagram) {
        if (datagram.length < 4 || (datagram[0] & 0xC0) != 0x80) {
            return -1;
        }
        int type = datagram[1] & 0xFF;
        if (type == PACKET_TYPE) {
            return 0;
        }
        return type == RtcpReceiverReport.PACKET_TYPE ? 4 * ((ByteBuffer.wrap(datagram).getShort(2) & 0xFFFF) + 1) : -1;
    }

    public static byte[] encode(Keepalive keepalive, byte[] key) {
        byte[] id = keepalive.nodeId().getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_NODE_ID) {
            throw new IllegalArgumentException("node id of 1 to " + MAX_NODE_ID + " bytes");
        }
        byte[] report = keepalive.report() == null ? new byte[0] : RtcpCodec.encode(keepalive.report());
        int idField = (1 + id.length + 3) / 4 * 4;
        int appLength = 12 + 16 + idField + MAC_LENGTH;
        int length = report.length + appLength;
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(report);
        out.put((byte) (0x80 | (keepalive.answer() ? 1 : 0))).put((byte) PACKET_TYPE)
                .putShort((short) (appLength / 4 - 1)).putInt(0).put(NAME)
                .putLong(keepalive.counter()).putLong(keepalive.sentAtMillis())
                .put((byte) id.length).put(id);
        out.position(length - MAC_LENGTH);
        out.put(mac(key, out.array(), length - MAC_LENGTH));
        return out.array();
    }

    /**
     * Reads and checks a datagram. {@code keys} gives the keepalive key of a node id, empty for a node that has no
     * session; a datagram that is malformed, names such a node or carries a wrong signature is refused.
     */
    public static Keepalive decode(byte[] datagram, Function<String, Optional<byte[]>> keys) {
        int at = appOffset(datagram);
        int appLength = datagram.length - at;
        if (!looksLikeKeepalive(datagram) || datagram.length % 4 != 0 || appLength < 12 + 16 + 4 + MAC_LENGTH
                || appLength > 12 + 16 + 256 + MAC_LENGTH) {
            throw new MalformedControlMessage("not a keepalive datagram");
        }
        ByteBuffer in = ByteBuffer.wrap(datagram);
        if ((in.getShort(at + 2) & 0xFFFF) != appLength / 4 - 1) {
            throw new MalformedControlMessage("keepalive length field does not match the datagram");
        }
        boolean answer = (datagram[at] & 0x1F) == 1;
        long counter = in.getLong(at + 12);
        long sentAt = in.getLong(at + 20);
        int idLength = datagram[at + 28] & 0xFF;
        if (idLength == 0 || at + 29 + idLength > datagram.length - MAC_LENGTH) {
            throw new MalformedControlMessage("keepalive node id does not fit");
        }
        String nodeId = new String(datagram, at + 29, idLength, StandardCharsets.UTF_8);
        byte[] key = keys.apply(nodeId)
                .orElseThrow(() -> new MalformedControlMessage("keepalive of a node without a session"));
        byte[] expected = mac(key, datagram, datagram.length - MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(datagram, datagram.length - MAC_LENGTH,
                datagram.length))) {
            throw new MalformedControlMessage("keepalive signature does not match");
        }
        RtcpReceiverReport report = null;
        if (at > 0) {
            try {
                report = RtcpCodec.decodeReceiverReport(Arrays.copyOf(datagram, at));
            } catch (MalformedPacketException e) {
                throw new MalformedControlMessage("keepalive's receiver report: " + e.getMessage());
            }
        }
        return new Keepalive(answer, nodeId, counter, sentAt, report);
    }

    private static byte[] mac(byte[] key, byte[] data, int length) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(data, 0, length);
            return Arrays.copyOf(hmac.doFinal(), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
