package vn.loa.plugins.notify;

import java.util.List;
import java.util.Optional;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.OutboundChannel;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.PluginRoutes;
import vn.loa.plugin.Settings;

/**
 * Sends every aired notice by e-mail (SMTP) and to HTTP webhooks (a Zalo Official Account relay, an SMS gateway),
 * retrying failures and listing what could not be delivered at {@code GET /api/v1/plugins/notify/dead-letters}.
 *
 * <p>Threading: {@link #deliver} only queues; the {@link Courier}'s own thread sends.
 */
public final class Notify implements Plugin, OutboundChannel, PluginRoutes {

    private volatile Courier courier;

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public String description() {
        return "Gửi mọi tin đã phát qua thư điện tử (SMTP) và webhook HTTP (Zalo OA, cổng SMS), có gửi lại và danh sách "
                + "tin gửi hỏng.";
    }

    @Override
    public Settings defaults() {
        return Settings.EMPTY.with("webhooks", List.of()).with("retries", 3).with("retryDelaySeconds", 30)
                .with("timeoutSeconds", 10);
    }

    /**
     * The settings' JSON Schema: the SMTP password, each webhook's URL (it may carry a token in its query or user
     * part) and each header value are secrets (write-only: Loa encrypts them and never shows them).
     */
    @Override
    public String settingsSchema() {
        return """
                {"type":"object","properties":{
                  "email":{"type":"object","properties":{
                    "host":{"type":"string"},"port":{"type":"integer"},"starttls":{"type":"boolean"},
                    "username":{"type":"string"},"password":{"type":"string","writeOnly":true},
                    "from":{"type":"string"},"to":{"type":"array","items":{"type":"string"}}}},
                  "webhooks":{"type":"array","items":{"type":"object","properties":{
                    "name":{"type":"string"},"url":{"type":"string","writeOnly":true},
                    "headers":{"type":"object","additionalProperties":{"type":"string","writeOnly":true}}}}},
                  "retries":{"type":"integer"},"retryDelaySeconds":{"type":"number"},
                  "timeoutSeconds":{"type":"integer"}}}""";
    }

    @Override
    public Settings validate(Settings proposed) throws InvalidSettingsException {
        NotifySettings.read(proposed);
        return proposed;
    }

    @Override
    public void start(PluginContext context) throws InvalidSettingsException {
        courier = NotifySettings.read(context.settings()).courier(context.clock());
    }

    @Override
    public void stop() {
        if (courier != null) {
            courier.close();
        }
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
    public void deliver(AiredNotice notice) {
        courier.post(notice);
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "GET /dead-letters" -> {
                StringBuilder json = new StringBuilder("[");
                // An instance a province configured also serves its communes: each sees its own notices only.
                for (Courier.DeadLetter d : courier.deadLetters(d -> request.mayReach(d.notice().unit()))) {
                    json.append(json.length() > 1 ? "," : "").append("{\"channel\":").append(PluginResponse.quote(d.channel()))
                            .append(",\"id\":").append(d.notice().id())
                            .append(",\"title\":").append(PluginResponse.quote(d.notice().title()))
                            .append(",\"attempts\":").append(d.attempts())
                            .append(",\"lastError\":").append(PluginResponse.quote(d.lastError()))
                            .append(",\"failedAt\":").append(PluginResponse.quote(d.failedAt().toString())).append('}');
                }
                return PluginResponse.json(200, json.append(']').toString());
            }
            case "POST /dead-letters/retry" -> {
                if (!request.isAdmin()) {
                    return PluginResponse.error(403, "forbidden", "Chỉ quản trị viên được gửi lại tin.");
                }
                return PluginResponse.json(202, "{\"retried\":"
                        + courier.retryDeadLetters(d -> request.mayReach(d.notice().unit())) + "}");
            }
            case "GET /status" -> {
                return PluginResponse.json(200, "{\"sent\":" + courier.sent() + ",\"pending\":" + courier.pending()
                        + ",\"deadLetters\":" + courier.deadLetters(d -> request.mayReach(d.notice().unit())).size()
                        + "}");
            }
            default -> {
                return PluginResponse.error(404, "not_found", "notify có GET /dead-letters, POST /dead-letters/retry "
                        + "và GET /status.");
            }
        }
    }
}
