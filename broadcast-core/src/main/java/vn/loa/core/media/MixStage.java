package vn.loa.core.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;

/**
 * The stage that lays out an announcement by its {@link MixPlan}: chime, content, pause, content again, ..., chime.
 *
 * <p>Not thread-safe. The first play streams straight through; when the content plays more than once it is kept in
 * memory for the repeats (a three-minute notice at 8 kHz is under 3 MB). Chimes are resampled to the content's
 * rate. Output timestamps run on without gaps from 0.
 */
public final class MixStage implements MediaSource<PcmFrame> {

    private enum Phase { START, FIRST_PLAY, REST, DONE }

    private final MediaSource<PcmFrame> upstream;
    private final MixPlan plan;
    private final List<short[]> recorded = new ArrayList<>();
    private final Deque<short[]> queued = new ArrayDeque<>();
    private Phase phase = Phase.START;
    private int sampleRate;
    private long timestamp;

    private MixStage(MediaSource<PcmFrame> upstream, MixPlan plan) {
        this.upstream = upstream;
        this.plan = plan;
    }

    public static Stage<PcmFrame, PcmFrame> of(MixPlan plan) {
        return upstream -> new MixStage(upstream, plan);
    }

    @Override
    public PcmFrame pull() {
        while (true) {
            switch (phase) {
                case START -> start();
                case FIRST_PLAY -> {
                    if (!queued.isEmpty()) {
                        return emit(queued.poll());
                    }
                    PcmFrame frame = upstream.pull();
                    if (frame == null) {
                        queueRepeatsAndClosingChime();
                        phase = Phase.REST;
                    } else {
                        if (plan.plays() > 1) {
                            recorded.add(frame.samples());
                        }
                        return emit(frame.samples());
                    }
                }
                case REST -> {
                    if (!queued.isEmpty()) {
                        return emit(queued.poll());
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                    return null;
                }
                default -> throw new IllegalStateException("unknown phase " + phase);
            }
        }
    }

    private void start() {
        PcmFrame first = upstream.pull();
        if (first == null) {
            phase = Phase.DONE; // no content, no chimes: an empty announcement is not announced
            return;
        }
        sampleRate = first.sampleRate();
        if (plan.chimeBefore() != null) {
            queued.add(atStreamRate(plan.chimeBefore()));
        }
        queued.add(first.samples());
        if (plan.plays() > 1) {
            recorded.add(first.samples());
        }
        phase = Phase.FIRST_PLAY;
    }

    private void queueRepeatsAndClosingChime() {
        int pause = (int) (plan.pauseBetweenPlays().toNanos() * sampleRate / 1_000_000_000L);
        for (int play = 2; play <= plan.plays(); play++) {
            if (pause > 0) {
                queued.add(new short[pause]);
            }
            queued.addAll(recorded);
        }
        recorded.clear();
        if (plan.chimeAfter() != null) {
            queued.add(atStreamRate(plan.chimeAfter()));
        }
    }

    private short[] atStreamRate(PcmFrame clip) {
        if (clip.sampleRate() == sampleRate) {
            return clip.samples();
        }
        Resampler resampler = new Resampler(clip.sampleRate(), sampleRate);
        short[] head = resampler.process(clip.withTimestamp(0)).samples();
        short[] tail = resampler.flush().samples();
        short[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private PcmFrame emit(short[] samples) {
        PcmFrame frame = new PcmFrame(samples, sampleRate, timestamp);
        timestamp += samples.length;
        return frame;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
