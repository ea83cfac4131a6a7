package vn.loa.server.programme;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.core.media.DeadAirSwitch;
import vn.loa.core.media.DeadAirWatch;
import vn.loa.core.media.FfmpegFileSource;
import vn.loa.core.media.RelayFeed;
import vn.loa.scheduler.session.PlannedItem;
import vn.loa.scheduler.session.RunOrder;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.server.air.Sound;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * Plays one session's run order into the air's sink, item after item, on a maker thread: recordings and jingles
 * decoded, the time signal and notices spoken through the air's own sounds, relays read in step. A fixed-time item
 * waits for its second in silence; the overrun rule cuts an item at its limit; a relay or recording silent past the
 * dead-air limit is covered by the template's fallback until it sounds again. Positions are counted in samples, so a
 * session's timing is the air's, not the maker's (which runs a few seconds ahead).
 */
final class SessionPlayer {

    /** The rate a session is made at: a relay's and a recording's. */
    static final int RATE = 24_000;
    /** How long one piece of music (a recording, a jingle) overlaps the next, fading into it. */
    static final Duration CROSSFADE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SessionPlayer.class);

    /** What the player needs of the server, per session. */
    interface Parts {
        /** The file of an uploaded recording. */
        Path file(String audioId);

        /** The files of the template's fallback playlist (recordings with its tag). */
        List<Path> fallbackFiles();

        /** {@code text} spoken (the time signal). */
        Sound spoken(String text);

        /** What a notice sounds like on air. */
        Sound notice(long id);

        /** A notice of the session goes on air; false when it may not (cancelled meanwhile). */
        boolean noticeStarts(long id);

        /** A notice of the session ended: aired whole ({@code aired}) or broken off. */
        void noticeEnds(long id, boolean aired);

        /** The air switched to or from the fallback. */
        void deadAir(PlannedItem item, DeadAirWatch.Change change, Duration silentFor);
    }

    private final SessionTemplate template;
    private final RunOrder order;
    private final Parts parts;
    private final Duration deadAirLimit;
    private final Duration deadAirReturn;
    private final Clock clock;

    SessionPlayer(SessionTemplate template, RunOrder order, Parts parts, Duration deadAirLimit, Duration deadAirReturn,
            Clock clock) {
        this.template = template;
        this.order = order;
        this.parts = parts;
        this.deadAirLimit = deadAirLimit;
        this.deadAirReturn = deadAirReturn;
        this.clock = clock;
    }

    /** The session as a sound for the air. */
    Sound sound() {
        return new Sound(RATE, this::play);
    }

    private void play(BufferedPcmSource.Sink air) {
        ItemSink sink = new ItemSink(air, RATE);
        Crossfader crossfade = new Crossfader((int) (CROSSFADE.toMillis() * RATE / 1000));
        List<PlannedItem> items = order.items();
        for (int i = 0; i < items.size(); i++) {
            PlannedItem item = items.get(i);
            if (item.kind() == PlannedItem.ItemKind.SILENCE) {
                continue;
            }
            Duration wait = order.waitBefore(i, sink.position());
            if (!music(item) || !wait.isZero()) {
                flush(crossfade, sink); // speech, a relay or a gap comes next: the last music ends whole
            }
            sink.silence(wait);
            Duration limit = order.limit(i, sink.position(), template.overrun());
            if (item.kind() == PlannedItem.ItemKind.RELAY) {
                limit = limit == null || item.length().compareTo(limit) < 0 ? item.length() : limit;
            }
            sink.start(limit);
            try {
                switch (item.kind()) {
                    case JINGLE -> crossfade.play(FfmpegFileSource.open(parts.file(item.ref()), RATE), sink);
                    case RECORDING -> crossfade.play(guarded(item, FfmpegFileSource.open(parts.file(item.ref()), RATE)),
                            sink);
                    case RELAY -> relay(item, sink);
                    case TIME_SIGNAL -> parts.spoken(item.ref()).producer().produce(sink);
                    case NOTICE -> notice(item, sink);
                    default -> { }
                }
            } catch (ItemSink.Ended e) {
                crossfade.drop();
                LOG.debug("session item {} cut at its limit {}", item.title(), limit);
            } catch (BufferedPcmSource.Closed e) {
                throw e;
            } catch (Exception e) {
                // One broken item (a deleted file, a speech failure) does not silence the rest of the session.
                LOG.warn("session item {} could not be aired: {}", item.title(), e.toString());
            }
        }
        flush(crossfade, sink);
    }

    private static boolean music(PlannedItem item) {
        return item.kind() == PlannedItem.ItemKind.JINGLE || item.kind() == PlannedItem.ItemKind.RECORDING;
    }

    /** The held end of the last music, within that item's own limit. */
    private static void flush(Crossfader crossfade, ItemSink sink) {
        try {
            crossfade.flush(sink);
        } catch (ItemSink.Ended e) {
            LOG.debug("the last music's end was past its limit");
        }
    }

    private void notice(PlannedItem item, ItemSink sink) throws Exception {
        long id = Long.parseLong(item.ref());
        if (!parts.noticeStarts(id)) {
            return;
        }
        boolean aired = false;
        try {
            parts.notice(id).producer().produce(sink);
            aired = true;
        } catch (ItemSink.Ended e) {
            aired = true;
            throw e;
        } finally {
            parts.noticeEnds(id, aired);
        }
    }

    private void relay(PlannedItem item, ItemSink sink) {
        // The maker runs ahead of the air: the feed's window covers that lead, and the item's limit ends it on time.
        RelayFeed feed = RelayFeed.start(URI.create(item.ref()), RATE,
                clock.instant().plus(item.length()).plusSeconds(10), deadAirLimit, clock, new RelayLog(item.ref()));
        try {
            pull(guarded(item, feed.listenInStep()), sink);
        } finally {
            feed.close();
        }
    }

    /** {@code primary} covered by the fallback while it is dead air; as it is when the template has no fallback. */
    private MediaSource<PcmFrame> guarded(PlannedItem item, MediaSource<PcmFrame> primary) {
        Supplier<MediaSource<PcmFrame>> fallback = fallback(item);
        if (fallback == null) {
            return primary;
        }
        return new DeadAirSwitch(primary, fallback, new DeadAirWatch(deadAirLimit, deadAirReturn),
                (change, silent) -> parts.deadAir(item, change, silent));
    }

    private Supplier<MediaSource<PcmFrame>> fallback(PlannedItem item) {
        if (template.fallbackUrl() != null) {
            List<RelayFeed> opened = new ArrayList<>();
            return () -> {
                opened.forEach(RelayFeed::close);
                RelayFeed feed = RelayFeed.start(URI.create(template.fallbackUrl()), RATE,
                        clock.instant().plus(item.length()).plusSeconds(10), deadAirLimit, clock,
                        new RelayLog(template.fallbackUrl()));
                opened.add(feed);
                MediaSource<PcmFrame> live = feed.listenInStep();
                return new MediaSource<>() {
                    @Override
                    public PcmFrame pull() {
                        return live.pull();
                    }

                    @Override
                    public void close() {
                        feed.close();
                    }
                };
            };
        }
        if (template.fallbackTag() != null) {
            List<Path> files = parts.fallbackFiles();
            return files.isEmpty() ? null : () -> new RecordingsInTurn(files, RATE);
        }
        return null;
    }

    private static void pull(MediaSource<PcmFrame> source, ItemSink sink) {
        try (source) {
            for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                sink.accept(f);
            }
        }
    }

    /** A session relay's reports go to the server's log; dead air is the player's to report. */
    private record RelayLog(String url) implements RelayFeed.Listener {
        @Override
        public void connected(URI upstream, int attempt) {
            LOG.info("session relay {} connected (attempt {})", url, attempt);
        }

        @Override
        public void retrying(int attempt, String reason, Duration pause) {
            LOG.info("session relay {} attempt {} failed ({}); retrying in {} ms", url, attempt, reason,
                    pause.toMillis());
        }

        @Override
        public void silent(Duration silence) {
        }

        @Override
        public void ended(boolean everConnected, String lastProblem) {
            if (!everConnected) {
                LOG.warn("session relay {} never connected: {}", url, lastProblem);
            }
        }
    }
}
