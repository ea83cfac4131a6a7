package vn.loa.tts.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach one HTTP speech service, as the operator configures it.
 *
 * @param endpoint the synthesis URL (for example {@code https://api.fpt.ai/hmi/tts/v5})
 * @param apiKey the service's key or token; empty for a MaryTTS server without one
 * @param voices the service's voice names the operator allows
 * @param requestTimeout how long one HTTP request may take
 * @param pollInterval how long to wait between asking for audio that is not ready yet ("poll this URL" services)
 * @param pollTimeout how long the audio of one sentence may take to become ready
 */
public record HttpEngineConfig(URI endpoint, String apiKey, Set<String> voices, Duration requestTimeout,
        Duration pollInterval, Duration pollTimeout) {

    public HttpEngineConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(apiKey, "apiKey");
        voices = Set.copyOf(voices);
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (voices.isEmpty()) {
            throw new IllegalArgumentException("an HTTP speech engine needs at least one voice");
        }
    }

    /** A 10 s request limit, polling every 250 ms for up to 15 s. */
    public static HttpEngineConfig of(URI endpoint, String apiKey, Set<String> voices) {
        return new HttpEngineConfig(endpoint, apiKey, voices, Duration.ofSeconds(10), Duration.ofMillis(250),
                Duration.ofSeconds(15));
    }
}
