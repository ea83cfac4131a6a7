package vn.loa.tts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;

/** A remote MaryTTS server's /process API, played by a local server. */
class MaryTtsEngineTest implements SpeechEngineContract {

    private final FakeSpeechService service = new FakeSpeechService();
    private final MaryTtsEngine engine;

    MaryTtsEngineTest() throws IOException {
        service.on("/process", call -> {
            Map<String, String> form = form(call.body());
            if (!form.get("VOICE").equals("cmu-slt-hsmm")) {
                return new FakeSpeechService.Answer(500, "text/plain",
                        ("Cannot process request: No voice found for locale " + form.get("LOCALE")).getBytes());
            }
            return FakeSpeechService.Answer.wav(FakeSpeechService.words(form.get("INPUT_TEXT")));
        });
        service.on("/slow", call -> {
            try {
                Thread.sleep(2000); // deliberate: a service slower than the engine's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeSpeechService.Answer.wav(1);
        });
        engine = new MaryTtsEngine(HttpEngineConfig.of(service.uri("/process"), "", Set.of("cmu-slt-hsmm", "other")),
                "en_US");
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
        return "cmu-slt-hsmm";
    }

    @Override
    public List<String> twoSentences() {
        return List.of("Welcome to the commune.", "The market opens at seven in the morning.");
    }

    @Test
    void postsTheProcessParametersAsAForm() {
        engine.synthesizeAll(SpeechRequest.of(List.of("Hello & welcome."), "cmu-slt-hsmm"));
        assertThat(form(service.calls.get(0).body())).containsEntry("INPUT_TEXT", "Hello & welcome.")
                .containsEntry("INPUT_TYPE", "TEXT").containsEntry("OUTPUT_TYPE", "AUDIO")
                .containsEntry("AUDIO", "WAVE_FILE").containsEntry("LOCALE", "en_US")
                .containsEntry("VOICE", "cmu-slt-hsmm");
    }

    @Test
    void aServerErrorIsReportedWithItsText() {
        assertThatThrownBy(() -> engine.synthesizeAll(SpeechRequest.of(List.of("Hello."), "other")))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("marytts: HTTP 500").hasMessageContaining("No voice found for locale en_US");
    }

    @Test
    void aServerThatTakesTooLongIsReportedAsTimedOut() {
        MaryTtsEngine impatient = new MaryTtsEngine(new HttpEngineConfig(service.uri("/slow"), "",
                Set.of("cmu-slt-hsmm"), Duration.ofMillis(300), Duration.ofMillis(10), Duration.ofSeconds(1)), "en_US");
        assertThatThrownBy(() -> impatient.synthesizeAll(SpeechRequest.of(List.of("Hello."), "cmu-slt-hsmm")))
                .isInstanceOf(SpeechException.class)
                .hasMessage("marytts: no answer from 127.0.0.1 within 300 ms");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
