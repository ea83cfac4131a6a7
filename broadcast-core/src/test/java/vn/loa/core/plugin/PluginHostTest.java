package vn.loa.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.AlertTrigger;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.ContentSource;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.OutboundChannel;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.PluginRoutes;
import vn.loa.plugin.Settings;
import vn.loa.plugin.Unit;

/** The host keeps plugins apart from Loa: what a plugin throws, hangs on or floods Loa with is reported, not obeyed. */
class PluginHostTest {

    private static final PluginLimits QUICK = new PluginLimits(Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(500), 4, 3);

    private static final Unit PROVINCE = new Unit("tinh", "/root/tinh/");
    private static final Unit COMMUNE_A = new Unit("xa-a", "/root/tinh/xa-a/");
    private static final Unit COMMUNE_B = new Unit("xa-b", "/root/tinh/xa-b/");
    private static final Unit UNIT = COMMUNE_A;

    private final List<ContentItem> proposed = new CopyOnWriteArrayList<>();
    private final List<Alert> raised = new CopyOnWriteArrayList<>();
    private PluginHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    /** A plugin whose every part does what the test tells it. */
    static class Scripted implements Plugin, ContentSource, OutboundChannel, PluginRoutes, AlertTrigger {
        final String name;
        volatile Runnable onStart = () -> { };
        volatile Runnable onCall = () -> { };
        volatile List<ContentItem> items = List.of();
        volatile AlertSink sink;
        final List<AiredNotice> delivered = new CopyOnWriteArrayList<>();

        Scripted(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public String description() { return "thử"; }
        @Override public Settings validate(Settings s) throws InvalidSettingsException {
            if (s.has("bad")) {
                throw new InvalidSettingsException("Sai cấu hình");
            }
            return s;
        }
        @Override public void start(PluginContext c) { onStart.run(); }
        @Override public Optional<ContentSource> contentSource() { return Optional.of(this); }
        @Override public Optional<OutboundChannel> outboundChannel() { return Optional.of(this); }
        @Override public Optional<PluginRoutes> routes() { return Optional.of(this); }
        @Override public Optional<AlertTrigger> alertTrigger() { return Optional.of(this); }
        @Override public Duration interval() { return Duration.ofMillis(100); }
        @Override public List<ContentItem> poll() {
            onCall.run();
            return items;
        }
        @Override public void deliver(AiredNotice n) {
            onCall.run();
            delivered.add(n);
        }
        @Override public PluginResponse handle(PluginRequest r) {
            onCall.run();
            return PluginResponse.json(200, "{\"path\":" + PluginResponse.quote(r.path()) + "}");
        }
        @Override public void arm(AlertSink s) { sink = s; }
    }

    private PluginHost host(Plugin... plugins) throws Exception {
        Path data = Files.createTempDirectory("loa-plugins-");
        host = new PluginHost(java.util.Arrays.stream(plugins).map(p -> new PluginLoader.Found(p, "classpath", null))
                .toList(), data, Clock.systemUTC(), QUICK, new PluginHost.Outlet() {
                    @Override public void proposed(String plugin, Unit unit, ContentItem item) { proposed.add(item); }
                    @Override public void raised(String plugin, Unit unit, Alert alert) { raised.add(alert); }
                });
        return host;
    }

    private PluginStatus eventually(String name, Predicate<PluginStatus> condition) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> host.status(name, UNIT).orElseThrow(), condition);
    }

    private static ContentItem item(String key) {
        return new ContentItem(key, "Tin " + key, "Nội dung", null, null, List.of("thon-dong"));
    }

    private static AiredNotice notice() {
        return new AiredNotice(1, "Họp", "Họp dân", "SCHEDULED", List.of("thon-dong"), List.of("Thôn Đông"),
                Instant.now(), UNIT);
    }

    @Test
    void aFoundPluginIsListedDisabledWithWhatItContributes() throws Exception {
        host(new Scripted("tin-xa"));
        PluginStatus s = host.status("tin-xa", UNIT).orElseThrow();
        assertThat(s.state()).isEqualTo(PluginState.DISABLED);
        assertThat(s.capabilities()).containsExactly("content", "alerts", "outbound", "routes");
    }

    @Test
    void anEnabledSourceIsPolledAndItsItemsReachTheOutlet() throws Exception {
        Scripted p = new Scripted("tin-xa");
        p.items = List.of(item("a"), item("b"));
        host(p).apply("tin-xa", UNIT, true, Settings.EMPTY).join();
        eventually("tin-xa", s -> s.state() == PluginState.RUNNING && proposed.size() >= 2);
        assertThat(proposed).extracting(ContentItem::key).contains("a", "b");
    }

    @Test
    void aSourceIsPolledOnlyWhileThisServerHoldsItsPoller() throws Exception {
        Scripted p = new Scripted("tin-xa");
        p.items = List.of(item("a"));
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> asked = new CopyOnWriteArrayList<>();
        host(p).pollOnly(poller -> {
            asked.add(poller);
            return held.get();
        });
        host.apply("tin-xa", UNIT, true, Settings.EMPTY).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.size() >= 3);
        assertThat(proposed).as("another member holds the poller").isEmpty();
        assertThat(asked).containsOnly(PluginPolling.pollerName("tin-xa", UNIT));
        held.set(true);
        eventually("tin-xa", s -> proposed.size() >= 1);
    }

    @Test
    void settingsThePluginRefusesFailWithItsMessage() throws Exception {
        host(new Scripted("tin-xa"));
        var refused = host.validate("tin-xa", Settings.of(java.util.Map.of("bad", true)));
        assertThat(refused).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(InvalidSettingsException.class).withMessage("Sai cấu hình");
    }

    @Test
    void aPluginThatThrowsOnStartIsFailedWithTheReason() throws Exception {
        Scripted p = new Scripted("hong");
        p.onStart = () -> {
            throw new IllegalStateException("không kết nối được");
        };
        PluginStatus s = host(p).apply("hong", UNIT, true, Settings.EMPTY).join();
        assertThat(s.state()).isEqualTo(PluginState.FAILED);
        assertThat(s.reason()).contains("không kết nối được");
    }

    @Test
    void aPluginThatHangsOnStartIsFailedAndTheHostStaysResponsive() throws Exception {
        Scripted p = new Scripted("treo");
        CountDownLatch never = new CountDownLatch(1);
        p.onStart = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Ignores the interrupt on purpose and keeps hanging, like a badly written plugin.
                while (true) {
                    Thread.onSpinWait();
                    if (never.getCount() == 0) {
                        return;
                    }
                }
            }
        };
        PluginStatus s = host(p).apply("treo", UNIT, true, Settings.EMPTY).join();
        assertThat(s.state()).isEqualTo(PluginState.FAILED);
        assertThat(s.reason()).contains("no answer in time");
        host.aired(notice());
        assertThat(host.statuses(UNIT)).hasSize(1);
        never.countDown();
    }

    @Test
    void aPollThatThrowsDegradesThePluginUntilAPollSucceeds() throws Exception {
        Scripted p = new Scripted("tin-xa");
        p.onCall = () -> {
            throw new IllegalStateException("cổng thông tin không trả lời");
        };
        host(p).apply("tin-xa", UNIT, true, Settings.EMPTY).join();
        PluginStatus s = eventually("tin-xa", x -> x.state() == PluginState.DEGRADED);
        assertThat(s.reason()).contains("cổng thông tin không trả lời");
        p.onCall = () -> { };
        eventually("tin-xa", x -> x.state() == PluginState.RUNNING);
    }

    @Test
    void aDeliveryThatHangsIsCutOffAndAFullQueueDropsNoticesInsteadOfWaiting() throws Exception {
        Scripted p = new Scripted("cham");
        CountDownLatch release = new CountDownLatch(1);
        host(p).apply("cham", UNIT, true, Settings.EMPTY).join();
        p.onCall = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < 50; i++) {
            host.aired(notice());
        }
        PluginStatus s = eventually("cham", x -> x.state() == PluginState.DEGRADED);
        assertThat(s.reason()).containsAnyOf("queue full", "no answer in time");
        release.countDown();
    }

    @Test
    void aTriggerThatFloodsGetsOnlyItsShareOfAlertsThrough() throws Exception {
        Scripted p = new Scripted("lu");
        host(p).apply("lu", UNIT, true, Settings.EMPTY).join();
        eventually("lu", s -> p.sink != null);
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            if (p.sink.raise(new Alert("e" + i, Alert.Level.EMERGENCY, "Lũ", "Nước lên", List.of("thon-dong")))) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(QUICK.alertsPerMinute());
        PluginStatus s = eventually("lu", x -> raised.size() == QUICK.alertsPerMinute());
        assertThat(s.state()).isEqualTo(PluginState.DEGRADED);
        assertThat(s.reason()).contains("flooding");
    }

    @Test
    void aDisabledPluginsOldSinkIsRefused() throws Exception {
        Scripted p = new Scripted("lu");
        host(p).apply("lu", UNIT, true, Settings.EMPTY).join();
        eventually("lu", s -> p.sink != null);
        AlertSink old = p.sink;
        host.apply("lu", UNIT, false, Settings.EMPTY).join();
        assertThat(old.raise(new Alert("x", Alert.Level.EMERGENCY, "Lũ", "Nước lên", List.of("thon-dong")))).isFalse();
        assertThat(host.status("lu", UNIT).orElseThrow().state()).isEqualTo(PluginState.DISABLED);
    }

    @Test
    void routesReachThePluginWithThePathBelowItsName() throws Exception {
        host(new Scripted("tin-xa")).apply("tin-xa", UNIT, true, Settings.EMPTY).join();
        PluginResponse r = host.route("tin-xa", new PluginRequest("GET", "/items", java.util.Map.of(), null, null,
                "admin", "admin", UNIT)).get(5, TimeUnit.SECONDS);
        assertThat(r.bodyText()).isEqualTo("{\"path\":\"/items\"}");
    }

    @Test
    void twoPluginsWithOneNameLeaveTheSecondFailed() throws Exception {
        host(new Scripted("tin-xa"), new Scripted("tin-xa"));
        assertThat(host.statuses(UNIT)).extracting(PluginStatus::state)
                .containsExactly(PluginState.DISABLED, PluginState.FAILED);
    }

    @Test
    void eachUnitThatConfiguresAPluginGetsItsOwnInstanceAndTheProvincesServesTheUnitsBelowWithout() throws Exception {
        Path data = Files.createTempDirectory("loa-plugins-");
        List<Scripted> made = new CopyOnWriteArrayList<>();
        Scripted asked = new Scripted("tin-xa");
        host = new PluginHost(List.of(new PluginLoader.Found(asked, () -> {
            Scripted s = new Scripted("tin-xa");
            made.add(s);
            return s;
        }, "classpath", null)), data, Clock.systemUTC(), QUICK, new PluginHost.Outlet() {
            @Override public void proposed(String plugin, Unit unit, ContentItem item) { }
            @Override public void raised(String plugin, Unit unit, Alert alert) { }
        });
        host.apply("tin-xa", PROVINCE, true, Settings.of(java.util.Map.of("who", "tinh"))).join();
        host.apply("tin-xa", COMMUNE_A, true, Settings.of(java.util.Map.of("who", "xa-a"))).join();
        assertThat(made).hasSize(2);
        Scripted province = made.get(0);
        Scripted communeA = made.get(1);

        host.aired(new AiredNotice(1, "Họp", "Họp dân", "SCHEDULED", List.of("thon-a"), List.of("Thôn A"),
                Instant.now(), COMMUNE_A));
        host.aired(new AiredNotice(2, "Họp", "Họp dân", "SCHEDULED", List.of("thon-b"), List.of("Thôn B"),
                Instant.now(), COMMUNE_B));
        host.aired(new AiredNotice(3, "Họp", "Họp dân", "SCHEDULED", List.of("khac"), List.of("Khác"),
                Instant.now(), new Unit("tinh-khac", "/root/tinh-khac/")));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !communeA.delivered.isEmpty() && !province.delivered.isEmpty());
        assertThat(communeA.delivered).extracting(AiredNotice::id).containsExactly(1L);
        assertThat(province.delivered).as("B configured nothing: the province's settings apply there")
                .extracting(AiredNotice::id).containsExactly(2L);
        assertThat(asked.delivered).isEmpty();

        assertThat(host.status("tin-xa", COMMUNE_B).orElseThrow().unit()).isEqualTo(PROVINCE);
        assertThat(host.status("tin-xa", COMMUNE_A).orElseThrow().unit()).isEqualTo(COMMUNE_A);
        assertThat(host.status("tin-xa", new Unit("tinh-khac", "/root/tinh-khac/")).orElseThrow().state())
                .isEqualTo(PluginState.DISABLED);
        assertThat(host.serves("tin-xa", new Unit("tinh-khac", "/root/tinh-khac/"))).isFalse();
        host.apply("tin-xa", COMMUNE_A, false, Settings.EMPTY).join();
        assertThat(host.serves("tin-xa", COMMUNE_A)).as("A's own switch-off is not overridden by the province")
                .isFalse();
        assertThat(host.serves("tin-xa", COMMUNE_B)).isTrue();
        assertThat(Files.isDirectory(PluginHost.dataDir(data, "tin-xa", COMMUNE_A))).isTrue();
    }
}
