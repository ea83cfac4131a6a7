package vn.loa.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.loa.plugin.AlertTrigger;
import vn.loa.plugin.ContentSource;
import vn.loa.plugin.OutboundChannel;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginApi;
import vn.loa.plugin.PluginRoutes;

/** What a plugin said about itself, asked once on its own thread so that a plugin hanging there cannot hang Loa. */
record PluginParts(String name, String description, int apiVersion, String settingsSchema,
        Optional<ContentSource> content, Optional<AlertTrigger> trigger, Optional<OutboundChannel> outbound,
        Optional<PluginRoutes> routes) {

    static PluginParts of(Plugin p) {
        return new PluginParts(p.name(), p.description(), p.apiVersion(), p.settingsSchema(), p.contentSource(),
                p.alertTrigger(), p.outboundChannel(), p.routes());
    }

    List<String> capabilities() {
        List<String> c = new ArrayList<>();
        content.ifPresent(x -> c.add("content"));
        trigger.ifPresent(x -> c.add("alerts"));
        outbound.ifPresent(x -> c.add("outbound"));
        routes.ifPresent(x -> c.add("routes"));
        return c;
    }

    /**
     * Why a plugin that described itself cannot be hosted, or null: a bad name, another plugin API, or a name already
     * taken by the plugin from {@code takenBy} (null when free).
     */
    String refusal(String takenBy) {
        if (!PluginApi.NAME.matcher(name()).matches()) {
            return "tên plugin không hợp lệ / bad name '" + name() + "'";
        }
        if (apiVersion() != PluginApi.VERSION) {
            return "viết cho SPI phiên bản " + apiVersion() + ", Loa có " + PluginApi.VERSION
                    + " / built for another plugin API";
        }
        return takenBy == null ? null : "trùng tên với plugin ở " + takenBy + " / duplicate name";
    }
}
