package vn.loa.server.plugin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.plugin.PluginHost;
import vn.loa.core.plugin.PluginStatus;
import vn.loa.core.plugin.PluginTrouble;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Settings;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.Role;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;

/**
 * Lists plugins and lets an admin enable, disable and configure them: the plugin validates the settings, Loa stores
 * them with an audit record, and the plugin is restarted with them. A plugin acts in the unit of the admin who last
 * configured it, and only an admin of that unit (or above) may change it.
 */
final class PluginAdmin {

    private final Jdbi jdbi;
    private final PluginStore store;
    private final PluginHost host;
    private final AuditLog audit;
    private final Blocking blocking;
    private final Clock clock;

    PluginAdmin(Jdbi jdbi, PluginStore store, PluginHost host, AuditLog audit, Blocking blocking,
            Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.host = host;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
    }

    Future<List<JsonObject>> list(Caller caller) {
        return blocking.run(() -> host.statuses().stream().map(s -> json(caller, s)).toList());
    }

    Future<JsonObject> get(Caller caller, String name) {
        PluginStatus status = host.status(name).orElseThrow(() -> ApiError.notFound("plugin", name));
        return blocking.run(() -> json(caller, status));
    }

    /** Applies {@code {enabled?, settings?}}; what is left out keeps its saved value. */
    Future<JsonObject> configure(Caller caller, String name, JsonObject body) {
        if (caller.role() != Role.ADMIN) {
            throw ApiError.forbidden("Chỉ quản trị viên được bật, tắt và cấu hình plugin.");
        }
        PluginStatus status = host.status(name).orElseThrow(() -> ApiError.notFound("plugin", name));
        if (!host.configurable(name)) {
            throw ApiError.conflict("plugin_broken", "Plugin '" + name + "' không nạp được: " + status.reason());
        }
        return blocking.run(() -> {
            Optional<PluginStore.Config> saved = jdbi.withHandle(h -> store.find(h, name));
            if (saved.isPresent() && !caller.covers(saved.get().unitPath())) {
                throw ApiError.forbidden("Plugin này do đơn vị khác cấu hình; chỉ quản trị viên của đơn vị đó "
                        + "hoặc cấp trên được thay đổi.");
            }
            Settings proposed = body.containsKey("settings")
                    ? SettingsJson.read(SecretSettings.restored(body.getJsonObject("settings"),
                            saved.map(PluginStore.Config::settings).orElseGet(JsonObject::new)))
                    : saved.map(c -> SettingsJson.read(c.settings())).orElseGet(() -> host.defaults(name));
            boolean enabled = body.getBoolean("enabled", saved.map(PluginStore.Config::enabled).orElse(false));
            // Saved settings were validated when saved: switching a plugin off must work even while it hangs.
            boolean fresh = body.containsKey("settings") || saved.isEmpty() && enabled;
            Settings valid = fresh ? validated(name, proposed) : proposed;
            PluginStore.Config config = new PluginStore.Config(name, enabled, SettingsJson.write(valid),
                    caller.unitId(), caller.unitPath());
            jdbi.useTransaction(h -> {
                store.save(h, config, caller.username(), clock.instant());
                store.actAs(h, PluginOutlet.actor(name), name, caller.unitId(), clock.instant());
                audit.record(h, caller, enabled ? "plugin.enable" : "plugin.disable", "plugin:" + name,
                        SecretSettings.masked(config.settings()).encode());
            });
            return host.apply(name, enabled, valid).join();
        }).map(s -> json(caller, s));
    }

    private Settings validated(String name, Settings proposed) {
        try {
            return host.validate(name, proposed).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InvalidSettingsException invalid) {
                throw ApiError.badRequest("invalid_settings", invalid.getMessage());
            }
            if (e.getCause() instanceof PluginTrouble trouble) {
                throw new ApiError(503, "plugin_unavailable", "Plugin '" + name + "' không trả lời: "
                        + trouble.getMessage());
            }
            throw e;
        }
    }

    /** A plugin as the API shows it; its settings only to admins, and their secrets masked. */
    private JsonObject json(Caller caller, PluginStatus s) {
        JsonObject json = new JsonObject().put("name", s.name()).put("description", s.description())
                .put("apiVersion", s.apiVersion()).put("capabilities", s.capabilities()).put("origin", s.origin())
                .put("enabled", s.enabled()).put("state", s.state().name()).put("reason", s.reason());
        if (caller.role() == Role.ADMIN) {
            Optional<PluginStore.Config> saved = jdbi.withHandle(h -> store.find(h, s.name()));
            json.put("unit", saved.map(PluginStore.Config::unitId).orElse(null));
            json.put("settings", SecretSettings.masked(saved.map(PluginStore.Config::settings)
                    .orElseGet(() -> defaults(s))));
        }
        return json;
    }

    private JsonObject defaults(PluginStatus s) {
        try {
            return SettingsJson.write(host.defaults(s.name()));
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
