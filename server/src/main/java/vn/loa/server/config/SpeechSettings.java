package vn.loa.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which speech engines read notices: espeak-ng always, and optionally a cloud service tried first for its own voices.
 *
 * @param defaultVoice the voice of a notice that names none
 * @param cloud        {@code fpt}, {@code viettel}, {@code zalo} or {@code marytts}; null for none
 * @param engine       the local engine of the default Vietnamese voice: {@code espeak} or {@code piper}
 * @param piperVoices  the folder of Piper voices ({@code *.onnx} + {@code *.onnx.json}) an admin placed
 */
public record SpeechSettings(String defaultVoice, String cloud, URI cloudUrl, String cloudKey, List<String> cloudVoices,
        Duration cloudTimeout, String engine, java.nio.file.Path piperVoices) {

    public static final Set<String> CLOUDS = Set.of("fpt", "viettel", "zalo", "marytts");
    public static final Set<String> ENGINES = Set.of("espeak", "piper");

    public SpeechSettings {
        cloudVoices = List.copyOf(cloudVoices);
    }
}
