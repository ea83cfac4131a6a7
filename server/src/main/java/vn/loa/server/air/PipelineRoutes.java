package vn.loa.server.air;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.media.PipelineMeters;
import vn.loa.core.media.PipelineStage;
import vn.loa.core.model.Zone;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.zone.ZoneRepository;

/**
 * {@code GET /api/v1/pipelines}: the per-stage counts of the zone streams in the caller's subtree, from source to
 * fan-out, for the technician's page (the same figures as {@code /metrics}).
 */
public final class PipelineRoutes {

    private final Jdbi jdbi;
    private final ZoneStreams streams;
    private final ZoneRepository zones = new ZoneRepository();
    private final Blocking blocking;

    public PipelineRoutes(Jdbi jdbi, ZoneStreams streams, Blocking blocking) {
        this.jdbi = jdbi;
        this.streams = streams;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listPipelines").addHandler(this::list);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> {
            Map<String, String> names = jdbi.withHandle(h -> zones.subtree(h, caller.unitPath())).stream()
                    .collect(Collectors.toMap(Zone::id, Zone::name));
            JsonArray all = new JsonArray();
            streams.pipelines().forEach((key, meters) -> {
                if (names.containsKey(key.zone())) {
                    all.add(new JsonObject().put("zone", key.zone()).put("zoneName", names.get(key.zone()))
                            .put("stream", PipelineMetrics.streamName(key)).put("stages", stages(meters)));
                }
            });
            return all;
        }));
    }

    private static JsonArray stages(PipelineMeters meters) {
        JsonArray stages = new JsonArray();
        for (PipelineStage stage : PipelineStage.values()) {
            stages.add(new JsonObject().put("stage", stage.label()).put("in", meters.in(stage))
                    .put("out", meters.out(stage)).put("drops", meters.drops(stage))
                    .put("seconds", meters.nanos(stage) / 1e9));
        }
        return stages;
    }
}
