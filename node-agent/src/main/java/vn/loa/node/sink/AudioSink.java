package vn.loa.node.sink;

import java.io.IOException;
import vn.loa.wire.pcm.PcmFrame;

/**
 * Where a node's decoded audio goes: WAV files, the sound card, or only counters when the box has no sound card.
 *
 * <p>Audio arrives in takes, one at a time: an announcement between the server's play and stop, or a stream that
 * came with no play. Called by the playout thread only.
 */
public interface AudioSink extends AutoCloseable {

    /**
     * Starts a take.
     *
     * @param announcement the announcement id from the server's play command, or {@code null} for a stream nobody
     *                     announced
     */
    void open(String announcement, int sampleRate) throws IOException;

    /**
     * Adds audio to the open take. {@code frame.timestamp()} is where it belongs in the take, in samples; a sink that
     * keeps time (a file) fills a gap before it with silence, one that plays in real time has already heard the gap.
     */
    void write(PcmFrame frame) throws IOException;

    /**
     * Names the open take, which began as an unannounced stream, after the announcement whose play came just after
     * its first audio.
     */
    void announce(String announcement) throws IOException;

    /** Ends the open take and says in a few words where it went, for the node's report to the server. */
    String finish() throws IOException;

    /** Sets the loudness, 0 to 100. */
    void volume(int level);

    /** What this sink is, for the start-up line. */
    String description();

    /** Ends any open take and lets go of files and devices. */
    @Override
    void close();
}
