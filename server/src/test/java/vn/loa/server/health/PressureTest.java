package vn.loa.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.loa.server.air.AirBacklog;
import vn.loa.server.http.DiskSpace;

class PressureTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AirBacklog backlog = new AirBacklog(nanos::get);
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void anAnnouncementWaitingLongerThanTheLimitToGoOnAirMakesTheAirDegradedUntilItStarts() {
        Pressure pressure = new Pressure(backlog, Duration.ofSeconds(5), new DiskSpace(java.nio.file.Path.of("."), 0));
        backlog.submit(queued::add, () -> { });
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(pressure.describe().getJsonObject("air").getString("status")).isEqualTo("UP");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(pressure.describe().getJsonObject("air").getString("status")).isEqualTo("DEGRADED");
        assertThat(pressure.describe().getJsonObject("air").getLong("oldestWaitMs")).isEqualTo(6_000);
        assertThat(pressure.degraded()).isTrue();

        queued.forEach(Runnable::run);
        assertThat(pressure.describe().getJsonObject("air").getString("status")).isEqualTo("UP");
        assertThat(pressure.describe().getJsonObject("air").getInteger("waiting")).isZero();
    }

    @Test
    void theMetricsShowTheBacklogAndTheHeap() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Pressure pressure = new Pressure(backlog, Duration.ofSeconds(5), new DiskSpace(java.nio.file.Path.of("."), 0))
                .airRecords(() -> 7).register(registry);
        backlog.submit(queued::add, () -> { });
        backlog.submit(queued::add, () -> { });
        nanos.addAndGet(Duration.ofMillis(1_500).toNanos());

        String scraped = registry.scrape();

        assertThat(scraped).contains("loa_air_backlog_items 2.0").contains("loa_air_backlog_seconds 1.5")
                .contains("loa_heap_after_gc_ratio").contains("loa_air_records_waiting 7.0")
                .contains("jvm_memory_used_bytes{area=\"heap\"").contains("jvm_memory_max_bytes")
                .contains("jvm_gc_overhead").containsPattern("loa_process_resident_bytes [1-9]");
        pressure.close();
    }
}
