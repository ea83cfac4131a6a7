package vn.loa.server.plugin;

import vn.loa.server.secret.SecretCipher;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
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
import vn.loa.plugin.Unit;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.http.Blocking;
import vn.loa.server.refusal.Refusal;

/**
 * Lists plugins and lets an admin enable, disable and configure them for their own unit: the plugin validates the
 * settings, Loa stores them (secrets sealed) with an audit record naming the fields changed, and the unit's instance
 * is restarted with them. Every answer is the one for the caller's unit: its own configuration, or the nearest
 * above it (shown as inherited, secrets masked), never a sibling's.
 */
final class PluginAdmin {

    private final Jdbi jdbi;
    private final PluginStore store;
    private final PluginHost host;
    private final AuditLog audit;
    private final Blocking blocking;
    private final Clock clock;
    private final SecretCipher cipher;
    private final java.util.function.BiConsumer<String, Unit> others;

    /** @param others told each unit's configuration saved or removed, for the other members of a cluster */
    PluginAdmin(Jdbi jdbi, PluginStore store, PluginHost host, AuditLog audit, Blocking blocking, Clock clock,
            SecretCipher cipher, java.util.function.BiConsumer<String, Unit> others) {
        this.others = others;
        this.jdbi = jdbi;
        this.store = store;
        this.host = host;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
        this.cipher = cipher;
    }

    static Unit unitOf(Caller caller) {
        return new Unit(caller.unitId(), caller.unitPath());
    }

    Future<List<JsonObject>> list(Caller caller) {
        return blocking.run(() -> host.statuses(unitOf(caller)).stream().map(s -> json(caller, s)).toList());
    }

    Future<JsonObject> get(Caller caller, String name) {
        PluginStatus status = host.status(name, unitOf(caller)).orElseThrow(() -> Refusal.notFound("plugin", name));
        return blocking.run(() -> json(caller, status));
    }

    /** Applies {@code {enabled?, settings?}} to the caller's unit; what is left out keeps its value there. */
    Future<JsonObject> configure(Caller caller, String name, JsonObject body) {
        if (caller.role() != Role.ADMIN) {
            throw Refusal.forbidden("Chỉ quản trị viên được bật, tắt và cấu hình plugin.");
        }
        Unit unit = unitOf(caller);
        PluginStatus status = host.status(name, unit).orElseThrow(() -> Refusal.notFound("plugin", name));
        if (!host.configurable(name)) {
            throw Refusal.conflict("plugin_broken", "Plugin '" + name + "' không nạp được: " + status.reason());
        }
        SecretSettings secrets = SecretSettings.of(host.settingsSchema(name));
        return blocking.run(() -> {
            // Only this unit's own saved settings: a secret of the province is never copied into a commune's.
            Optional<PluginStore.Config> saved = jdbi.withHandle(h -> store.find(h, name, caller.unitId()));
            // Secrets sealed under another key cannot be kept: a mask for them asks the admin to enter them again.
            Optional<JsonObject> own = saved.flatMap(c -> openable(c.settings()));
            JsonObject proposed = body.containsKey("settings")
                    ? SecretSettings.restored(body.getJsonObject("settings"), own.orElseGet(JsonObject::new))
                    : own.orElseGet(() -> SettingsJson.write(host.defaults(name)));
            boolean enabled = body.getBoolean("enabled",
                    saved.map(PluginStore.Config::enabled).orElse(status.enabled()));
            // Saved settings were validated when saved: switching a plugin off must work even while it hangs.
            boolean fresh = body.containsKey("settings") || own.isEmpty() && enabled;
            Settings valid = fresh ? validated(name, SettingsJson.read(proposed)) : SettingsJson.read(proposed);
            JsonObject plain = SettingsJson.write(valid);
            PluginStore.Config config = new PluginStore.Config(name, enabled, secrets.sealed(plain, cipher),
                    caller.unitId(), caller.unitPath());
            List<String> changed = SettingsChanges.between(own.orElseGet(JsonObject::new), plain);
            jdbi.useTransaction(h -> {
                store.save(h, config, caller.username(), clock.instant());
                store.actAs(h, PluginOutlet.actor(name, caller.unitId()), name, caller.unitId(), clock.instant());
                audit.record(h, caller, enabled ? "plugin.enable" : "plugin.disable", "plugin:" + name,
                        new JsonObject().put("unit", caller.unitId()).put("enabled", enabled)
                                .put("changed", new JsonArray(changed)).encode());
            });
            others.accept(name, unit);
            return host.apply(name, unit, enabled, valid).join();
        }).map(s -> json(caller, s));
    }

    private Optional<JsonObject> openable(JsonObject sealed) {
        try {
            return Optional.of(SecretSettings.opened(sealed, cipher));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Drops the caller's unit's own configuration: the unit follows the nearest unit above it again. */
    Future<JsonObject> remove(Caller caller, String name) {
        if (caller.role() != Role.ADMIN) {
            throw Refusal.forbidden("Chỉ quản trị viên được xóa cấu hình plugin.");
        }
        Unit unit = unitOf(caller);
        host.status(name, unit).orElseThrow(() -> Refusal.notFound("plugin", name));
        return blocking.run(() -> {
            jdbi.useTransaction(h -> {
                if (!store.delete(h, name, caller.unitId())) {
                    throw new Refusal(Refusal.Kind.NOT_FOUND,
                            "not_found", "Đơn vị này chưa có cấu hình riêng cho plugin '" + name
                            + "'.");
                }
                audit.record(h, caller, "plugin.remove", "plugin:" + name,
                        new JsonObject().put("unit", caller.unitId()).encode());
            });
            others.accept(name, unit);
            host.remove(name, unit).join();
            return host.status(name, unit).orElseThrow();
        }).map(s -> json(caller, s));
    }

    private Settings validated(String name, Settings proposed) {
        try {
            return host.validate(name, proposed).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InvalidSettingsException invalid) {
                throw Refusal.invalid("invalid_settings", invalid.getMessage());
            }
            if (e.getCause() instanceof PluginTrouble trouble) {
                throw new Refusal(Refusal.Kind.UNAVAILABLE,
                        "plugin_unavailable", "Plugin '" + name + "' không trả lời: "
                        + trouble.getMessage());
            }
            throw e;
        }
    }

    /**
     * A plugin as a caller of its unit sees it; for admins also the settings that apply there (secrets masked), the
     * unit they come from, whether that is an inherited one, and the plugin's settings schema.
     */
    private JsonObject json(Caller caller, PluginStatus s) {
        JsonObject json = new JsonObject().put("name", s.name()).put("description", s.description())
                .put("apiVersion", s.apiVersion()).put("capabilities", s.capabilities()).put("origin", s.origin())
                .put("enabled", s.enabled()).put("state", s.state().name()).put("reason", s.reason());
        if (caller.role() == Role.ADMIN) {
            Optional<PluginStore.Config> applying =
                    jdbi.withHandle(h -> store.applying(h, s.name(), caller.unitPath()));
            json.put("unit", applying.map(PluginStore.Config::unitId).orElse(null));
            json.put("inherited", applying.isPresent() && !applying.get().unitId().equals(caller.unitId()));
            SecretSettings secrets = SecretSettings.of(schema(s));
            // Masking works on the sealed form: a secret is never decrypted for an answer.
            json.put("settings", secrets.masked(applying.map(PluginStore.Config::settings)
                    .orElseGet(() -> defaults(s))));
            json.put("settingsSchema", schemaJson(s));
        }
        return json;
    }

    private String schema(PluginStatus s) {
        return host.configurable(s.name()) ? host.settingsSchema(s.name()) : null;
    }

    private JsonObject schemaJson(PluginStatus s) {
        String text = schema(s);
        try {
            return text == null ? null : new JsonObject(text);
        } catch (DecodeException e) {
            return null;
        }
    }

    private JsonObject defaults(PluginStatus s) {
        try {
            return SettingsJson.write(host.defaults(s.name()));
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
