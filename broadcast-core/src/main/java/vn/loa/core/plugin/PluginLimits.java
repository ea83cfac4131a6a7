package vn.loa.core.plugin;

import java.time.Duration;

/**
 * How much a plugin may take before Loa cuts it off.
 *
 * @param callTimeout     the longest a call (deliver, route, validate) may run
 * @param pollTimeout     the longest a content source's poll may run (it may fetch several pages)
 * @param startTimeout    the longest start or stop may run
 * @param queue           calls that may wait for a plugin's thread; more are refused and reported
 * @param alertsPerMinute alerts a trigger may raise per minute; more are refused and reported as flooding
 */
public record PluginLimits(Duration callTimeout, Duration pollTimeout, Duration startTimeout, int queue,
        int alertsPerMinute) {

    public static final PluginLimits DEFAULT = new PluginLimits(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(15), 32, 12);
}
