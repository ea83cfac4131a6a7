package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.loa.tts.TtsBenchmark;

/**
 * {@code ./loa bench tts}: the tts module's speech benchmark (first audio, whole path, real-time factor, cache hit, and
 * raw espeak-ng as the baseline for a 300-word notice, Vietnamese and English), written as JSON with the machine it
 * ran on and its 1-, 5- and 15-minute load averages before and after.
 */
final class TtsBench {

    void run(Path out) throws Exception {
        String loadBefore = Machine.loadAverage();
        JsonArray engines = new JsonArray();
        for (TtsBenchmark.Row row : TtsBenchmark.run(TtsBenchmark.notice("bench-notice.txt"),
                TtsBenchmark.notice("bench-notice-en.txt"), 7)) {
            System.out.printf("%-10s %-8s first audio %6.1f ms  whole %7.1f ms  audio %5.1f s  RTF %5.0fx  vs raw %.2fx  "
                    + "cpu %.0f/%.0f ms = %.2fx  cache hit %.2f ms%n", row.engine(), row.voice(), row.firstAudioMs(),
                    row.wholeMs(), row.audioSeconds(), row.realTimeFactor(), row.ofRaw(), row.wholeCpuMs(), row.rawCpuMs(),
                    row.cpuOfRaw(), row.cacheHitMs());
            engines.add(new JsonObject().put("engine", row.engine()).put("voice", row.voice())
                    .put("language", row.language().code()).put("normaliseMs", round(row.normaliseMs()))
                    .put("firstAudioMs", round(row.firstAudioMs())).put("wholePathMs", round(row.wholeMs()))
                    .put("audioSeconds", round(row.audioSeconds())).put("realTimeFactor", round(row.realTimeFactor()))
                    .put("wholePathOverRawEspeak", Double.isNaN(row.ofRaw()) ? null : round(row.ofRaw()))
                    .put("cacheHitMs", round(row.cacheHitMs()))
                    .put("rawEspeakMs", row.rawEspeakMs() > 0 ? round(row.rawEspeakMs()) : null)
                    .put("wholePathCpuMs", round(row.wholeCpuMs()))
                    .put("rawEspeakCpuMs", Double.isNaN(row.rawCpuMs()) ? null : round(row.rawCpuMs()))
                    .put("cpuOverRawEspeak", Double.isNaN(row.cpuOfRaw()) ? null : round(row.cpuOfRaw())));
        }
        JsonObject result = new JsonObject()
                .put("benchmark", "speech for a 300-word notice (Vietnamese; English for the English voices): medians of"
                        + " 7 rounds after 2 warm-up rounds")
                .put("machine", Machine.describe()
                        .put("loadAverage", new JsonObject().put("before", loadBefore).put("after", Machine.loadAverage())))
                .put("engines", engines);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
