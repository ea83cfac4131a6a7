package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.core.media.StreamCodec;
import vn.loa.wire.control.ControlMessage;

/** {@code loa_node_heartbeats_total} on {@code /metrics}: every heartbeat an agent sends this server, counted once. */
class HeartbeatMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");
    private static final ControlMessage.Heartbeat BEAT = new ControlMessage.Heartbeat("idle", 80, 0, 0, 0);

    private final NodeSessions sessions = new NodeSessions();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private NodeSession agent(String id) {
        NodeSession session = new NodeSession(id, "thon-a", StreamCodec.PCMU, new InetSocketAddress("10.0.0.2", 40000),
                null, NOW, java.time.Duration.ofSeconds(15));
        sessions.add(session);
        return session;
    }

    @Test
    void theCounterShowsEveryHeartbeatOfEveryAgentAndKeepsThoseOfAgentsGone() {
        PipelineMetrics.bindHeartbeats(sessions, registry);
        assertThat(registry.scrape()).contains("loa_node_heartbeats_total 0.0");
        NodeSession first = agent("loa-1");
        NodeSession second = agent("loa-2");
        for (int i = 0; i < 3; i++) {
            sessions.heard(first, BEAT, NOW.plusSeconds(10L * i));
        }
        sessions.heard(second, BEAT, NOW);
        sessions.remove(first);
        sessions.heard(second, BEAT, NOW.plusSeconds(10));

        assertThat(sessions.heartbeats()).isEqualTo(5);
        assertThat(registry.scrape()).contains("# TYPE loa_node_heartbeats_total counter")
                .contains("loa_node_heartbeats_total 5.0");
    }
}
