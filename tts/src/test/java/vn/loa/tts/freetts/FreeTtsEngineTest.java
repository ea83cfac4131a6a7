package vn.loa.tts.freetts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;

class FreeTtsEngineTest implements SpeechEngineContract {

    private static final FreeTtsEngine ENGINE = new FreeTtsEngine();

    @Override
    public SpeechEngine engine() {
        return ENGINE;
    }

    @Override
    public String voice() {
        return FreeTtsEngine.VOICE;
    }

    @Override
    public List<String> twoSentences() {
        return List.of("Welcome to the commune festival.", "The boat to the island leaves at nine o'clock.");
    }

    @Test
    void speaksAtSixteenKilohertz() {
        SpeechChunk chunk = ENGINE.synthesizeAll(SpeechRequest.of(List.of("Hello."), "en")).get(0);
        assertThat(chunk.format().sampleRate()).isEqualTo(16_000);
    }

    @Test
    void aSlowerRateGivesLongerAudio() {
        List<String> sentence = List.of("Please keep away from the river bank tonight.");
        long normal = ENGINE.synthesizeAll(SpeechRequest.of(sentence, "en")).get(0).millis();
        long slow = ENGINE.synthesizeAll(new SpeechRequest(sentence, "en", new VoiceSettings(60, 50, 100))).get(0)
                .millis();
        assertThat(slow).isGreaterThan(normal * 13 / 10);
    }
}
