package vn.loa.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoiceRouterTest {

    private final FakeEngine vietnamese = FakeEngine.working("viet");
    private final FakeEngine english = FakeEngine.failingAt("java-english", 0);
    private final FakeEngine englishFallback = FakeEngine.working("espeak-english");

    private VoiceRouter router() {
        Map<String, SpeechEngine> byVoice = new LinkedHashMap<>();
        byVoice.put("vi", vietnamese);
        byVoice.put("kevin16", new FallbackEngine(List.of(
                new FallbackEngine.Choice(english, "en", Duration.ofSeconds(5)),
                new FallbackEngine.Choice(englishFallback, "en", Duration.ofSeconds(5)))));
        return new VoiceRouter(byVoice);
    }

    @Test
    void eachVoiceIsSpokenByItsOwnEngineAndFallsBackInItsOwnLanguage() {
        VoiceRouter router = router();
        router.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi"));
        List<SpeechChunk> chunks = router.synthesizeAll(SpeechRequest.of(List.of("Hello."), "kevin16"));

        assertThat(vietnamese.requests).extracting(SpeechRequest::voice).containsExactly("vi");
        assertThat(englishFallback.requests).extracting(SpeechRequest::voice).containsExactly("en");
        assertThat(chunks).extracting(SpeechChunk::sentence).containsExactly("Hello.");
        assertThat(router.voices()).containsExactlyInAnyOrder("vi", "kevin16");
    }

    @Test
    void aVoiceNoEngineHasIsAClearError() {
        assertThatThrownBy(() -> router().synthesizeAll(SpeechRequest.of(List.of("Hi."), "klingon")))
                .isInstanceOf(SpeechException.class).hasMessageContaining("no voice 'klingon'");
    }
}
