package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The operator's cloud speech service, configured by settings: its voices are offered and used, and when it fails
 * espeak-ng reads the notice instead. The service is a local HTTP server that answers as a MaryTTS server does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudSpeechIT {

    private static final int CLOUD_RATE = 16_000;

    private final AtomicBoolean cloudUp = new AtomicBoolean(true);
    /** How many more sentences the service answers before it starts failing. */
    private final AtomicInteger answersLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger cloudCalls = new AtomicInteger();
    private HttpServer cloud;
    private TestServer server;
    private Api admin;

    @BeforeAll
    void start() throws Exception {
        cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloud.createContext("/process", exchange -> {
            cloudCalls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            boolean up = cloudUp.get() && answersLeft.getAndDecrement() > 0;
            byte[] wav = up ? oneSecondTone() : "service unavailable".getBytes();
            exchange.sendResponseHeaders(up ? 200 : 503, wav.length);
            exchange.getResponseBody().write(wav);
            exchange.close();
        });
        cloud.start();
        server = TestServer.onH2(Map.of("tts.cloud", "marytts",
                "tts.cloud.url", "http://127.0.0.1:" + cloud.getAddress().getPort() + "/process",
                "tts.cloud.voices", "cmu-slt-hsmm", "tts.cloud.timeout", "5"));
        admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
        cloud.stop(0);
    }

    @Test
    void cloudVoiceIsReadByTheServiceAndEspeakTakesOverWhenItFails() throws Exception {
        cloudUp.set(true);
        var fromCloud = preview("Xin chào.", "cmu-slt-hsmm");
        assertThat(fromCloud.getFormat().getSampleRate()).isEqualTo(CLOUD_RATE);
        assertThat(cloudCalls.get()).isPositive();

        cloudUp.set(false);
        var fallback = preview("Lần hai, dịch vụ hỏng.", "cmu-slt-hsmm");
        assertThat(fallback.getFormat().getSampleRate()).as("espeak-ng's rate").isEqualTo(22_050f);
        assertThat(fallback.getFrameLength()).isPositive();
    }

    @Test
    void aNoticeWhoseServiceFailsPartWayIsOneWavAtOneRateWithEverySentence() throws Exception {
        cloudUp.set(true);
        String second = "The second sentence is read by espeak.";
        var espeakAlone = preview(second, "en");
        answersLeft.set(1);
        var mixed = preview("First sentence. " + second, "cmu-slt-hsmm");
        answersLeft.set(Integer.MAX_VALUE);

        // the service's 16 kHz second of tone and its pause, then espeak-ng's 22,050 Hz sentence resampled to 16 kHz
        assertThat(mixed.getFormat().getSampleRate()).isEqualTo(CLOUD_RATE);
        double expected = 1.0 + 0.45 + espeakAlone.getFrameLength() / 22_050.0;
        assertThat(mixed.getFrameLength() / (double) CLOUD_RATE).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        byte[] pcm = mixed.readAllBytes();
        int peak = 0;
        for (int i = (int) (1.45 * CLOUD_RATE) * 2; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        assertThat(peak).as("espeak-ng's speech after the service's tone").isGreaterThan(2_000);
    }

    @Test
    void espeakVoicesStayLocalAndUnknownVoicesAreRefused() throws Exception {
        int before = cloudCalls.get();
        assertThat(preview("Xin chào bà con.", "vi-vn-x-south").getFormat().getSampleRate()).isEqualTo(22_050f);
        assertThat(cloudCalls.get()).isEqualTo(before);
        var refused = admin.post("/api/v1/tts/preview", new JsonObject().put("text", "x").put("voice", "klingon"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("message")).contains("cmu-slt-hsmm").contains("vi-vn-x-south");
    }

    private AudioInputStream preview(String text, String voice) throws Exception {
        var reply = admin.post("/api/v1/tts/preview", new JsonObject().put("text", text).put("voice", voice));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return AudioSystem.getAudioInputStream(new ByteArrayInputStream(reply.bytes()));
    }

    private static byte[] oneSecondTone() {
        byte[] pcm = new byte[CLOUD_RATE * 2];
        for (int i = 0; i < CLOUD_RATE; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / CLOUD_RATE));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm),
                    new AudioFormat(CLOUD_RATE, 16, 1, true, false), CLOUD_RATE),
                    javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
