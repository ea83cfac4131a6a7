package vn.loa.node.playout;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.node.sink.AudioSink;

/**
 * Cuts the node's audio into takes: opens one on the first audio after a play (or with no play, as an unannounced
 * stream), ends it on the matching stop or after a silence, and reports each announcement's outcome to the server.
 *
 * <p>Called by the playout thread only, with commands already delayed to the audio they belong with; {@link
 * #playing()} may be read from any thread.
 */
final class TakeTracker {

    private static final System.Logger LOG = System.getLogger(TakeTracker.class.getName());
    /**
     * A play that comes this soon after its audio started takes over the unannounced take it finds, rather than cut
     * it: the server sends play and the first packet together, and RTP often wins the race against the WebSocket.
     */
    private static final long ADOPT_MILLIS = 1000;
    /**
     * How long after a stored file played a live copy of the same announcement is taken for the same airing and not
     * played: the server airs an item at its time, or after downtime up to its late limit (10 minutes by default)
     * later. Past this a play of that announcement is a new airing (a repeating item) and is played.
     */
    private static final long STORED_GUARD_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(15);

    private final AudioSink sink;
    private final Consumer<Played> reports;
    private final long streamSilence;
    private final long announcementSilence;
    /** The announcement of the last play not yet stopped: the next audio belongs to it. */
    private String announced;
    private Take take;
    private volatile boolean playing;
    /** Takes opened so far: a stored copy written to a file sink is open for only a few milliseconds. */
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
    /** When the channel came back while a live announcement's take was open and not yet played again, or -1. */
    private long unconfirmedSince = -1;
    /** Announcements played from a stored file lately: when the guard ends (monotonic ns) and how long they played. */
    private final java.util.Map<String, long[]> playedStored = new java.util.HashMap<>();
    /** A live copy of an announcement already played from its stored file: its audio is dropped until its stop. */
    private String refused;
    /** When audio of the refused copy was last dropped, so a copy whose stop never comes lapses after a silence. */
    private long refusedLast;

    /**
     * @param streamSilence how long an unannounced stream may be silent before its take ends
     * @param announcementSilence the same for an announcement whose stop never came (the channel was down)
     */
    private final java.util.function.LongSupplier bufferMillis;

    TakeTracker(AudioSink sink, Consumer<Played> reports, Duration streamSilence, Duration announcementSilence) {
        this(sink, reports, streamSilence, announcementSilence, () -> -1);
    }

    /** @param bufferMillis the jitter buffer's delay now, logged when a take ends (-1: none to tell) */
    TakeTracker(AudioSink sink, Consumer<Played> reports, Duration streamSilence, Duration announcementSilence,
            java.util.function.LongSupplier bufferMillis) {
        this.bufferMillis = bufferMillis;
        this.sink = sink;
        this.reports = reports;
        this.streamSilence = streamSilence.toNanos();
        this.announcementSilence = announcementSilence.toNanos();
    }

    void play(Play play) {
        long now = System.nanoTime();
        play(play, now, now);
    }

    void play(Play play, long now) {
        play(play, now, now);
    }

    /**
     * A play command. A live copy of an announcement this node has just played from its stored file is not played
     * (the server did not know the node held it, say after a restart): it is reported PLAYED again, from the stored
     * take, and its audio is dropped until its stop.
     */
    void play(Play play, long now, long arrival) {
        long[] stored = playedStored.get(play.announcement());
        if (stored != null && now - stored[0] < 0) {
            if (take != null) {
                end("NEXT");
            }
            LOG.log(Level.INFO, "đã phát từ tệp tải trước, bỏ bản trực tiếp / already played from its stored file, "
                    + "live copy not played: {0}", play.announcement());
            reports.accept(new Played(play.announcement(), "PLAYED", stored[1],
                    "đã phát từ tệp tải trước; bản trực tiếp không phát / played from its stored file; live copy not played"));
            refused = play.announcement();
            refusedLast = now;
            announced = null;
            return;
        }
        refused = null;
        if (take != null && Objects.equals(take.announcement, play.announcement())) {
            unconfirmedSince = -1; // what the node was playing is still on air
            take.confirmedAt = now;
        }
        // Its audio began just before the play came, or the play came just before the audio it was held behind
        // played (a receiver that stalled plays a backlog of packets before it reads the play).
        if (take != null && take.announcement == null && (take.millis() <= ADOPT_MILLIS
                || take.openedAt >= arrival - ADOPT_MILLIS * 1_000_000)) {
            try {
                sink.announce(play.announcement());
                take.announcement = play.announcement();
                LOG.log(Level.INFO, "luồng vừa bắt đầu là / the stream just started is {0}", take.label());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "không đổi tên được / could not rename the take: " + e);
            }
        }
        if (take != null && !Objects.equals(take.announcement, play.announcement())) {
            end("NEXT");
        }
        announced = play.announcement();
    }

    void stop(Stop stop) {
        if (stop.announcement().equals(refused)) {
            refused = null;
            return;
        }
        if (take != null && stop.announcement().equals(take.announcement)) {
            end(stop.reason());
        } else if (stop.announcement().equals(announced)) {
            reports.accept(new Played(stop.announcement(), "FAILED", 0,
                    "không nhận được âm thanh / no audio received (" + stop.reason() + ")"));
        }
        if (stop.announcement().equals(announced)) {
            announced = null;
        }
    }

    /**
     * Adds decoded audio.
     *
     * @param silenceBefore samples of silence the sender left before this audio (a timestamp gap)
     * @param concealed whether this is made-up audio for a lost packet; it never opens a take
     */
    void audio(short[] pcm, int sampleRate, long silenceBefore, boolean concealed, long now) {
        if (refused != null && take == null) {
            refusedLast = now;
            return;
        }
        if (take != null && take.sampleRate != sampleRate) {
            end("CODEC_CHANGED");
        }
        if (take == null) {
            if (concealed) {
                return;
            }
            if (!open(announced, sampleRate, now, "bắt đầu / started {0}")) {
                return;
            }
        } else {
            take.position += silenceBefore;
        }
        if (!write(new PcmFrame(pcm, sampleRate, take.position))) {
            return;
        }
        take.position += pcm.length;
        if (concealed) {
            take.concealed++;
            take.concealedRun += pcm.length;
            take.longestGap = Math.max(take.longestGap, take.concealedRun);
        } else {
            take.lastAudio = now;
            take.concealedRun = 0;
        }
    }

    /**
     * Audio rebuilt for a lost packet from the in-band FEC of the next one: played as received audio, counted apart.
     * Like concealment, it never opens a take.
     */
    void recovered(short[] pcm, int sampleRate, long now) {
        Take open = take;
        if (open == null) {
            return;
        }
        audio(pcm, sampleRate, 0, false, now);
        if (take == open) {
            open.recovered++;
        }
    }

    /** Writes a frame of the open take; a sink that fails ends the take as failed and returns false. */
    private boolean write(PcmFrame frame) {
        try {
            sink.write(frame);
            return true;
        } catch (IOException | RuntimeException e) {
            Take failed = take;
            take = null;
            playing = false;
            fail(failed, e);
            return false;
        }
    }

    /** Opens a new take on the sink; a sink that refuses is reported as the take's failure. */
    private boolean open(String announcement, int sampleRate, long now, String logPattern) {
        Take opened = new Take(announcement, sampleRate, now);
        try {
            sink.open(announcement, sampleRate);
        } catch (IOException | RuntimeException e) {
            fail(opened, e);
            return false;
        }
        take = opened;
        playing = true;
        this.opened.incrementAndGet();
        LOG.log(Level.INFO, logPattern, take.label());
        return true;
    }

    /**
     * Plays audio the node fetched ahead (store-and-forward) as one whole take of {@code announcement}, in 20 ms
     * frames so a sound card paces it; a take that is open ends first. Reported PLAYED when all of it went out.
     */
    void stored(String announcement, short[] samples, int sampleRate, long now) {
        if (take != null) {
            end("NEXT");
        }
        if (!open(announcement, sampleRate, now, "phát tệp tải trước / playing stored {0}")) {
            return;
        }
        int step = Math.max(1, sampleRate / 50);
        for (int at = 0; at < samples.length; at += step) {
            short[] frame = java.util.Arrays.copyOfRange(samples, at, Math.min(samples.length, at + step));
            if (!write(new PcmFrame(frame, sampleRate, take.position))) {
                return;
            }
            take.position += frame.length;
            take.lastAudio = System.nanoTime();
        }
        long millis = take.millis();
        if (end("FINISHED")) {
            playedStored.values().removeIf(guard -> now - guard[0] >= 0);
            playedStored.put(announcement, new long[] {now + STORED_GUARD_NANOS, millis});
            if (announcement.equals(announced)) {
                // Its live copy began before the stored file (the server's clock is ahead): the rest is not played.
                refused = announced;
                refusedLast = now;
                announced = null;
            }
        }
    }

    /**
     * The control channel came back at {@code at}. The server then sends the play of whatever airs on the node's stream
     * now: an open announcement's take that is not played again and whose audio has stopped ended while the channel
     * was down (its stop was lost), and ends after a stream's silence rather than the long wait for a missing stop.
     */
    void rejoined(long at) {
        // A take opened, or played again, after the channel came back is on air now (the playout thread may hear of
        // the welcome after the play that followed it).
        if (take != null && take.announcement != null && take.confirmedAt < at) {
            unconfirmedSince = at;
        }
    }

    /** Ends a take whose audio stopped without a stop command. */
    void tick(long now) {
        if (refused != null && now - refusedLast > announcementSilence) {
            refused = null;
        }
        if (take != null && unconfirmedSince >= 0 && now - unconfirmedSince > streamSilence
                && now - take.lastAudio > streamSilence) {
            end("SILENCE");
            return;
        }
        if (take != null) {
            long limit = take.announcement == null ? streamSilence : announcementSilence;
            if (now - take.lastAudio > limit) {
                end("SILENCE");
            }
        }
    }

    boolean playing() {
        return playing;
    }

    long takesOpened() {
        return opened.get();
    }

    /** Ends the open take, as when the agent shuts down. */
    void close() {
        if (take != null) {
            end("SHUTDOWN");
        }
    }

    /** Ends the open take and reports it; false when the sink could not finish it (reported FAILED). */
    private boolean end(String reason) {
        Take ended = take;
        take = null;
        unconfirmedSince = -1;
        playing = false;
        String where;
        try {
            where = sink.finish();
        } catch (IOException | RuntimeException e) {
            fail(ended, e);
            return false;
        }
        long millis = ended.millis();
        String detail = where
                + (ended.concealed > 0 ? "; " + ended.concealed + " gói mất / packets lost, dài nhất / longest gap "
                        + ended.longestGapMillis() + " ms" : "")
                + (ended.recovered > 0 ? "; " + ended.recovered + " gói khôi phục bằng FEC / packets recovered by FEC"
                        : "")
                + ("FINISHED".equals(reason) ? "" : "; " + reason);
        long buffer = bufferMillis.getAsLong();
        LOG.log(Level.INFO, "kết thúc / ended {0}: {1} ms, {2}", ended.label(), Long.toString(millis), detail
                + (buffer < 0 ? "" : "; bộ đệm chống rung / jitter buffer " + buffer + " ms"));
        if (ended.announcement != null) {
            String outcome = millis == 0 ? "FAILED" : "FINISHED".equals(reason) ? "PLAYED" : "RECEIVED";
            reports.accept(new Played(ended.announcement, outcome, millis, detail));
        }
        return true;
    }

    private void fail(Take failed, Exception e) {
        LOG.log(Level.ERROR, "lỗi đầu ra âm thanh / audio output failed for {0}: {1}", failed.label(), e.toString());
        if (failed.announcement != null) {
            reports.accept(new Played(failed.announcement, "FAILED", failed.millis(),
                    "lỗi đầu ra / output failed: " + e.getMessage()));
        }
    }
}
