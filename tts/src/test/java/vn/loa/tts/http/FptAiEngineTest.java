package vn.loa.tts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;

/** FPT.AI v5 against a local server that answers as FPT.AI does: an "async" link that is ready after two polls. */
class FptAiEngineTest implements SpeechEngineContract {

    private final FakeSpeechService service;
    private final FptAiEngine engine;
    private final Map<String, String> sentenceOfFile = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();

    FptAiEngineTest() throws IOException {
        AtomicInteger files = new AtomicInteger();
        service = new FakeSpeechService();
        service.on("/hmi/tts/v5", call -> {
            if (!"secret".equals(call.headers().getFirst("api-key"))) {
                return new FakeSpeechService.Answer(401, "application/json",
                        "{\"error\":401,\"message\":\"Invalid API key\"}".getBytes());
            }
            String file = "/text2speech-v5/short/" + files.incrementAndGet() + ".wav";
            sentenceOfFile.put(file, call.body());
            return FakeSpeechService.Answer.json("{\"async\": \"" + service.uri(file) + "\", \"error\": 0, "
                    + "\"message\": \"The content will be returned after a few seconds under the async link.\", "
                    + "\"request_id\": \"0a88a3a4\"}");
        });
        service.on("/text2speech-v5/", call -> polls.incrementAndGet() % 3 != 0
                ? new FakeSpeechService.Answer(404, "text/html", "Not Found".getBytes())
                : FakeSpeechService.Answer.wav(FakeSpeechService.words(sentenceOfFile.get(call.path()))));
        engine = engine("secret");
    }

    private FptAiEngine engine(String key) {
        return new FptAiEngine(new HttpEngineConfig(service.uri("/hmi/tts/v5"), key, Set.of("banmai", "leminh"),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Override
    public SpeechEngine engine() {
        return engine;
    }

    @Override
    public String voice() {
        return "banmai";
    }

    @Test
    void sendsTheSentenceAsTheBodyAndTheVoiceSpeedAndFormatAsHeaders() {
        engine.synthesizeAll(new SpeechRequest(List.of("Xin chào bà con."), "leminh", new VoiceSettings(150, 50, 100)));
        FakeSpeechService.Call call = service.calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.body()).isEqualTo("Xin chào bà con.");
        assertThat(call.headers().getFirst("voice")).isEqualTo("leminh");
        assertThat(call.headers().getFirst("speed")).isEqualTo("2");
        assertThat(call.headers().getFirst("format")).isEqualTo("wav");
    }

    @Test
    void pollsTheAsyncLinkUntilTheAudioIsReady() {
        assertThat(engine.synthesizeAll(SpeechRequest.of(List.of("Một hai ba."), "banmai"))).hasSize(1);
        assertThat(polls.get()).isEqualTo(3);
    }

    @Test
    void aWrongKeyIsReportedWithWhatTheServiceSaid() {
        assertThatThrownBy(() -> engine("wrong").synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "banmai")))
                .isInstanceOf(SpeechException.class)
                .hasMessageStartingWith("fpt-ai: HTTP 401 from 127.0.0.1")
                .hasMessageContaining("Invalid API key");
    }

    @Test
    void aReplyThatIsNotJsonIsReportedWithWhatCame() {
        service.on("/proxy-login", call -> new FakeSpeechService.Answer(200, "text/html",
                "<html>Đăng nhập mạng</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        FptAiEngine behindPortal = new FptAiEngine(new HttpEngineConfig(service.uri("/proxy-login"), "secret",
                Set.of("banmai"), java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(10),
                java.time.Duration.ofSeconds(5)));

        assertThatThrownBy(() -> behindPortal.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "banmai")))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("not its JSON reply").hasMessageContaining("Đăng nhập mạng");
    }

    @Test
    void mapsLoaRatesOntoFptSpeeds() {
        assertThat(FptAiEngine.speed(new VoiceSettings(50, 50, 100))).isEqualTo(-2);
        assertThat(FptAiEngine.speed(VoiceSettings.NORMAL)).isZero();
        assertThat(FptAiEngine.speed(new VoiceSettings(200, 50, 100))).isEqualTo(3);
    }
}
