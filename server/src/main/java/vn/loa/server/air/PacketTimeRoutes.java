package vn.loa.server.air;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.core.media.DataUse;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * {@code GET/PUT /api/v1/zones/{id}/packet-time} {@code {opusPacketTime}}: a zone's Opus packet time for its Opus
 * speakers (agents too), answered with {@code dataPerSpeakerHour}, what each codec and packet time costs a speaker
 * per hour on air.
 */
public final class PacketTimeRoutes {

    private final PacketTimes packetTimes;
    private final Blocking blocking;

    public PacketTimeRoutes(PacketTimes packetTimes, Blocking blocking) {
        this.packetTimes = packetTimes;
        this.blocking = blocking;
    }

    /** The routes over a {@link PacketTimes} that measures Opus on what {@code speech} says. */
    public static PacketTimeRoutes of(org.jdbi.v3.core.Jdbi jdbi, vn.loa.server.zone.ZoneGuard zones,
            vn.loa.server.audit.AuditLog audit, OnAir.Speech speech, NodeSessions agents, Blocking blocking) {
        return new PacketTimeRoutes(new PacketTimes(jdbi, zones, audit, () -> PacketTimes.sample(speech),
                agents::rewelcome), blocking);
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getZonePacketTime").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            Replies.reply(ctx, 200, blocking.run(() -> answer(packetTimes.of(caller, zone))));
        });
        api.getRoute("setZonePacketTime").addHandler(this::set);
    }

    private void set(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String zone = ctx.pathParam("id");
        int millis = ctx.body().asJsonObject().getInteger("opusPacketTime");
        Replies.reply(ctx, 200, blocking.run(() -> {
            packetTimes.set(caller, zone, millis);
            return answer(millis);
        }));
    }

    private JsonObject answer(int millis) {
        JsonArray rows = new JsonArray();
        for (DataUse.Row r : packetTimes.dataUse()) {
            rows.add(new JsonObject().put("codec", r.codec()).put("packetTime", r.packetTimeMillis())
                    .put("srtp", r.srtp()).put("payloadBytes", r.payloadBytes())
                    .put("packetBytes", r.payloadBytes() + DataUse.HEADERS + (r.srtp() ? DataUse.SRTP_TAG : 0))
                    .put("bytesPerHour", r.bytesPerHour()));
        }
        return new JsonObject().put("opusPacketTime", millis).put("dataPerSpeakerHour", rows);
    }
}
