package vn.loa.wire.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCodecTest {

    @Test
    void everyMessageSurvivesTheRoundTrip() {
        List<ControlMessage> messages = List.of(
                new ControlMessage.Hello("loa-dong", "t0k3n", List.of("OPUS", "PCMU"), 5004, "0.1.0"),
                new ControlMessage.Welcome(10, "PCMU"),
                new ControlMessage.Welcome(10, "OPUS", "inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"),
                new ControlMessage.Welcome(10, "OPUS", "inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
                        new ControlMessage.ReturnPath(null, 40_002, 15, "c2VjcmV0LWtleS1vZi10aGUtc2Vzc2lvbg==")),
                new ControlMessage.Welcome(10, "PCMU", null,
                        new ControlMessage.ReturnPath("rtp.loa.example", 40_002, 15, "a2V5")),
                new ControlMessage.MediaPath(ControlMessage.MediaPath.CHANNEL),
                new ControlMessage.MediaPath(ControlMessage.MediaPath.UDP),
                new ControlMessage.Refused("mã loa hoặc mã bí mật không đúng"),
                new ControlMessage.Elsewhere("máy chủ này không phát khu vực của loa lúc này"),
                new ControlMessage.Elsewhere("máy chủ này không phát khu vực của loa lúc này", "http://10.0.0.2:8080"),
                new ControlMessage.Heartbeat("PLAYING", 80, 1500, 3, 2.5),
                new ControlMessage.Play("42", "thon-dong", "PCMU", 0, 8000, 0xCAFEBABEL),
                new ControlMessage.Play("42", "thon-dong", "OPUS", 111, 48000, 0xCAFEBABEL, 3, 65_530),
                new ControlMessage.Prefetch("43", "/api/v1/nodes/prefetch/43.wav", "ab".repeat(32), 96_044,
                        java.time.Instant.parse("2026-12-01T07:30:00Z")),
                new ControlMessage.Stop("42", "FINISHED"),
                new ControlMessage.Volume(65),
                new ControlMessage.Played("42", "PLAYED", 31_240, null));
        for (ControlMessage m : messages) {
            assertThat(ControlCodec.decode(ControlCodec.encode(m))).isEqualTo(m);
        }
    }

    @Test
    void helloIsReadFromTheWire() {
        var hello = ControlCodec.decode("{\"type\":\"hello\",\"id\":\"loa-1\",\"token\":\"abc\",\"codecs\":[\"PCMU\"],"
                + "\"rtpPort\":40000}");

        assertThat(hello).isEqualTo(new ControlMessage.Hello("loa-1", "abc", List.of("PCMU"), 40000, "unknown"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{}", "{\"type\":\"dance\"}", "{\"type\":\"hello\"}",
            "{\"type\":\"hello\",\"id\":\"a\",\"token\":\"b\",\"codecs\":[],\"rtpPort\":5004}",
            "{\"type\":\"hello\",\"id\":\"a\",\"token\":\"b\",\"codecs\":[\"PCMU\"],\"rtpPort\":70000}",
            "{\"type\":\"hello\",\"id\":5,\"token\":\"b\",\"codecs\":[\"PCMU\"],\"rtpPort\":5004}",
            "{\"type\":\"volume\",\"level\":101}", "{\"type\":\"path\",\"path\":\"tcp\"}",
            "{\"type\":\"welcome\",\"heartbeatSeconds\":10,\"codec\":\"PCMU\",\"keepalive\":{\"port\":5004,"
                    + "\"seconds\":0,\"key\":\"a2V5\"}}",
            "{\"type\":\"welcome\",\"heartbeatSeconds\":10,\"codec\":\"PCMU\",\"keepalive\":\"yes\"}", "{\"type\":\"play\",\"announcement\":\"1\"}", "{\"type\":",
            "{\"type\":\"prefetch\",\"announcement\":\"1\",\"path\":\"http://evil.example/x\",\"sha256\":\""
                    + "0000000000000000000000000000000000000000000000000000000000000000" + "\",\"bytes\":10,\"playAt\":\"2026-12-01T07:30:00Z\"}",
            "{\"type\":\"prefetch\",\"announcement\":\"1\",\"path\":\"/api/v1/../../etc/passwd\",\"sha256\":\""
                    + "0000000000000000000000000000000000000000000000000000000000000000" + "\",\"bytes\":10,\"playAt\":\"2026-12-01T07:30:00Z\"}",
            "{\"type\":\"prefetch\",\"announcement\":\"1\",\"path\":\"/api/v1/x.wav\",\"sha256\":\"XYZ\","
                    + "\"bytes\":10,\"playAt\":\"2026-12-01T07:30:00Z\"}",
            "{\"type\":\"prefetch\",\"announcement\":\"1\",\"path\":\"/api/v1/x.wav\",\"sha256\":\""
                    + "0000000000000000000000000000000000000000000000000000000000000000" + "\",\"bytes\":10,\"playAt\":\"tomorrow\"}"})
    void malformedFramesAreRefusedWithAReason(String frame) {
        assertThatThrownBy(() -> ControlCodec.decode(frame)).isInstanceOf(MalformedControlMessage.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void oversizedFramesAreRefused() {
        assertThatThrownBy(() -> ControlCodec.decode("{\"type\":\"stop\",\"announcement\":\"" + "x".repeat(9000) + "\"}"))
                .isInstanceOf(MalformedControlMessage.class);
    }
}
