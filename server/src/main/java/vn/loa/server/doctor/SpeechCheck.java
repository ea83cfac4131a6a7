package vn.loa.server.doctor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Whether espeak-ng runs and has its Vietnamese voices: without them no typed notice can be read aloud. */
final class SpeechCheck implements Check {

    static final String SUBJECT = "espeak-ng (giọng đọc / speech engine)";
    private static final List<String> REGIONAL = List.of("vi-vn-x-central", "vi-vn-x-south");

    private final HostCommands host;

    SpeechCheck(HostCommands host) {
        this.host = host;
    }

    @Override
    public Finding run() {
        var version = host.run(Duration.ofSeconds(10), "espeak-ng", "--version");
        if (version.isEmpty() || version.get().status() != 0) {
            return Finding.fail(SUBJECT, "chưa cài espeak-ng nên Loa không đọc được tin (not installed): "
                    + "sudo apt-get install espeak-ng");
        }
        var voices = host.run(Duration.ofSeconds(10), "espeak-ng", "--voices=vi");
        List<String> names = voices.map(o -> o.text().lines().skip(1).map(SpeechCheck::voiceName).toList())
                .orElse(List.of());
        String which = version.get().text().replaceFirst("\\s*Data at:.*", "").strip();
        if (!names.contains("vi")) {
            return Finding.fail(SUBJECT, which + ": thiếu giọng tiếng Việt \"vi\" (Vietnamese voice missing); "
                    + "cài lại / reinstall: sudo apt-get install --reinstall espeak-ng-data");
        }
        List<String> missing = REGIONAL.stream().filter(v -> !names.contains(v)).toList();
        if (!missing.isEmpty()) {
            return Finding.warn(SUBJECT, which + ": có giọng miền Bắc, thiếu " + String.join(", ", missing)
                    + " (regional voices missing): tin chọn giọng đó sẽ đọc bằng giọng miền Bắc");
        }
        return Finding.ok(SUBJECT, which + ", giọng vi, vi-vn-x-central, vi-vn-x-south");
    }

    /** The "Language" column of {@code espeak-ng --voices}: "5  vi  --/M  Vietnamese_(Northern) ...". */
    private static String voiceName(String line) {
        String[] columns = line.strip().split("\\s+");
        return columns.length > 1 ? columns[1].toLowerCase(Locale.ROOT) : "";
    }
}
