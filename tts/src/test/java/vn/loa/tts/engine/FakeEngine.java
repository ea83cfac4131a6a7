package vn.loa.tts.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted engine for tests: speaks a tone whose length follows the sentence's words, and can be told to fail or
 * hang at a given sentence. Records every request it was given.
 */
public final class FakeEngine implements SpeechEngine {

    public static final PcmFormat FORMAT = new PcmFormat(16_000);

    private final String name;
    private final int failAt;
    private final int hangAt;
    public final List<SpeechRequest> requests = new CopyOnWriteArrayList<>();
    public final CountDownLatch interrupted = new CountDownLatch(1);

    private FakeEngine(String name, int failAt, int hangAt) {
        this.name = name;
        this.failAt = failAt;
        this.hangAt = hangAt;
    }

    public static FakeEngine working(String name) {
        return new FakeEngine(name, -1, -1);
    }

    /** Fails when it reaches sentence {@code index} of a request. */
    public static FakeEngine failingAt(String name, int index) {
        return new FakeEngine(name, index, -1);
    }

    /** Never answers once it reaches sentence {@code index}, until interrupted. */
    public static FakeEngine hangingAt(String name, int index) {
        return new FakeEngine(name, -1, index);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> voices() {
        return Set.of("vi", "en");
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        requests.add(request);
        if (!supports(request.voice())) {
            throw new SpeechException(name, "no voice '" + request.voice() + "'");
        }
        for (int i = 0; i < request.sentences().size(); i++) {
            if (i == failAt) {
                throw new SpeechException(name, "HTTP 503 Service Unavailable");
            }
            if (i == hangAt) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    Thread.currentThread().interrupt();
                    throw new SpeechException(name, "interrupted", e);
                }
            }
            String sentence = request.sentences().get(i);
            sink.accept(new SpeechChunk(i, sentence, FORMAT, tone(sentence.split("\\s+").length)));
        }
    }

    /** 300 ms of a warbling tone per word: loud enough, never clipped, mostly voiced. */
    public static byte[] tone(int words) {
        int samples = FORMAT.sampleRate() * 3 / 10 * words;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double envelope = 0.6 + 0.4 * Math.sin(i * 2 * Math.PI * 4 / FORMAT.sampleRate());
            short v = (short) (6000 * envelope * Math.sin(i * 2 * Math.PI * 180 / FORMAT.sampleRate()));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }
}
