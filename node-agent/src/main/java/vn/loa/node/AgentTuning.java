package vn.loa.node;

import java.time.Duration;

/**
 * The agent's timings that the command line does not expose: production values in {@link #DEFAULT}, short ones in
 * tests.
 *
 * @param jitterDelay how long audio waits in the jitter buffer: the network jitter it absorbs
 * @param streamSilence how long an unannounced stream may pause before its WAV file is closed
 * @param sourceTimeout how long the playing RTP source may be quiet before another may take over
 * @param firstRetry the first wait before reconnecting to the server; it doubles up to {@code maxRetry}
 * @param stableAfter how long a connection must last for the backoff to start again from {@code firstRetry}
 */
public record AgentTuning(Duration jitterDelay, Duration streamSilence, Duration sourceTimeout, Duration firstRetry,
        Duration maxRetry, Duration stableAfter) {

    /** 120 ms of jitter buffer covers a commune's Wi-Fi or 4G link; retries from 1 s to 30 s. */
    public static final AgentTuning DEFAULT = new AgentTuning(Duration.ofMillis(120), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30));
}
