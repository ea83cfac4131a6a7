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

        /** A notice was cut by a preemption: it stays on air and airs again from its top when the session resumes. */
        void noticeInterrupted(long id);

        /** The air switched to or from the fallback. */
        void deadAir(PlannedItem item, DeadAirWatch.Change change, Duration silentFor);
    }

    private final SessionTemplate template;
    private final RunOrder order;
    private final Parts parts;
    private final Duration deadAirLimit;
    private final Duration deadAirReturn;
    private final Clock clock;
    /** When the session's first run began: a run after a preemption counts its fixed times from here. */
    private volatile java.time.Instant begun;
    /** Items (by index) heard to their end in earlier runs: a run after a preemption does not air them again. */
    private final java.util.Set<Integer> aired = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Notices a preemption cut, still ON_AIR: the next run airs them again from their top. */
    private final java.util.Set<Long> cut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The runs making sound now (one per codec of the zone's speakers; a preempted one until it is settled). */
    private final List<Run> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A run whose listener took nothing for this long was preempted. */
    private static final Duration STALLED = Duration.ofMillis(500);
    /** The same for a run all made, whose buffer the air drains: longer, so a late tick on a busy machine is no cut. */
    private static final Duration DRAIN_STALLED = Duration.ofSeconds(2);

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

    /**
     * One run of the session into the air. The air restarts a session an emergency preempted (policy of SCHEDULED):
     * the next run skips what was heard to its end and airs the item that was cut from its top, as Loa does for any
     * interrupted notice, at the session's clock of now (ADR 0058). The run before it is settled first: the air stopped
     * taking its audio when it was preempted, so where its listener stands is where it was cut.
     */
    private void play(BufferedPcmSource.Sink air) throws InterruptedException {
        java.time.Instant now = clock.instant();
        if (begun == null) {
            begun = now;
        }
        // A run whose listener stopped is one the air preempted; one still heard is the same session for another
        // codec's speakers, made side by side.
        runs.stream().filter(r -> r.sink.stalled(STALLED)).forEach(Run::cut);
        ItemSink sink = new ItemSink(air, RATE);
        sink.skipTo(Duration.between(begun, now));
        LOG.info("session run starts at {} ms; items heard before: {}; other runs: {}", sink.position().toMillis(),
                aired, runs.size());
        Run run = new Run(sink);
        runs.add(run);
        try {
            play(sink, run);
            run.drain();
        } catch (BufferedPcmSource.Closed e) {
            run.cut();
            throw e;
        } finally {
            if (run.over()) {
                runs.remove(run);
            }
        }
    }

    /** One run of the session: where each item ended, and the notices made to their end and not yet heard. */
    private final class Run {
        final ItemSink sink;
        /** Where each item of this run ended, by index, in samples. */
        final java.util.Map<Integer, Long> ends = new java.util.concurrent.ConcurrentHashMap<>();
        /** Notices made to their end, by id, with where they end: AIRED once that is heard. */
        final java.util.Map<Long, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
        private boolean cut;
        private boolean done;
        /** The notice being made now, if any. */
        volatile Long making;

        Run(ItemSink sink) {
            this.sink = sink;
        }

        /** Notices heard to their end by {@code heard} take their AIRED step. */
        synchronized void settle(long heard) {
            var it = pending.entrySet().iterator();
            while (it.hasNext()) {
                var notice = it.next();
                if (notice.getValue() <= heard) {
                    parts.noticeEnds(notice.getKey(), true);
                    it.remove();
                }
            }
        }

        /**
         * Waits, with everything made, until the air has heard it all, then takes the notices' AIRED steps; a listener
         * that stops meanwhile was preempted: the run is cut (the maker is ahead by up to {@link Sound}'s lead, so a
         * short session may be made whole before an emergency cuts into it).
         */
        void drain() throws InterruptedException {
            long end = sink.samples();
            long last = -1;
            long still = System.nanoTime();
            while (!over()) {
                long heard = sink.heard();
                if (heard >= end - RATE / 25) { // the last 40 ms still queued: the air never runs dry waiting
                    settle(Long.MAX_VALUE);
                    done = true;
                    return;
                }
                if (heard != last) {
                    last = heard;
                    still = System.nanoTime();
                } else if (System.nanoTime() - still >= DRAIN_STALLED.toNanos()) {
                    cut();
                    return;
                }
                Thread.sleep(20);
            }
        }

        /** Whether the run is settled: heard to its end, or cut. */
        synchronized boolean over() {
            return done || cut;
        }

        /** The air stopped taking this run: what was heard to its end stays aired, the rest airs again. Once. */
        synchronized void cut() {
            if (cut) {
                return;
            }
            cut = true;
            long heard = sink.heard();
            LOG.info("session run cut where heard {} ms; items ended at {}", heard * 1000 / RATE, ends);
            ends.forEach((index, end) -> {
                if (end <= heard) {
                    aired.add(index);
                }
            });
            settle(heard);
            java.util.Set<Long> broken = new java.util.HashSet<>(pending.keySet()); // made, not yet heard
            Long now = making;
            if (now != null) {
                broken.add(now);
            }
            broken.forEach(id -> {
                SessionPlayer.this.cut.add(id); // it airs again from its top
                parts.noticeInterrupted(id);
            });
            pending.clear();
        }
    }

    private void play(ItemSink sink, Run run) {
        Crossfader crossfade = new Crossfader((int) (CROSSFADE.toMillis() * RATE / 1000));
        List<PlannedItem> items = order.items();
        for (int i = 0; i < items.size(); i++) {
            PlannedItem item = items.get(i);
            if (item.kind() == PlannedItem.ItemKind.SILENCE || aired.contains(i)) {
                continue;
            }
            run.settle(sink.heard());
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
                    case NOTICE -> notice(item, sink, run);
                    default -> { }
                }
                run.ends.put(i, sink.samples());
            } catch (ItemSink.Ended e) {
                run.ends.put(i, sink.samples());
                crossfade.drop();
                LOG.debug("session item {} cut at its limit {}", item.title(), limit);
            } catch (BufferedPcmSource.Closed e) {
                throw e;
            } catch (Exception e) {
                // One broken item (a deleted file, a speech failure) does not silence the rest of the session.
                run.ends.put(i, sink.samples());
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

    /** A notice: AIRED once its end is heard (see {@link Run}), FAILED when it breaks, cut when the air stops. */
    private void notice(PlannedItem item, ItemSink sink, Run run) throws Exception {
        long id = Long.parseLong(item.ref());
        if (!cut.remove(id) && !parts.noticeStarts(id)) {
            return;
        }
        boolean made = false;
        boolean stopped = false;
        run.making = id;
        try {
            parts.notice(id).producer().produce(sink);
            made = true;
        } catch (ItemSink.Ended e) {
            made = true;
            throw e;
        } catch (BufferedPcmSource.Closed e) {
            stopped = true; // the run's cut() takes it as the notice being made
            throw e;
        } finally {
            if (!stopped) {
                run.making = null;
            }
            if (made) {
                run.pending.put(id, sink.samples());
            } else if (!stopped) {
                parts.noticeEnds(id, false);
            }
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
