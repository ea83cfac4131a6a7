package vn.loa.server.programme;

import java.nio.file.Path;
import java.util.List;
import vn.loa.core.media.FfmpegFileSource;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/** Recordings decoded one after another as they are pulled: a session's fallback playlist. Not thread-safe. */
final class RecordingsInTurn implements MediaSource<PcmFrame> {

    private final List<Path> files;
    private final int rate;
    private int next;
    private FfmpegFileSource current;

    RecordingsInTurn(List<Path> files, int rate) {
        this.files = List.copyOf(files);
        this.rate = rate;
    }

    @Override
    public PcmFrame pull() {
        while (true) {
            if (current == null) {
                if (next == files.size()) {
                    return null;
                }
                current = FfmpegFileSource.open(files.get(next++), rate);
            }
            PcmFrame f = current.pull();
            if (f != null) {
                return f;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
