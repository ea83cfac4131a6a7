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
 */
public record SpeechSettings(String defaultVoice, String cloud, URI cloudUrl, String cloudKey, List<String> cloudVoices,
        Duration cloudTimeout) {

    public static final Set<String> CLOUDS = Set.of("fpt", "viettel", "zalo", "marytts");

    public SpeechSettings {
        cloudVoices = List.copyOf(cloudVoices);
    }
}
