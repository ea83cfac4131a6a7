package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.AgentProcess;
import vn.loa.server.testing.FieldNetwork;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.ToneTimes;
import vn.loa.server.testing.Uploads;

/**
 * What the field network ({@link FieldNetworkSuite}) must keep within milliseconds: the stream following a restarted
 * NAT within a keepalive, no gap past concealment through 80 ms of jitter, and an HTTP stream less than a second behind
 * RTP. The paths themselves are tested in {@link FieldNetworkPathsIT}, beside other ITs.
 */
@RunsAlone("asserts RTP gaps in milliseconds, a NAT followed within 6 s and an HTTP stream within a second of RTP")
class FieldNetworkIT extends FieldNetworkSuite {

    @Test
    void whenTheNatRestartsMidBroadcastTheStreamFollowsTheNewMappingWithinAKeepalive() throws Exception {
        String before = path(natNode).getString("observed");
        long id = emergency(natZone);
        awaitThat(() -> "ON_AIR".equals(state(id)), "the emergency is on air", natAgent);
        Thread.sleep(1500); // deliberate: the restart comes mid-broadcast, after a while on the old mapping

        network.restartNat();
        long restarted = System.nanoTime();
        // The restart also cuts the agent's TCP connection: until it is back the node may have no path at all.
        awaitThat(() -> path(natNode) != null && !before.equals(path(natNode).getString("observed")),
                "the new mapping is followed", natAgent);
        double followedAfter = (System.nanoTime() - restarted) / 1e9;

        // The restart also cut the agent's TCP connection: its stop may be lost, so the end is reported as received.
        awaitThat(() -> List.of("PLAYED", "RECEIVED").contains(deliveryState(id, natNode)), "the agent reported it",
                natAgent);
        assertThat(followedAfter).as("seconds until the stream followed the NAT's new port")
                .isLessThan(KEEPALIVE_SECONDS * 3);
        assertThat(seconds(natAgent.recording(id).orElseThrow())).isGreaterThan(spokenSeconds() * 0.9);
        // At most about a keepalive's worth of the notice was lost to the restart, and concealed.
        assertThat(packetsLost(natAgent.log(), id)).as(natAgent.log())
                .isLessThanOrEqualTo((KEEPALIVE_SECONDS + 2) * 50);
    }

    /**
     * This kernel has no netem: a relay on the router ({@link FieldNetwork#jitterRelay}) delays each datagram of the
     * downlink by a random 0-80 ms, so packets 20 ms apart arrive out of order, and the agent's jitter buffer must
     * measure that and wait long enough, but no longer.
     */
    @Test
    void throughEightyMillisecondsOfJitterAndReorderingTheRecordingHasNoGapLongerThanConcealmentCovers()
            throws Exception {
        String zone = zone("thon-song", "Thôn Sóng");
        String node = Province.unique("loa-song");
        String port = serverUrl.substring(serverUrl.lastIndexOf(':') + 1);
        network.serverAtGateway(Integer.parseInt(port));
        Path folder = TempDirs.create("loa-field-jitter-");
        Process relay = null;
        try (AgentProcess agent = AgentProcess.start(FieldNetwork.LAN, "http://" + FieldNetwork.LAN_GATEWAY + ":"
                + port, node, agentNode(node, zone))) {
            awaitThat(() -> agent.keepalivePort().isPresent(), "the agent is welcomed", agent);
            relay = FieldNetwork.jitterRelay(agent.keepalivePort().getAsInt(), 80, 0, folder.resolve("relay.log"));
            awaitThat(() -> path(node) != null && "udp".equals(path(node).getString("via"))
                    && String.valueOf(path(node).getString("observed")).startsWith(FieldNetwork.ROUTER_UPLINK + ":"),
                    "the agent's keepalives come through the relay", agent);

            long id = emergency(zone);
            awaitThat(() -> "PLAYED".equals(deliveryState(id, node)), "the agent played it", agent);

            double expected = spokenSeconds();
            assertThat(seconds(agent.recording(id).orElseThrow())).isGreaterThan(expected * 0.9);
            // Concealment covers a gap of up to 60 ms (three 20 ms packets) without a listener noticing a hole.
            assertThat(agent.longestGapMillis(id)).as(agent.log()).isLessThanOrEqualTo(60);
            assertThat(packetsLost(agent.log(), id)).as("packets concealed\n%s", agent.log())
                    .isLessThanOrEqualTo((long) (expected * 50 * 0.02));
            JsonObject link = path(node).getJsonObject("link");
            assertThat(link).as("the agent's receiver report reached the server").isNotNull();
            assertThat(link.getDouble("jitterMs")).as("the jitter the agent measured").isGreaterThan(5.0);
            // The buffer waits about as long as the jitter needs (0-80 ms, plus a margin), not a fixed 120 ms.
            assertThat(agent.bufferMillisAtEnd(id)).as(agent.log()).isBetween(60L, 110L);
        } finally {
            if (relay != null) {
                relay.destroyForcibly();
            }
        }
    }

    @Test
    void aBoxPullingTheZonesHttpStreamThroughTheNatHearsAnEmergencyCutAProgrammeWithinASecondOfRtp()
            throws Exception {
        String zone = zone("thon-hop-loa", "Thôn Hộp Loa");
        String box = Province.unique("hop-4g");
        String token = streamBox(box, "Hộp loa 4G", zone);
        Path folder = TempDirs.create("loa-field-box-");
        String programme = upload(folder, 440, 30);
        String alert = upload(folder, 1000, 4);
        ToneTimes rtpAlert = new ToneTimes(1000, 440);
        ToneTimes boxProgramme = new ToneTimes(440, 1000);
        ToneTimes boxAlert = new ToneTimes(1000, 440);
        try (java.net.DatagramSocket rtp = new java.net.DatagramSocket(0,
                java.net.InetAddress.getLoopbackAddress())) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-rtp"))
                    .put("name", "Loa IP").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + rtp.getLocalPort()).put("codec", "PCMU")));
            Thread rtpReader = daemon(() -> readRtp(rtp, rtpAlert));
            String url = serverUrl.replace("http://", "http://" + box + ":" + token + "@") + "/streams/" + zone
                    + ".opus";
            Process ffmpeg = new ProcessBuilder(List.of("ip", "netns", "exec", FieldNetwork.CPE, "ffmpeg", "-nostdin",
                    "-loglevel", "error", "-fflags", "nobuffer", "-probesize", "32", "-analyzeduration", "0",
                    "-i", url, "-f", "s16le", "-ac", "1", "-ar", "8000", "-flush_packets", "1", "pipe:1"))
                    .redirectError(folder.resolve("ffmpeg.log").toFile()).start();
            Thread boxReader = daemon(() -> readPcm(ffmpeg, boxProgramme, boxAlert));
            try {
                awaitThat(() -> province.technicianA.get("/api/v1/nodes/" + box).json().getJsonObject("listening")
                        != null, "the box pulls its zone's stream", natAgent);
                long notice = created(province.clerkA.post("/api/v1/announcements", new JsonObject()
                        .put("title", "Chương trình ca nhạc").put("audioId", programme).put("chime", false)
                        .put("zones", new JsonArray().add(zone)))).json().getLong("id");
                province.clerkA.post("/api/v1/announcements/" + notice + "/submit", null);
                province.approverA.post("/api/v1/announcements/" + notice + "/approve", null);
                province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
                awaitThat(() -> boxProgramme.firstHeard() > 0, "the box hears the programme: " + log(folder
                        .resolve("ffmpeg.log")), natAgent);

                long emergency = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                        .put("title", "Báo động").put("audioId", alert).put("priority", "EMERGENCY")
                        .put("chime", false).put("zones", new JsonArray().add(zone)))).json().getLong("id");
                province.approverA.post("/api/v1/announcements/" + emergency + "/broadcast", null);
                awaitThat(() -> boxAlert.firstHeard() > 0 && rtpAlert.firstHeard() > 0,
                        "the box and the RTP speaker hear the alert", natAgent);
                double behind = (boxAlert.firstHeard() - rtpAlert.firstHeard()) / 1e9;
                System.out.printf("field: the HTTP stream heard the alert %.3f s after RTP%n", behind);
                assertThat(behind).as("seconds the HTTP stream is behind RTP").isLessThan(1.0);
                awaitThat(() -> "PLAYED".equals(deliveryState(emergency, box)), "the box's delivery is PLAYED",
                        natAgent);
                province.clerkA.post("/api/v1/announcements/" + notice + "/cancel", null);
            } finally {
                ffmpeg.destroyForcibly();
                rtp.close();
                rtpReader.join(2000);
                boxReader.join(2000);
            }
        }
    }

    private static String upload(Path folder, int hertz, int seconds) throws Exception {
        return created(province.clerkA.sendBytes("POST", "/api/v1/audio", Uploads.multipart("tone-" + hertz + ".wav",
                "audio/wav", Uploads.tone(folder, "wav", seconds, hertz)), Uploads.contentType())).json()
                .getString("audioId");
    }

    private static void readRtp(java.net.DatagramSocket socket, ToneTimes alert) {
        byte[] buffer = new byte[2048];
        try {
            while (!socket.isClosed()) {
                var datagram = new java.net.DatagramPacket(buffer, buffer.length);
                socket.receive(datagram);
                long arrival = System.nanoTime();
                var packet = vn.loa.wire.rtp.RtpPacketCodec.decode(buffer, 0, datagram.getLength());
                short[] pcm = vn.loa.wire.codec.MuLaw.decode(packet.payload());
                alert.samples(pcm, pcm.length, arrival);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // closed at the end of the test
        }
    }

    private static void readPcm(Process ffmpeg, ToneTimes programme, ToneTimes alert) {
        byte[] bytes = new byte[640];
        short[] samples = new short[320];
        try (var in = ffmpeg.getInputStream()) {
            int odd = -1;
            int n;
            while ((n = in.read(bytes)) > 0) {
                long arrival = System.nanoTime();
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (odd < 0) {
                        odd = bytes[i] & 0xFF;
                    } else {
                        samples[count++] = (short) (odd | bytes[i] << 8);
                        odd = -1;
                    }
                }
                programme.samples(samples, count, arrival);
                alert.samples(samples, count, arrival);
            }
        } catch (java.io.IOException e) {
            // ffmpeg ended
        }
    }

    /** The packets the agent concealed in its recording of {@code id}, from its log line that ends the take. */
    private static long packetsLost(String log, long id) {
        var m = java.util.regex.Pattern.compile("announcement " + id + ": \\d+ ms[^\\n]*?(\\d+) gói mất").matcher(log);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
