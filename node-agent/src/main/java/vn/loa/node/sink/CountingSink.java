package vn.loa.node.sink;

import vn.loa.wire.pcm.PcmFrame;

/**
 * An {@link AudioSink} for a box with no sound card and no recording: it counts the audio of each take so the node
 * still reports what it received.
 */
public final class CountingSink implements AudioSink {

    private final String why;
    private long samples;
    private int sampleRate = 8000;

    /** @param why why there is nothing better, for the start-up line */
    public CountingSink(String why) {
        this.why = why;
    }

    @Override
    public void open(String announcement, int sampleRate) {
        this.samples = 0;
        this.sampleRate = sampleRate;
    }

    @Override
    public void write(PcmFrame frame) {
        samples = frame.endTimestamp();
    }

    @Override
    public String finish() {
        return "không phát (" + why + ") / not played (" + why + "): counted " + samples * 1000 / sampleRate + " ms";
    }

    @Override
    public void announce(String announcement) {
        // nothing to rename
    }

    @Override
    public void volume(int level) {
    }

    @Override
    public String description() {
        return "chỉ đếm gói tin / counting packets only (" + why + ")";
    }

    @Override
    public void close() {
    }
}
