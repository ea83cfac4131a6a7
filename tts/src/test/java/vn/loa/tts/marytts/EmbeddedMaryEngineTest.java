package vn.loa.tts.marytts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechRequest;

/** MaryTTS really embedded: slow to start (seconds), so one engine serves every test. */
class EmbeddedMaryEngineTest implements SpeechEngineContract {

    private static final EmbeddedMaryEngine ENGINE = new EmbeddedMaryEngine();

    @Override
    public SpeechEngine engine() {
        return ENGINE;
    }

    @Override
    public String voice() {
        return EmbeddedMaryEngine.VOICE;
    }

    @Override
    public List<String> twoSentences() {
        return List.of("Welcome to the commune festival.", "The boat leaves at nine.");
    }

    @Test
    void speaksAtFortyEightKilohertz() {
        SpeechChunk chunk = ENGINE.synthesizeAll(SpeechRequest.of(List.of("Hello."), "en")).get(0);
        assertThat(chunk.format().sampleRate()).isEqualTo(48_000);
    }
}
