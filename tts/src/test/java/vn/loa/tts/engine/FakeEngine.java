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
    private final PcmFormat format;
    private final int failAt;
    private final int hangAt;
    public final List<SpeechRequest> requests = new CopyOnWriteArrayList<>();
    public final CountDownLatch interrupted = new CountDownLatch(1);

    private FakeEngine(String name, PcmFormat format, int failAt, int hangAt) {
        this.name = name;
        this.format = format;
        this.failAt = failAt;
        this.hangAt = hangAt;
    }

    public static FakeEngine working(String name) {
        return new FakeEngine(name, FORMAT, -1, -1);
    }

    /** Fails when it reaches sentence {@code index} of a request. */
    public static FakeEngine failingAt(String name, int index) {
        return new FakeEngine(name, FORMAT, index, -1);
    }

    /** Speaks at another sample rate, failing at sentence {@code failAt} (-1: never). */
    public static FakeEngine at(String name, PcmFormat format, int failAt) {
        return new FakeEngine(name, format, failAt, -1);
    }

    /** Never answers once it reaches sentence {@code index}, until interrupted. */
    public static FakeEngine hangingAt(String name, int index) {
        return new FakeEngine(name, FORMAT, -1, index);
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
                    Thread.sleep(60_000); // deliberate: an engine that hangs until it is interrupted
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    Thread.currentThread().interrupt();
                    throw new SpeechException(name, "interrupted", e);
                }
            }
            String sentence = request.sentences().get(i);
            sink.accept(new SpeechChunk(i, sentence, format, tone(sentence.split("\\s+").length, format)));
        }
    }

    /** 300 ms of a warbling tone per word: loud enough, never clipped, mostly voiced. */
    public static byte[] tone(int words) {
        return tone(words, FORMAT);
    }

    /** The same tone at another rate. */
    public static byte[] tone(int words, PcmFormat format) {
        int samples = format.sampleRate() * 3 / 10 * words;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double envelope = 0.6 + 0.4 * Math.sin(i * 2 * Math.PI * 4 / format.sampleRate());
            short v = (short) (6000 * envelope * Math.sin(i * 2 * Math.PI * 180 / format.sampleRate()));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }
}
