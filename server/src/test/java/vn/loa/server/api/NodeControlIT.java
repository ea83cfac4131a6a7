package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpReceiver;
import vn.loa.server.testing.FakeAgent;
import vn.loa.server.testing.RtpCapture;

/** Node agents on the control channel: admitted by their token, told when audio comes, and heard when it played. */
class NodeControlIT extends ApiSuite {

    private record Registered(String zone, String node, String token) {
    }

    private Registered agentInNewZone() {
        String zone = Province.unique("thon-agent");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Có Đầu Thu", "xa-a")));
        String node = Province.unique("dau-thu");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu nhà văn hóa").put("zone", zone).put("kind", "agent"))).json().getString("token");
        return new Registered(zone, node, token);
    }

    @Test
    void agentWithAWrongTokenIsRefusedAndDisconnected() throws Exception {
        Registered r = agentInNewZone();
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.send(new ControlMessage.Hello(r.node(), "sai-ma-bi-mat", List.of("PCMU"), 40000, "test"));

            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Refused.class);
            assertThat(agent.nextFrame(10)).startsWith("closed:");
        }
    }

    @Test
    void agentThatSpeaksNonsenseIsRefused() throws Exception {
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.sendText("{\"type\":\"hello\",\"id\":[1,2]}");

            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Refused.class);
        }
    }

    @Test
    void agentHearsTheAnnouncementAndReportsItPlayed() throws Exception {
        Registered r = agentInNewZone();
        try (FakeAgent agent = new FakeAgent(server.baseUrl()); RtpCapture rtp = new RtpCapture()) {
            agent.send(new ControlMessage.Hello(r.node(), r.token(), List.of("PCMU"), rtp.port(), "test"));
            ControlMessage.Welcome welcome = (ControlMessage.Welcome) agent.next(10);
            assertThat(welcome.codec()).isEqualTo("PCMU");
            assertThat(welcome.srtpKey()).as("agents get SRTP").startsWith("inline:");
            SrtpReceiver srtp = new SrtpReceiver(SrtpMasterKey.parseInline(welcome.srtpKey()));
            agent.send(new ControlMessage.Heartbeat("IDLE", 80, 0, 0, 0));
            assertThat(province.technicianA.get("/api/v1/nodes/" + r.node()).json().getBoolean("online")).isTrue();

            long id = OnAirIT.approvedNotice("Thông báo", "Xin chào bà con thôn.", r.zone(), true);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

            ControlMessage play = agent.next(30);
            assertThat(play).isInstanceOf(ControlMessage.Play.class);
            assertThat(((ControlMessage.Play) play).announcement()).isEqualTo(String.valueOf(id));
            long announcedSsrc = ((ControlMessage.Play) play).ssrc();
            List<RtpPacket> encrypted = rtp.receive(1500, 30_000);
            assertThat(encrypted).hasSizeGreaterThan(50);
            assertThat(encrypted).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(announcedSsrc));
            List<RtpPacket> packets = new java.util.ArrayList<>();
            for (RtpPacket p : encrypted) {
                packets.add(RtpPacketCodec.decode(srtp.unprotect(RtpPacketCodec.encode(p))));
            }
            assertThat(OnAirIT.rms(packets)).as("speech after decryption").isGreaterThan(500);
            assertThat(vn.loa.wire.pcm.Correlation.normalised(speech(encrypted), speech(packets), 0))
                    .as("what an eavesdropper decodes has nothing of the speech").isBetween(-0.2, 0.2);
            assertThat(agent.next(10)).isEqualTo(new ControlMessage.Stop(String.valueOf(id), "FINISHED"));

            agent.send(new ControlMessage.Played(String.valueOf(id), "PLAYED", packets.size() * 20L, null));
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            await().atMost(Duration.ofSeconds(10)).until(() -> province.clerkA.get("/api/v1/announcements/" + id).json(),
                    done -> done.getJsonArray("deliveries").getJsonObject(0).getString("state").equals("PLAYED"));
        }
    }

    /** The first 160 bytes of every payload, decoded as µ-law: the audio, or what passes for it. */
    private static short[] speech(List<RtpPacket> packets) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        packets.forEach(p -> all.write(p.payload(), 0, Math.min(160, p.payload().length)));
        return vn.loa.wire.codec.MuLaw.decode(all.toByteArray());
    }

    @Test
    void agentThatIsNotConnectedIsRecordedAsUnreachable() throws Exception {
        Registered r = agentInNewZone();
        long id = OnAirIT.approvedNotice("Không ai nghe", "Xin chào.", r.zone(), false);

        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

        JsonObject failed = OnAirIT.waitForState(province.clerkA, id, "FAILED");
        JsonObject delivery = failed.getJsonArray("deliveries").getJsonObject(0);
        assertThat(delivery.getString("state")).isEqualTo("FAILED");
        assertThat(delivery.getString("detail")).contains("chưa kết nối");
    }
}
