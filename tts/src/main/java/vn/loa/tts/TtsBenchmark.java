package vn.loa.tts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.loa.tts.cache.CachingEngine;
import vn.loa.tts.cache.SynthesisCache;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.espeak.EspeakConfig;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.freetts.FreeTtsEngine;
import vn.loa.tts.normalize.EnglishNormalizer;
import vn.loa.tts.normalize.Normalized;
import vn.loa.tts.normalize.TextNormalizer;
import vn.loa.tts.normalize.VietnameseNormalizer;
import vn.loa.tts.piper.EspeakPhonemizer;
import vn.loa.tts.piper.PiperEngine;
import vn.loa.tts.piper.TinyPiperVoice;

/**
 * The speech benchmark behind {@code loa bench tts}: for a 300-word notice in Vietnamese and one in English, the time
 * to the first sentence's audio, the whole path's time and real-time factor per local engine and voice, the
 * normaliser's share, a cache hit, and raw {@code espeak-ng -v vi} (or {@code -v en}) on the same text as the
 * baseline.
 *
 * <p>Single-threaded; runs each measurement after warm-up rounds, reports the median of the measured rounds.
 */
public final class TtsBenchmark {

    /** One engine and voice's figures; times in milliseconds, audio in seconds. */
    public record Row(String engine, String voice, Language language, double normaliseMs, double firstAudioMs,
            double wholeMs, double audioSeconds, double cacheHitMs, double rawEspeakMs, double wholeCpuMs,
            double rawCpuMs) {

        /**
         * The whole path's CPU time (this JVM and its espeak-ng processes) over raw espeak-ng's (the JVM starting it
         * and espeak-ng): on a loaded machine wall time measures the queue for the cores, CPU time the work.
         */
        public double cpuOfRaw() {
            return rawCpuMs > 0 ? wholeCpuMs / rawCpuMs : Double.NaN;
        }

        /** Seconds of audio per second of wall time. */
        public double realTimeFactor() {
            return audioSeconds * 1000 / wholeMs;
        }

        /** The whole path's time over raw espeak-ng's; NaN where there is no raw baseline. */
        public double ofRaw() {
            return rawEspeakMs > 0 ? wholeMs / rawEspeakMs : Double.NaN;
        }
    }

    private TtsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.out.println("engine     voice    normalise  first-audio  whole-path  audio   RTF    vs-raw  cache-hit  "
                + "raw-espeak");
        for (Row row : run(notice("bench-notice.txt"), notice("bench-notice-en.txt"), rounds)) {
            System.out.println(String.format(Locale.ROOT,
                    "%-10s %-8s %6.1f ms %9.1f ms %8.1f ms %5.1f s %6.0fx %6.2fx %7.2f ms %8.1f ms",
                    row.engine(), row.voice(), row.normaliseMs(), row.firstAudioMs(), row.wholeMs(), row.audioSeconds(),
                    row.realTimeFactor(), row.ofRaw(), row.cacheHitMs(), row.rawEspeakMs()));
        }
    }

    /** One of the 300-word notices the benchmark reads: "bench-notice.txt" (Vietnamese) or "bench-notice-en.txt". */
    public static String notice(String name) throws IOException {
        try (InputStream in = TtsBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Measures espeak-ng's "vi" on the Vietnamese notice, and espeak-ng's "en" and FreeTTS's "kevin16" on the English
     * one, each through its language's normaliser; raw espeak-ng with the same voice is the baseline of both espeak
     * rows.
     */
    public static List<Row> run(String vietnamese, String english, int rounds) {
        EspeakEngine espeak = new EspeakEngine(EspeakConfig.defaults());
        List<Row> rows = new ArrayList<>();
        rows.add(measure(espeak, "vi", Language.VIETNAMESE, vietnamese, rounds, true));
        rows.add(measure(espeak, "en", Language.ENGLISH, english, rounds, true));
        rows.add(measure(new FreeTtsEngine(), "kevin16", Language.ENGLISH, english, rounds, false));
        rows.add(piper(vietnamese, rounds));
        return rows;
    }

    /**
     * The Piper engine on the tiny voice {@link TinyPiperVoice} builds (no real voice can be fetched here), with
     * espeak-ng's real phonemizer: the engine's own cost per notice, not a VITS model's.
     */
    private static Row piper(String vietnamese, int rounds) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("loa-piper-bench");
            TinyPiperVoice.write(folder, "vi_VN-tiny");
            try (PiperEngine piper = PiperEngine.load(folder, new EspeakPhonemizer(EspeakConfig.defaults().binary()))) {
                return measure(piper, "vi_VN-tiny", Language.VIETNAMESE, vietnamese, rounds, false);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Row measure(SpeechEngine engine, String voice, Language language, String text, int rounds,
            boolean raw) {
        TextNormalizer normalizer = language == Language.ENGLISH ? EnglishNormalizer.create()
                : VietnameseNormalizer.create();
        double[] normalise = new double[rounds];
        double[] first = new double[rounds];
        double[] whole = new double[rounds];
        double[] rawMs = new double[rounds];
        long wholeCpu = 0;
        long rawCpu = 0;
        double audio = 0;
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up for the JIT
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            Normalized n = normalizer.normalize(text);
            long normalised = System.nanoTime();
            long[] firstAt = {0};
            double[] seconds = {0};
            // the pause plan as Announcer.speak applies it: the whole path a notice takes
            engine.synthesize(SpeechRequest.of(n.sentences(), voice), spoken -> {
                SpeechChunk chunk = SentencePause.withPause(spoken, n.pauses().get(spoken.index()), VoiceSettings.NORMAL);
                if (firstAt[0] == 0) {
                    firstAt[0] = System.nanoTime();
                }
                seconds[0] += chunk.millis() / 1000.0;
            });
            long end = System.nanoTime();
            long cpuEnd = cpuNanos();
            double rawTime = raw ? rawEspeakMillis(voice, n.normalized()) : 0;
            if (round >= 0) {
                wholeCpu += cpuEnd - cpuStart;
                rawCpu += cpuNanos() - cpuEnd;
            }
            if (round >= 0) {
                normalise[round] = (normalised - start) / 1e6;
                first[round] = (firstAt[0] - start) / 1e6;
                whole[round] = (end - start) / 1e6;
                rawMs[round] = rawTime;
                audio = seconds[0];
            }
        }
        return new Row(engine.name(), voice, language, median(normalise), median(first), median(whole), audio,
                cacheHitMillis(engine, voice, normalizer.normalize(text)), median(rawMs),
                wholeCpu / 1e6 / rounds, raw ? rawCpu / 1e6 / rounds : Double.NaN);
    }

    /**
     * CPU time so far of this JVM (all its threads) and of its child processes that have ended (from
     * /proc/self/stat, in clock ticks of 10 ms: meaningful as a sum over rounds); 0 for children elsewhere than Linux.
     */
    static long cpuNanos() {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, cutime 16 and cstime 17
            return own + (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return own;
        }
    }

    private static double cacheHitMillis(SpeechEngine engine, String voice, Normalized n) {
        CachingEngine cached = new CachingEngine(engine, new SynthesisCache(Announcer.DEFAULT_CACHE_BYTES));
        SpeechRequest request = SpeechRequest.of(n.sentences(), voice);
        cached.synthesizeAll(request);
        double[] hits = new double[9];
        for (int i = 0; i < hits.length; i++) {
            long start = System.nanoTime();
            cached.synthesizeAll(request);
            hits[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(hits);
    }

    /** Raw espeak-ng on the same spoken text, its audio read to the end: the baseline of the issue. */
    private static double rawEspeakMillis(String voice, String spoken) {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder("espeak-ng", "-v", voice, "-b", "1", "--stdout", "--stdin").start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(spoken.getBytes(StandardCharsets.UTF_8));
            }
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            p.waitFor();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
