package vn.loa.server.config;

import java.time.Duration;
import java.util.Properties;
import vn.loa.hotline.HotlineLimits;
import vn.loa.hotline.HotlineSettings;

/**
 * The hotline's settings ({@code hotline.*} in {@code loa-defaults.properties}): off by default; when on, where it
 * listens and which trunk, if any, it registers with; what it allows callers it does not trust yet; how wrong PINs
 * back off and when repeated failures alarm the admins.
 */
public record HotlineConfig(boolean enabled, HotlineSettings settings, Duration pinBackoff, int alarmFailures) {

    static HotlineConfig from(Properties p) {
        String enabled = p.getProperty("hotline.enabled", "false").trim();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigException("hotline.enabled (LOA_HOTLINE_ENABLED) must be true or false, got '" + enabled + "'");
        }
        String host = p.getProperty("hotline.host", "0.0.0.0").trim();
        String publicHost = p.getProperty("hotline.public.host", "").trim();
        if (publicHost.isEmpty()) {
            publicHost = host;
        }
        if (enabled.equals("true") && publicHost.equals("0.0.0.0")) {
            throw new ConfigException("hotline.public.host (LOA_HOTLINE_PUBLIC_HOST) must name the address phones and "
                    + "the trunk reach this server at when hotline.host is 0.0.0.0");
        }
        String trunk = p.getProperty("hotline.trunk", "").trim();
        if (!trunk.isEmpty() && !trunk.matches("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")) {
            throw new ConfigException("hotline.trunk (LOA_HOTLINE_TRUNK) must be host or host:port, got '" + trunk + "'");
        }
        String domain = p.getProperty("hotline.trunk.domain", "").trim();
        String realm = p.getProperty("hotline.sip.realm", "loa").trim();
        if (!realm.matches("^[A-Za-z0-9.-]{1,64}$")) {
            throw new ConfigException("hotline.sip.realm (LOA_HOTLINE_SIP_REALM) must be 1-64 letters, digits, dots "
                    + "or dashes, got '" + realm + "'");
        }
        int maxCalls = number(p, "hotline.max.calls", 2, 200);
        int pinWaiting = number(p, "hotline.pin.waiting", 1, 199);
        if (pinWaiting >= maxCalls) {
            throw new ConfigException("hotline.pin.waiting (LOA_HOTLINE_PIN_WAITING) must be below hotline.max.calls ("
                    + maxCalls + "), or calls parked at the PIN prompt could take every slot; got " + pinWaiting);
        }
        HotlineLimits limits = new HotlineLimits(number(p, "hotline.pin.attempts", 1, 20),
                number(p, "hotline.invites.per.second", 1, 1000), maxCalls, pinWaiting,
                seconds(p, "hotline.key.timeout", 5, 600), seconds(p, "hotline.pin.timeout", 5, 300),
                seconds(p, "hotline.tcp.idle.timeout", 2, 3600), number(p, "hotline.tcp.per.address", 1, 1000));
        HotlineSettings settings = new HotlineSettings(host, number(p, "hotline.port", 0, 65535), publicHost,
                trunk.isEmpty() ? null : trunk, p.getProperty("hotline.trunk.user", "hotline").trim(),
                p.getProperty("hotline.trunk.password", ""), domain.isEmpty() ? null : domain, realm, limits);
        return new HotlineConfig(enabled.equals("true"), settings, seconds(p, "hotline.pin.backoff", 1, 3600),
                number(p, "hotline.alarm.failures", 2, 1000));
    }

    private static Duration seconds(Properties p, String key, int min, int max) {
        return Duration.ofSeconds(number(p, key, min, max));
    }

    private static int number(Properties p, String key, int min, int max) {
        String value = p.getProperty(key, "").trim();
        String env = ConfigLoader.envName(key);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new ConfigException(key + " (" + env + ") must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " (" + env + ") must be a whole number, got '" + value + "'");
        }
    }
}
