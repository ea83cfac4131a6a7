package vn.loa.server.hotline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.hotline.SipHotline;
import vn.loa.server.air.LiveAir;
import vn.loa.server.air.OnAir;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.user.PasswordHasher;
import vn.loa.server.config.HotlineConfig;

/**
 * The hotline, assembled: the numbers, presets and calls the API manages, and, when enabled, the SIP user agent that
 * answers the phone with them.
 */
public final class Hotline implements AutoCloseable {

    private final HotlineNumbers numbers;
    private final HotlinePresets presets;
    private final HotlineCalls calls;
    private final RelayLatency latency = new RelayLatency();
    private final SipHotline sip;

    public Hotline(io.vertx.core.Vertx vertx, HotlineConfig config, Jdbi jdbi, AnnouncementService lifecycle,
            LiveAir live, OnAir.Speech speech, PasswordHasher hasher, AuditLog audit, Path dataDir,
            java.util.function.BooleanSupplier diskLow, Clock clock)
            throws Exception {
        Path recordings = dataDir.resolve("hotline");
        this.numbers = new HotlineNumbers(jdbi, hasher, audit, clock, config.settings().realm());
        this.presets = new HotlinePresets(jdbi, audit);
        this.calls = new HotlineCalls(jdbi, recordings);
        // Every member airs the calls the others answer, whether or not it answers the phone itself.
        HotlineVoices voices = new HotlineVoices(vertx, lifecycle, live);
        voices.listen();
        if (config.enabled()) {
            HotlineAir air = new HotlineAir(jdbi, numbers, lifecycle, live, speech, latency, voices);
            HotlineGate gate = new HotlineGate(jdbi, numbers, air, audit, clock,
                    new PinBackoff(config.settings().limits().pinAttempts(), config.pinBackoff()),
                    new FailureAlarm(config.alarmFailures(), clock));
            this.sip = SipHotline.start(config.settings(), gate, air, recordings, diskLow);
        } else {
            this.sip = null;
        }
    }

    public HotlineRoutes routes(vn.loa.server.http.Blocking blocking) {
        return new HotlineRoutes(numbers, presets, calls, this, blocking);
    }

    /** The SIP side, when the hotline is enabled. */
    public Optional<SipHotline> sip() {
        return Optional.ofNullable(sip);
    }

    /** How long callers' audio waited in Loa before going out (the benchmark reads it). */
    public RelayLatency latency() {
        return latency;
    }

    @Override
    public void close() {
        if (sip != null) {
            sip.close();
        }
    }
}
