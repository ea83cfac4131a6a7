package vn.loa.server.announcement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.Delivery;

/** The JSON shapes of an announcement: the summary of lists and the detail with its history. */
final class AnnouncementJson {

    private AnnouncementJson() {
    }

    static JsonObject summary(Announcement a) {
        JsonObject schedule = new JsonObject();
        putTime(schedule, "at", a.schedule().at());
        if (a.schedule().cron() != null) {
            schedule.put("cron", a.schedule().cron());
        }
        putTime(schedule, "until", a.schedule().until());
        if (a.schedule().duration() != null) {
            schedule.put("duration", a.schedule().duration().toSeconds());
        }
        JsonObject json = new JsonObject()
                .put("id", a.id())
                .put("title", a.title())
                .put("zones", new JsonArray(a.zones()))
                .put("priority", a.priority().name())
                .put("repeat", a.repeat())
                .put("chime", a.chime())
                .put("state", a.state().name())
                .put("createdBy", a.createdBy())
                .put("createdAt", a.createdAt().toString())
                .put("updatedAt", a.updatedAt().toString());
        putIfSet(json, "text", a.text());
        putIfSet(json, "audioId", a.audioId());
        putIfSet(json, "relayUrl", a.relayUrl());
        if (a.isPlaylist()) {
            json.put("playlist", new JsonArray(a.playlist()));
        }
        putIfSet(json, "voice", a.voice());
        if (!schedule.isEmpty()) {
            json.put("schedule", schedule);
        }
        return json;
    }

    static JsonObject detail(AnnouncementService.Detail detail) {
        JsonArray transitions = new JsonArray();
        for (Transition t : detail.transitions()) {
            JsonObject row = new JsonObject().put("to", t.to()).put("actor", t.actor()).put("at", t.at().toString());
            putIfSet(row, "from", t.from());
            putIfSet(row, "reason", t.reason());
            transitions.add(row);
        }
        JsonArray deliveries = new JsonArray();
        for (Delivery d : detail.deliveries()) {
            JsonObject row = new JsonObject().put("node", d.nodeId()).put("state", d.state().name())
                    .put("updatedAt", d.updatedAt().toString());
            putIfSet(row, "detail", d.detail());
            deliveries.add(row);
        }
        return summary(detail.announcement()).put("transitions", transitions).put("deliveries", deliveries);
    }

    private static void putIfSet(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static void putTime(JsonObject json, String key, Instant value) {
        if (value != null) {
            json.put(key, value.toString());
        }
    }
}
