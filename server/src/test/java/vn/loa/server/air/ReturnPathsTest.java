package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.Keepalive;
import vn.loa.wire.control.KeepaliveCodec;
import vn.loa.core.media.StreamCodec;
import vn.loa.wire.rtp.RtcpReceiverReport;
import vn.loa.wire.rtp.RtcpReportBlock;

class ReturnPathsTest {

    private static final InetSocketAddress DECLARED = new InetSocketAddress("10.77.2.2", 40000);
    private static final InetSocketAddress NAT = new InetSocketAddress("10.77.2.2", 31337);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("203.0.113.9", 5004);

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneOffset.UTC);
    private final NodeSessions sessions = new NodeSessions();
    private final List<String> zonesChanged = new ArrayList<>();
    private final List<InetSocketAddress> answeredTo = new ArrayList<>();
    private final ReturnPaths paths = new ReturnPaths(sessions, clock);
    private final NodeSession session = new NodeSession("loa-4g", "thon-a", StreamCodec.PCMU, DECLARED, null,
            clock.instant(), java.time.Duration.ofSeconds(15));

    ReturnPathsTest() {
        sessions.onZoneChanged(zonesChanged::add);
        sessions.add(session);
        zonesChanged.clear();
    }

    private void heard(InetSocketAddress from, byte[] datagram) {
        paths.heard(from, datagram, (to, answer) -> answeredTo.add(to));
    }

    @Test
    void aSignedKeepaliveMovesTheStreamToWhereItCameFromAndIsAnsweredThere() {
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 1, 0), session.keepaliveKey()));

        assertThat(session.rtpAddress()).isEqualTo(NAT);
        assertThat(zonesChanged).containsExactly("thon-a");
        assertThat(answeredTo).containsExactly(NAT);
    }

    @Test
    void theReceiverReportInASignedKeepaliveShowsInTheNodesLinkFigures() {
        RtcpReceiverReport heard = new RtcpReceiverReport(0x77, List.of(new RtcpReportBlock(0x5E, 13, 52, 70_000, 96,
                0, 0)));
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 1, 0, heard), session.keepaliveKey()));

        io.vertx.core.json.JsonObject link = sessions.describe(node(), clock.instant()).getJsonObject("path")
                .getJsonObject("link");
        assertThat(link.getDouble("fractionLost")).isEqualTo(0.051); // 13 / 256
        assertThat(link.getLong("cumulativeLost")).isEqualTo(52);
        assertThat(link.getDouble("jitterMs")).isEqualTo(12.0); // 96 units of 8 kHz
    }

    @Test
    void aReportSignedWithAnotherKeyIsNotShown() {
        RtcpReceiverReport forged = new RtcpReceiverReport(0x77, List.of(new RtcpReportBlock(0x5E, 0, 0, 70_000, 0,
                0, 0)));
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 1, 0, forged), new byte[32]));

        assertThat(sessions.describe(node(), clock.instant()).getJsonObject("path").getValue("link")).isNull();
    }

    @Test
    void aNodeWhoseReportsShowNothingArrivingWhileItWasSentAudioIsUdpSilentAndItsDataIsCounted() {
        ChannelRelay stream = new ChannelRelay(new vn.loa.core.media.ZoneOutput() {
            @Override
            public void send(vn.loa.wire.rtp.RtpPacket packet) {
            }

            @Override
            public void sendControl(byte[] rtcp) {
            }
        });
        stream.reachOverUdp(List.of(session));
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 1, 0, reportUpTo(5000)), session.keepaliveKey()));
        for (int k = 0; k < 3; k++) {
            stream.send(new vn.loa.wire.rtp.RtpPacket(false, 0, 5001 + k, 160L * k, 0x5E, new byte[160]));
        }

        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 2, 0, reportUpTo(5000)), session.keepaliveKey()));
        io.vertx.core.json.JsonObject path = sessions.describe(node(), clock.instant()).getJsonObject("path");
        assertThat(path.getBoolean("udpSilent")).isTrue();
        assertThat(path.getLong("udpBytes")).isEqualTo(3 * (12 + 160 + 28));

        stream.send(new vn.loa.wire.rtp.RtpPacket(false, 0, 5004, 480, 0x5E, new byte[160]));
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 3, 0, reportUpTo(5004)), session.keepaliveKey()));
        assertThat(sessions.describe(node(), clock.instant()).getJsonObject("path").getBoolean("udpSilent")).isFalse();
    }

    private static RtcpReceiverReport reportUpTo(long highestSequence) {
        return new RtcpReceiverReport(0x77, List.of(new RtcpReportBlock(0x5E, 0, 0, highestSequence, 8, 0, 0)));
    }

    private static vn.loa.core.model.Node node() {
        return new vn.loa.core.model.Node("loa-4g", "Loa 4G", "thon-a", vn.loa.core.model.NodeKind.AGENT, null, null);
    }

    @Test
    void aForgedOrReplayedKeepaliveMovesNothing() {
        byte[] genuine = KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 5, 0), session.keepaliveKey());
        heard(NAT, genuine);

        heard(ELSEWHERE, genuine); // replayed from elsewhere
        heard(ELSEWHERE, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 6, 0), new byte[32])); // wrong key
        heard(ELSEWHERE, KeepaliveCodec.encode(new Keepalive(true, "loa-4g", 7, 0), session.keepaliveKey()));

        assertThat(session.rtpAddress()).isEqualTo(NAT);
        assertThat(answeredTo).containsExactly(NAT);
        assertThat(paths.refused()).isEqualTo(3);
    }

    @Test
    void aNatThatRemapsIsFollowedByTheNextKeepalive() {
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 1, 0), session.keepaliveKey()));
        InetSocketAddress remapped = new InetSocketAddress("10.77.2.2", 45001);

        heard(remapped, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 2, 0), session.keepaliveKey()));

        assertThat(session.rtpAddress()).isEqualTo(remapped);
        assertThat(zonesChanged).containsExactly("thon-a", "thon-a");
    }

    @Test
    void aFloodOfForgedKeepalivesIsCheckedOnlyUpToTheLimitEachSecond() {
        byte[] forged = KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 9, 0), new byte[32]);
        for (int i = 0; i < ReturnPaths.CHECKS_PER_SECOND; i++) {
            heard(ELSEWHERE, forged);
        }

        // Past the limit, this second (the clock stands still here), not even a genuine one is checked.
        heard(NAT, KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 10, 0), session.keepaliveKey()));
        assertThat(session.rtpAddress()).isEqualTo(DECLARED);
        assertThat(paths.taken()).isZero();
    }
}
