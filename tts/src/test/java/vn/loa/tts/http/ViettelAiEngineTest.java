package vn.loa.tts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;

/** Viettel AI against a local server that answers as Viettel AI does: the WAV itself, or JSON with an error. */
class ViettelAiEngineTest implements SpeechEngineContract {

    private final FakeSpeechService service = new FakeSpeechService();
    private final ViettelAiEngine engine;

    ViettelAiEngineTest() throws IOException {
        service.on("/tts/speech_synthesis", call -> {
            Map<String, Object> body = json(call.body());
            if (!"viettel-token".equals(body.get("token"))) {
                return FakeSpeechService.Answer.json("{\"code\": 401, \"message\": \"Token invalid\"}");
            }
            return FakeSpeechService.Answer.wav(FakeSpeechService.words((String) body.get("text")));
        });
        engine = engine("viettel-token");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (IOException e) {
            throw new AssertionError("the engine sent something that is not JSON: " + text, e);
        }
    }

    private ViettelAiEngine engine(String token) {
        return new ViettelAiEngine(HttpEngineConfig.of(service.uri("/tts/speech_synthesis"), token,
                Set.of("hn-quynhanh", "hcm-diemmy")));
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
        return "hn-quynhanh";
    }

    @Test
    void postsJsonAskingForWav() {
        engine.synthesizeAll(SpeechRequest.of(List.of("Bà con \"chú ý\"."), "hcm-diemmy"));
        Map<String, Object> body = json(service.calls.get(0).body());
        assertThat(body).containsEntry("text", "Bà con \"chú ý\".").containsEntry("voice", "hcm-diemmy")
                .containsEntry("tts_return_option", 2).containsEntry("speed", 1.0)
                .containsEntry("without_filter", false);
    }

    @Test
    void aJsonErrorInsteadOfAudioIsReported() {
        assertThatThrownBy(() -> engine("old-token").synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "hn-quynhanh")))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("viettel-ai: refused").hasMessageContaining("Token invalid");
    }
}
