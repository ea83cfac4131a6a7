package vn.loa.plugins.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.PluginResponse;

/**
 * POSTs a notice as JSON to an HTTP endpoint: the shape a Zalo Official Account relay or an SMS gateway takes, with the
 * notice's fields and a ready {@code message} of at most 600 characters. Any 2xx answer is success.
 */
final class WebhookChannel implements Channel {

    record Config(String name, URI url, Map<String, String> headers, Duration timeout) {
    }

    private final Config config;
    private final HttpClient http;

    WebhookChannel(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void send(AiredNotice notice) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(notice), StandardCharsets.UTF_8));
        config.headers().forEach(request::header);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
    }

    static String json(AiredNotice n) {
        return "{\"event\":\"notice.aired\",\"id\":" + n.id() + ",\"title\":" + PluginResponse.quote(n.title())
                + ",\"text\":" + PluginResponse.quote(n.text()) + ",\"priority\":" + PluginResponse.quote(n.priority())
                + ",\"zones\":" + list(n.zones()) + ",\"zoneNames\":" + list(n.zoneNames())
                + ",\"airedAt\":" + PluginResponse.quote(n.airedAt().toString())
                + ",\"message\":" + PluginResponse.quote(NoticeText.shortForm(n, 600)) + "}";
    }

    private static String list(java.util.List<String> values) {
        return "[" + String.join(",", values.stream().map(PluginResponse::quote).toList()) + "]";
    }
}
