package vn.loa.server.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import vn.loa.server.air.AirBacklog;
import vn.loa.server.http.DiskSpace;

/**
 * The load on the server as {@code /health} and {@code /metrics} show it: how long announcements wait to start going
 * on air, how full the heap stays after garbage collection, and how much of the data folder's disk is free. Any past
 * its limit makes the server DEGRADED: it still answers, but a technician should look before an emergency finds it
 * short.
 *
 * <p>Thread-safe; every figure is read when asked.
 */
public final class Pressure implements AutoCloseable {

    /** Heap still in use after a collection, as a share of the most the heap may grow to, past which memory is short. */
    static final double HEAP_LIMIT = 0.90;

    private final AirBacklog backlog;
    private final Duration lagLimit;
    private final DiskSpace disk;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();

    /** The air's records waiting for the database (ADR 0025); none until {@link #airRecords} connects them. */
    private java.util.function.IntSupplier recordsWaiting = () -> 0;
    private final List<AutoCloseable> jvmMeters = new java.util.ArrayList<>();

    public Pressure(AirBacklog backlog, Duration lagLimit, DiskSpace disk) {
        this.backlog = backlog;
        this.lagLimit = lagLimit;
        this.disk = disk;
    }

    /** Counts the air's records still to be written (a stalled database), for /health and /metrics. */
    public Pressure airRecords(java.util.function.IntSupplier waiting) {
        this.recordsWaiting = waiting;
        return this;
    }

    /**
     * Registers the gauges {@code loa_air_backlog_seconds}, {@code loa_air_backlog_items},
     * {@code loa_heap_after_gc_ratio}, {@code loa_air_records_waiting}, {@code loa_process_resident_bytes} and the
     * JVM's memory, GC and heap-pressure meters.
     */
    public Pressure register(MeterRegistry registry) {
        Gauge.builder("loa.air.backlog.seconds", this, p -> p.backlog.oldestWait().toNanos() / 1e9)
                .description("How long the announcement waiting longest to start going on air has waited")
                .register(registry);
        Gauge.builder("loa.air.backlog.items", this, p -> p.backlog.waiting())
                .description("Announcements waiting to start going on air").register(registry);
        Gauge.builder("loa.disk.free.bytes", this, p -> p.disk.free())
                .description("Bytes free on the data folder's disk").register(registry);
        Gauge.builder("loa.heap.after.gc.ratio", this, Pressure::heapAfterGc)
                .description("Heap in use after the last collection, as a share of the maximum heap")
                .register(registry);
        Gauge.builder("loa.air.records.waiting", this, p -> p.recordsWaiting.getAsInt())
                .description("Records of the air (state changes, deliveries) waiting for the database").register(registry);
        Gauge.builder("loa.process.resident.bytes", this, p -> residentBytes())
                .description("Resident memory of the server process (heap, metaspace, threads, buffers)")
                .register(registry);
        // The JVM's own: heap and non-heap by pool (jvm_memory_*), collections (jvm_gc_*), and Micrometer's heap
        // pressure: the long-lived pool's share after GC (jvm_memory_usage_after_gc) and time spent in GC.
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        var gc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();
        gc.bindTo(registry);
        var heapPressure = new io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics();
        heapPressure.bindTo(registry);
        // CPU (process_cpu_usage, system_cpu_usage, system_load_average_1m) and threads (jvm_threads_*), for the
        // Grafana dashboard of docs/operations.md.
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        jvmMeters.add(gc);
        jvmMeters.add(heapPressure);
        return this;
    }

    /** Stops the JVM meters' listeners. */
    @Override
    public void close() {
        for (AutoCloseable meter : jvmMeters) {
            try {
                meter.close();
            } catch (Exception e) {
                // stopping: nothing to report to
            }
        }
    }

    /** The process's resident set from {@code /proc/self/statm} (pages), in bytes; 0 where there is no such file. */
    static long residentBytes() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/statm")).trim()
                    .split("\\s+");
            return Long.parseLong(fields[1]) * 4096;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** True when the air is behind or memory is short. */
    boolean degraded() {
        return airBehind() || heapAfterGc() > HEAP_LIMIT || disk.low();
    }

    private boolean airBehind() {
        return backlog.oldestWait().compareTo(lagLimit) > 0;
    }

    /** The figures for {@code /health}. */
    JsonObject describe() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double afterGc = heapAfterGc();
        return new JsonObject()
                .put("air", new JsonObject().put("status", airBehind() ? "DEGRADED" : "UP")
                        .put("waiting", backlog.waiting()).put("oldestWaitMs", backlog.oldestWait().toMillis())
                        .put("limitMs", lagLimit.toMillis()).put("recordsWaiting", recordsWaiting.getAsInt()))
                .put("memory", new JsonObject().put("status", afterGc > HEAP_LIMIT ? "DEGRADED" : "UP")
                        .put("heapUsedMb", heap.getUsed() >> 20).put("heapMaxMb", maxHeap() >> 20)
                        .put("heapAfterGcRatio", Math.round(afterGc * 1000) / 1000.0)
                        .put("residentMb", residentBytes() >> 20))
                .put("disk", disk.describe());
    }

    private double heapAfterGc() {
        long used = heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                .filter(java.util.Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
        return (double) used / maxHeap();
    }

    private static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
