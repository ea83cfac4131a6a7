package vn.loa.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SpeechEngine} passes: implement {@link #engine()} and {@link #voice()} in a test class.
 *
 * <p>Checks what an operator would hear: one chunk per sentence, in order, each with a plausible duration for its
 * words, not silent and not clipped.
 */
public interface SpeechEngineContract {

    SpeechEngine engine();

    /** A voice the engine has. */
    String voice();

    /** Two sentences in the voice's language. */
    default List<String> twoSentences() {
        return List.of("Ủy ban nhân dân xã thông báo.", "Bà con chú ý phòng chống bão số năm.");
    }

    @Test
    default void speaksEachSentenceAsItsOwnChunkInOrder() {
        List<SpeechChunk> chunks = new ArrayList<>();
        engine().synthesize(SpeechRequest.of(twoSentences(), voice()), chunks::add);
        assertThat(chunks).extracting(SpeechChunk::index).containsExactly(0, 1);
        assertThat(chunks).extracting(SpeechChunk::sentence).containsExactlyElementsOf(twoSentences());
    }

    @Test
    default void eachChunkSoundsLikeSpeech() {
        for (SpeechChunk chunk : engine().synthesizeAll(SpeechRequest.of(twoSentences(), voice()))) {
            int words = chunk.sentence().split("\\s+").length;
            SpeechLikeness audio = SpeechLikeness.of(chunk.format(), chunk.pcm());
            assertThat(audio.millis()).as("duration of \"%s\"", chunk.sentence())
                    .isBetween(words * 120L, words * 1000L + 1000);
            assertThat(audio.rms()).as("loudness").isGreaterThan(500);
            assertThat(audio.voicedFraction()).as("share of 20 ms windows with sound").isGreaterThan(0.3);
            assertThat(audio.clippedFraction()).as("share of clipped samples").isLessThan(0.001);
        }
    }

    @Test
    default void anEmptyRequestGivesNoChunks() {
        assertThat(engine().synthesizeAll(SpeechRequest.of(List.of(), voice()))).isEmpty();
    }

    @Test
    default void anUnknownVoiceIsRefusedWithTheEngineName() {
        assertThatThrownBy(() -> engine().synthesizeAll(SpeechRequest.of(twoSentences(), "no-such-voice")))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining(engine().name());
    }

    @Test
    default void aSinkThatThrowsStopsTheSynthesis() {
        List<SpeechChunk> seen = new ArrayList<>();
        assertThatThrownBy(() -> engine().synthesize(SpeechRequest.of(twoSentences(), voice()), chunk -> {
            seen.add(chunk);
            throw new IllegalStateException("listener gone");
        })).hasMessageContaining("listener gone");
        assertThat(seen).hasSize(1);
    }
}
