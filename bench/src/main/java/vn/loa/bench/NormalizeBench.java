package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import vn.loa.tts.TtsBenchmark;
import vn.loa.tts.normalize.VietnameseNormalizer;

/**
 * {@code ./loa bench normalize}: the Vietnamese normaliser alone, on the golden corpus (tts's
 * {@code golden-notices.tsv}, 600+ sentences of every class) and on the 306-word bench notice: sentences per second,
 * and per sentence and per notice the median and p99, for the reading that airs and for the explained reading that
 * {@code POST /api/v1/tts/normalize} answers (tokens with their classes).
 */
final class NormalizeBench {

    private static final Path CORPUS = Path.of("tts", "src", "test", "resources", "vn", "loa", "tts", "normalize",
            "golden-notices.tsv");
    private static final int ROUNDS = 15;
    private static final int NOTICE_RUNS = 300;

    /** How many golden rows read as one of their accepted readings, in all and per class. */
    private static JsonObject accuracy(VietnameseNormalizer normalizer, List<String[]> rows, List<String> written) {
        java.util.Map<String, int[]> byClass = new java.util.TreeMap<>();
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean ok = List.of(rows.get(i)[1].split(" \\| ")).contains(normalizer.normalize(written.get(i)).normalized());
            int[] score = byClass.computeIfAbsent(rows.get(i).length > 2 ? rows.get(i)[2] : "word", k -> new int[2]);
            score[0] += ok ? 1 : 0;
            score[1]++;
            right += ok ? 1 : 0;
        }
        JsonObject classes = new JsonObject();
        byClass.forEach((kind, score) -> classes.put(kind, score[0] + "/" + score[1]));
        return new JsonObject().put("rows", rows.size()).put("right", right)
                .put("accuracyPercent", Math.round(1000.0 * right / rows.size()) / 10.0).put("byClass", classes);
    }

    void run(Path out) throws Exception {
        if (!Files.isRegularFile(CORPUS)) {
            throw new IllegalStateException("Run from the repository root: " + CORPUS + " is missing.");
        }
        List<String[]> rows = Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        // as GoldenRow reads them: "\n" is a line break and "\u00AD" a soft hyphen, as typed
        List<String> sentences = rows.stream().map(r -> r[0].replace("\\n", "\n").replace("\\u00AD", "\u00AD"))
                .toList();
        String notice = TtsBenchmark.notice("bench-notice.txt");
        String loadBefore = Machine.loadAverage();
        VietnameseNormalizer normalizer = VietnameseNormalizer.create();
        for (int i = 0; i < 3; i++) { // warm-up: patterns compiled, JIT done
            sentences.forEach(normalizer::normalize);
            sentences.forEach(normalizer::explain);
        }
        double[] perSentence = new double[sentences.size() * ROUNDS];
        long start = System.nanoTime();
        for (int round = 0, k = 0; round < ROUNDS; round++) {
            for (String s : sentences) {
                long t0 = System.nanoTime();
                normalizer.normalize(s);
                perSentence[k++] = (System.nanoTime() - t0) / 1_000.0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] explained = new double[sentences.size() * 3];
        for (int round = 0, k = 0; round < 3; round++) {
            for (String s : sentences) {
                long t0 = System.nanoTime();
                normalizer.explain(s);
                explained[k++] = (System.nanoTime() - t0) / 1_000.0;
            }
        }
        double[] noticeMs = time(() -> normalizer.normalize(notice));
        double[] noticeExplainMs = time(() -> normalizer.explain(notice));
        double rate = perSentence.length / seconds;
        Arrays.sort(perSentence);
        Arrays.sort(explained);
        System.out.printf("corpus: %d sentences x %d rounds: %.0f sentences/s; per sentence median %.0f us, p99 %.0f us;"
                + " explained median %.0f us, p99 %.0f us%n", sentences.size(), ROUNDS, rate,
                perSentence[perSentence.length / 2], perSentence[(int) (perSentence.length * 0.99)],
                explained[explained.length / 2], explained[(int) (explained.length * 0.99)]);
        System.out.printf("306-word notice: median %.2f ms, p99 %.2f ms; explained median %.2f ms, p99 %.2f ms%n",
                noticeMs[noticeMs.length / 2], noticeMs[(int) (noticeMs.length * 0.99)],
                noticeExplainMs[noticeExplainMs.length / 2], noticeExplainMs[(int) (noticeExplainMs.length * 0.99)]);
        JsonObject golden = accuracy(normalizer, rows, sentences);
        System.out.printf("golden set: %d of %d rows read as accepted (%.1f%%)%n", golden.getInteger("right"),
                rows.size(), golden.getDouble("accuracyPercent"));
        JsonObject result = new JsonObject()
                .put("benchmark", "Vietnamese normaliser alone, one thread, after 3 warm-up passes: the golden corpus ("
                        + sentences.size() + " sentences) " + ROUNDS + " times, and the 306-word bench notice "
                        + NOTICE_RUNS + " times; 'explained' is the reading with its tokens, as the normalize endpoint"
                        + " answers")
                .put("machine", Machine.describe()
                        .put("loadAverage", new JsonObject().put("before", loadBefore).put("after", Machine.loadAverage())))
                .put("golden", golden)
                .put("corpus", new JsonObject().put("sentences", sentences.size()).put("rounds", ROUNDS)
                        .put("sentencesPerSecond", Math.round(rate))
                        .put("perSentenceMicros", Percentiles.of(perSentence))
                        .put("explainedPerSentenceMicros", Percentiles.of(explained)))
                .put("notice306Words", new JsonObject().put("runs", NOTICE_RUNS)
                        .put("micros", Percentiles.of(micros(noticeMs)))
                        .put("explainedMicros", Percentiles.of(micros(noticeExplainMs))));
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The notice's times in milliseconds, sorted. */
    private static double[] time(Runnable read) {
        double[] ms = new double[NOTICE_RUNS];
        for (int i = 0; i < NOTICE_RUNS; i++) {
            long t0 = System.nanoTime();
            read.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double[] micros(double[] ms) {
        return Arrays.stream(ms).map(v -> v * 1_000).toArray();
    }
}
