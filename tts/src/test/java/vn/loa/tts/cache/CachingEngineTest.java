package vn.loa.tts.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.FakeEngine;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechRequest;

class CachingEngineTest implements SpeechEngineContract {

    private final FakeEngine fake = FakeEngine.working("fake");
    private final CachingEngine engine = new CachingEngine(fake, new SynthesisCache(10_000_000));

    @Override
    public SpeechEngine engine() {
        return engine;
    }

    @Override
    public String voice() {
        return "vi";
    }

    @Test
    void asksTheEngineOnlyForSentencesItHasNotSpokenBefore() {
        engine.synthesizeAll(SpeechRequest.of(List.of("Kính thưa bà con.", "Hôm nay họp."), "vi"));
        List<SpeechChunk> chunks = engine.synthesizeAll(
                SpeechRequest.of(List.of("Kính thưa bà con.", "Ngày mai tiêm phòng.", "Hôm nay họp."), "vi"));
        assertThat(chunks).extracting(SpeechChunk::index).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(SpeechChunk::sentence)
                .containsExactly("Kính thưa bà con.", "Ngày mai tiêm phòng.", "Hôm nay họp.");
        assertThat(fake.requests).extracting(SpeechRequest::sentences).containsExactly(
                List.of("Kính thưa bà con.", "Hôm nay họp."), List.of("Ngày mai tiêm phòng."));
    }

    @Test
    void aCachedSentenceSoundsExactlyAsItDidTheFirstTime() {
        SpeechChunk first = engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi")).get(0);
        SpeechChunk again = engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi")).get(0);
        assertThat(again.pcm()).isEqualTo(first.pcm());
        assertThat(fake.requests).hasSize(1);
    }
}
