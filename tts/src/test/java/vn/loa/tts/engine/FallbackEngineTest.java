package vn.loa.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackEngineTest implements SpeechEngineContract {

    private static final List<String> THREE = List.of("Một câu.", "Hai câu nữa.", "Ba câu cuối cùng.");
    private static final Duration LONG = Duration.ofSeconds(5);

    private final FallbackEngine contractChain = new FallbackEngine(List.of(
            new FallbackEngine.Choice(FakeEngine.failingAt("cloud", 0), null, LONG),
            new FallbackEngine.Choice(FakeEngine.working("local"), null, LONG)));
    private FallbackEngine chain;

    @AfterEach
    void close() {
        contractChain.close();
        if (chain != null) {
            chain.close();
        }
    }

    @Override
    public SpeechEngine engine() {
        return contractChain;
    }

    @Override
    public String voice() {
        return "vi";
    }

    @Test
    void theFirstEngineSpeaksWhenItWorks() {
        FakeEngine cloud = FakeEngine.working("cloud");
        FakeEngine local = FakeEngine.working("local");
        chain = chain(cloud, local);
        assertThat(chain.synthesizeAll(SpeechRequest.of(THREE, "vi"))).hasSize(3);
        assertThat(local.requests).isEmpty();
    }

    @Test
    void theNextEngineSpeaksOnlyTheSentencesNotYetDelivered() {
        FakeEngine cloud = FakeEngine.failingAt("cloud", 1);
        FakeEngine local = FakeEngine.working("local");
        chain = chain(cloud, local);
        List<SpeechChunk> chunks = chain.synthesizeAll(SpeechRequest.of(THREE, "vi"));
        assertThat(chunks).extracting(SpeechChunk::index).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(SpeechChunk::sentence).containsExactlyElementsOf(THREE);
        assertThat(local.requests).singleElement()
                .extracting(SpeechRequest::sentences).isEqualTo(THREE.subList(1, 3));
    }

    @Test
    void anEngineThatHangsIsStoppedAtItsTimeLimitAndTheNextTakesOver() throws InterruptedException {
        FakeEngine cloud = FakeEngine.hangingAt("cloud", 0);
        FakeEngine local = FakeEngine.working("local");
        chain = new FallbackEngine(List.of(new FallbackEngine.Choice(cloud, null, Duration.ofMillis(300)),
                new FallbackEngine.Choice(local, null, LONG)));
        long start = System.nanoTime();
        assertThat(chain.synthesizeAll(SpeechRequest.of(THREE, "vi"))).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(cloud.interrupted.await(2, TimeUnit.SECONDS)).as("the hung engine was interrupted").isTrue();
    }

    @Test
    void eachChoiceCanSpeakWithItsOwnVoice() {
        FakeEngine cloud = FakeEngine.failingAt("cloud", 0);
        FakeEngine local = FakeEngine.working("local");
        chain = new FallbackEngine(List.of(new FallbackEngine.Choice(cloud, "vi", LONG),
                new FallbackEngine.Choice(local, "en", LONG)));
        chain.synthesizeAll(SpeechRequest.of(THREE, "banmai"));
        assertThat(local.requests).singleElement().extracting(SpeechRequest::voice).isEqualTo("en");
    }

    @Test
    void whenEveryEngineFailsTheErrorSaysWhatEachOneDid() {
        chain = new FallbackEngine(List.of(
                new FallbackEngine.Choice(FakeEngine.failingAt("fpt-ai", 0), null, LONG),
                new FallbackEngine.Choice(FakeEngine.hangingAt("espeak-ng", 1), null, Duration.ofMillis(200))));
        assertThatThrownBy(() -> chain.synthesizeAll(SpeechRequest.of(THREE, "vi")))
                .isInstanceOf(SpeechException.class)
                .hasMessage("fpt-ai > espeak-ng: every engine failed after 1 of 3 sentences: "
                        + "fpt-ai: HTTP 503 Service Unavailable; espeak-ng: no sentence within 200 ms; stopped");
    }

    @Test
    void anEngineWithoutTheVoiceIsSkippedAndNamedInTheError() {
        chain = chain(FakeEngine.working("cloud"));
        assertThatThrownBy(() -> chain.synthesizeAll(SpeechRequest.of(THREE, "fr")))
                .hasMessageContaining("cloud: no voice 'fr'");
    }

    private static FallbackEngine chain(SpeechEngine... engines) {
        return new FallbackEngine(java.util.Arrays.stream(engines)
                .map(e -> new FallbackEngine.Choice(e, null, LONG)).toList());
    }
}
