package vn.loa.server.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.AlertTrigger;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.ContentSource;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.OutboundChannel;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.PluginRoutes;
import vn.loa.plugin.Settings;

/**
 * A well-behaved test plugin that shows the server's wiring: it proposes the items its settings list, raises an
 * alert when {@code POST /api/v1/plugins/echo/alert} asks, lists the notices it received at {@code GET /aired}, and
 * tells its setting {@code password} at {@code GET /password}.
 */
public final class EchoPlugin implements Plugin, ContentSource, AlertTrigger, OutboundChannel, PluginRoutes {

    private volatile Settings settings = Settings.EMPTY;
    private volatile AlertSink sink;
    private final List<AiredNotice> aired = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "Plugin thử nghiệm: đề xuất tin theo cấu hình, phát cảnh báo khi được gọi, ghi lại tin đã phát.";
    }

    @Override
    public Settings validate(Settings proposed) throws InvalidSettingsException {
        for (Settings item : proposed.objects("items")) {
            if (item.text("title", "").isEmpty()) {
                throw new InvalidSettingsException("Mỗi mục cần có tiêu đề (title).");
            }
        }
        return proposed;
    }

    @Override
    public void start(PluginContext context) {
        settings = context.settings();
    }

    @Override
    public Optional<ContentSource> contentSource() {
        return Optional.of(this);
    }

    @Override
    public Optional<AlertTrigger> alertTrigger() {
        return Optional.of(this);
    }

    @Override
    public Optional<OutboundChannel> outboundChannel() {
        return Optional.of(this);
    }

    @Override
    public Optional<PluginRoutes> routes() {
        return Optional.of(this);
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(200);
    }

    @Override
    public List<ContentItem> poll() {
        return settings.objects("items").stream().map(i -> new ContentItem(i.text("key", i.text("title", "")),
                i.text("title", ""), i.text("text", ""), null, null, i.texts("zones"),
                ContentItem.Target.valueOf(i.text("target", "NOTICE")))).toList();
    }

    @Override
    public void arm(AlertSink sink) {
        this.sink = sink;
    }

    @Override
    public void deliver(AiredNotice notice) {
        aired.add(notice);
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        if (request.method().equals("POST") && request.path().equals("/alert")) {
            List<String> zones = List.of(request.query().getOrDefault("zone", List.of("")).get(0));
            String key = request.query().getOrDefault("key", List.of("k")).get(0);
            Alert.Level level = Alert.Level.valueOf(request.query().getOrDefault("level", List.of("EMERGENCY")).get(0));
            boolean accepted = sink.raise(new Alert(key, level, "Cảnh báo thử",
                    "Nước sông đang lên nhanh, bà con chú ý.", zones));
            return PluginResponse.json(accepted ? 202 : 429, "{\"accepted\":" + accepted + "}");
        }
        if (request.method().equals("GET") && request.path().equals("/password")) {
            // Only so the tests can see that a masked secret sent back keeps the saved one.
            return PluginResponse.json(200, PluginResponse.quote(settings.text("password", "")));
        }
        if (request.method().equals("GET") && request.path().equals("/aired")) {
            StringBuilder json = new StringBuilder("[");
            for (AiredNotice n : aired) {
                json.append(json.length() > 1 ? "," : "").append("{\"id\":").append(n.id()).append(",\"title\":")
                        .append(PluginResponse.quote(n.title())).append(",\"zoneNames\":")
                        .append(PluginResponse.quote(String.join(", ", n.zoneNames()))).append('}');
            }
            return PluginResponse.json(200, json.append(']').toString());
        }
        return PluginResponse.error(404, "not_found", "Không có đường dẫn " + request.path());
    }
}
