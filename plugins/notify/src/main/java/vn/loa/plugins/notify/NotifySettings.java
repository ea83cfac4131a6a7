package vn.loa.plugins.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Settings;

/** The admin's settings, checked and turned into channels and a courier. */
record NotifySettings(List<Channel> channels, int retries, Duration retryDelay) {

    static NotifySettings read(Settings s) throws InvalidSettingsException {
        try {
            int timeout = (int) s.number("timeoutSeconds", 10);
            if (timeout < 1 || timeout > 60) {
                throw new InvalidSettingsException("'timeoutSeconds' phải từ 1 đến 60.");
            }
            List<Channel> channels = new ArrayList<>();
            if (s.has("email")) {
                channels.add(new EmailChannel(email(object(s, "email"), timeout * 1000)));
            }
            Set<String> names = new HashSet<>(Set.of("email"));
            for (Settings w : s.objects("webhooks")) {
                WebhookChannel.Config c = webhook(w, Duration.ofSeconds(timeout));
                if (!names.add(c.name())) {
                    throw new InvalidSettingsException("Hai kênh cùng tên '" + c.name() + "'.");
                }
                channels.add(new WebhookChannel(c));
            }
            if (channels.isEmpty()) {
                throw new InvalidSettingsException("Cần ít nhất một kênh: 'email' (máy chủ SMTP) hoặc 'webhooks'.");
            }
            long retries = s.number("retries", 3);
            double delay = s.decimal("retryDelaySeconds", 30);
            if (retries < 0 || retries > 10) {
                throw new InvalidSettingsException("'retries' phải từ 0 đến 10.");
            }
            if (delay < 0.05 || delay > 3600) {
                throw new InvalidSettingsException("'retryDelaySeconds' phải từ 0,05 đến 3600.");
            }
            return new NotifySettings(channels, (int) retries, Duration.ofMillis(Math.round(delay * 1000)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    Courier courier(Clock clock) {
        return new Courier(channels, retries, retryDelay, clock);
    }

    private static Settings object(Settings s, String key) {
        Object v = s.values().get(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("'" + key + "' phải là một đối tượng {host, port, from, to}.");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, x) -> copy.put(String.valueOf(k), x));
        return new Settings(copy);
    }

    private static EmailChannel.Config email(Settings e, int timeoutMillis) throws InvalidSettingsException {
        String host = e.text("host", "");
        long port = e.number("port", 25);
        String from = e.text("from", "");
        List<String> to = e.texts("to");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new InvalidSettingsException("'email.host' và 'email.port' phải là máy chủ SMTP, ví dụ smtp.xa.gov.vn, 587.");
        }
        if (!from.contains("@") || to.isEmpty() || to.stream().anyMatch(a -> !a.contains("@"))) {
            throw new InvalidSettingsException("'email.from' và 'email.to' phải là địa chỉ thư điện tử (có '@').");
        }
        return new EmailChannel.Config(host, (int) port, e.text("username", ""), e.text("password", ""), from, to,
                e.flag("starttls", false), timeoutMillis);
    }

    private static WebhookChannel.Config webhook(Settings w, Duration timeout) throws InvalidSettingsException {
        String name = w.text("name", "");
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidSettingsException("Mỗi webhook cần 'name' gồm chữ thường, số, '-' (có '" + name + "').");
        }
        URI url;
        try {
            url = URI.create(w.text("url", ""));
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || !Set.of("http", "https").contains(String.valueOf(url.getScheme())) || url.getHost() == null) {
            throw new InvalidSettingsException("Webhook '" + name + "': 'url' phải là địa chỉ http(s)://.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Object h = w.values().get("headers");
        if (h instanceof Map<?, ?> m) {
            m.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        } else if (h != null) {
            throw new InvalidSettingsException("Webhook '" + name + "': 'headers' phải là đối tượng tên → giá trị.");
        }
        try {
            // The JDK refuses some header names (Host, Connection...): say so now, not at the first notice.
            java.net.http.HttpRequest.Builder probe = java.net.http.HttpRequest.newBuilder(url);
            headers.forEach(probe::header);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Webhook '" + name + "': không dùng được tiêu đề HTTP này: "
                    + e.getMessage());
        }
        return new WebhookChannel.Config(name, url, headers, timeout);
    }
}
