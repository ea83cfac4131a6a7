package vn.loa.tts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;

/** Zalo AI against a local server that answers as Zalo AI does: JSON with data.url, then the audio at that URL. */
class ZaloAiEngineTest implements SpeechEngineContract {

    private final FakeSpeechService service = new FakeSpeechService();
    private final ZaloAiEngine engine;

    ZaloAiEngineTest() throws IOException {
        service.on("/v1/tts/synthesize", call -> {
            String input = URLDecoder.decode(call.body().replaceAll(".*input=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            if (input.contains("lỗi")) {
                return FakeSpeechService.Answer.json("{\"error_code\": -4, \"error_message\": \"Input text is too long\"}");
            }
            return FakeSpeechService.Answer.json("{\"data\": {\"url\": \"" + service.uri("/audio/"
                    + FakeSpeechService.words(input) + ".wav") + "\"}, \"error_code\": 0, \"error_message\": \"Successful.\"}");
        });
        service.on("/audio/", call -> FakeSpeechService.Answer.wav(
                Integer.parseInt(call.path().replaceAll("\\D", ""))));
        engine = new ZaloAiEngine(HttpEngineConfig.of(service.uri("/v1/tts/synthesize"), "zalo-key", Set.of("1", "4")));
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
        return "4";
    }

    @Test
    void postsAFormWithTheSpeakerAndAsksForWav() {
        engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào bà con."), "1"));
        FakeSpeechService.Call call = service.calls.get(0);
        assertThat(call.headers().getFirst("apikey")).isEqualTo("zalo-key");
        assertThat(call.body()).isEqualTo("input=Xin+ch%C3%A0o+b%C3%A0+con.&speaker_id=1&speed=1.00&encode_type=0");
    }

    @Test
    void anErrorCodeIsReportedWithZalosMessage() {
        assertThatThrownBy(() -> engine.synthesizeAll(SpeechRequest.of(List.of("Câu này gây lỗi."), "1")))
                .isInstanceOf(SpeechException.class)
                .hasMessage("zalo-ai: refused: Input text is too long");
    }
}
