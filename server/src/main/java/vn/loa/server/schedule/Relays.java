package vn.loa.server.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.core.media.RelayFeed;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.audit.AuditLog;

/**
 * The relays on air: each airing of a relay announcement runs one {@link RelayFeed} for its window (the schedule's
 * duration from the moment it airs). What the feed reports lands in the audit log with the actor {@code loa}
 * (connected, retrying with the reason, silent too long); a relay that never reached its upstream in the whole
 * window ends FAILED with the last reason.
 */
public final class Relays {

    private static final Logger LOG = LoggerFactory.getLogger(Relays.class);
    /** The rate a relay is decoded to: above G.722's 16 kHz and half of Opus's 48 kHz. */
    private static final int RATE = 24_000;
    /** A relay that names no duration (made before durations existed) gets one hour. */
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final AuditLog audit;
    private final Duration silenceLimit;
    private final Clock clock;
    private final Map<Long, RelayFeed> feeds = new ConcurrentHashMap<>();

    public Relays(Jdbi jdbi, LoaSteps lifecycle, AuditLog audit, Duration silenceLimit, Clock clock) {
        this.jdbi = jdbi;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.silenceLimit = silenceLimit;
        this.clock = clock;
    }

    /** Starts the relay of {@code a} now, for its window; the supplier gives one live source per zone stream. */
    public Supplier<MediaSource<PcmFrame>> start(Announcement a) {
        Duration window = a.schedule().duration() == null ? DEFAULT_WINDOW : a.schedule().duration();
        // A relay already on air (a cluster member took its zone over, ADR 0049) keeps the window it started with.
        Instant from = a.state() == AnnouncementState.ON_AIR ? a.updatedAt() : clock.instant();
        Instant until = from.plus(window);
        RelayFeed feed = RelayFeed.start(URI.create(a.relayUrl()), RATE, until, silenceLimit, clock,
                new Report(a.id(), a.relayUrl()));
        RelayFeed before = feeds.put(a.id(), feed);
        if (before != null) {
            before.close();
        }
        return feed::listen;
    }

    /** Stops a cancelled announcement's relay at once. */
    public void stop(long announcementId) {
        RelayFeed feed = feeds.remove(announcementId);
        if (feed != null) {
            feed.close();
        }
    }

    private void record(long id, String action, String detail) {
        LOG.info("announcement {}: {} {}", id, action, detail);
        jdbi.useHandle(h -> {
            String unit = new AnnouncementRepository().zonePaths(h, id).stream().findFirst().orElse("/");
            audit.record(h, AnnouncementService.SYSTEM_ACTOR, null, unit, action, "announcement:" + id, detail);
        });
    }

    /** What one relay reports, on its feed's thread. */
    private final class Report implements RelayFeed.Listener {
        private final long id;
        private final String url;

        Report(long id, String url) {
            this.id = id;
            this.url = url;
        }

        @Override
        public void connected(URI upstream, int attempt) {
            record(id, "relay.connected", url + " (lần thử " + attempt + ")");
        }

        @Override
        public void retrying(int attempt, String reason, Duration pause) {
            record(id, "relay.retry", "lần thử " + attempt + " không được (" + reason + "); thử lại sau "
                    + pause.toMillis() + " ms / retrying");
        }

        @Override
        public void silent(Duration silence) {
            record(id, "relay.silence", "nguồn tiếp sóng im lặng " + silence.toSeconds() + " s / upstream silent");
        }

        @Override
        public void ended(boolean everConnected, String lastProblem) {
            feeds.remove(id);
            if (!everConnected) {
                String reason = "Không kết nối được nguồn tiếp sóng " + url + " trong suốt thời lượng phát: "
                        + lastProblem + " / the upstream could not be reached";
                record(id, "relay.failed", reason);
                lifecycle.advance(id, LoaStep.FAILS_ON_AIR, reason);
            }
        }
    }
}
