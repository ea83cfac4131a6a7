package vn.loa.node.prefetch;

import java.nio.file.Path;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.wav.WavFileSource;

/** A prefetched announcement's audio, read whole from its checked file: mono 16-bit samples at their rate. */
record StoredAudio(short[] samples, int sampleRate) {

    static StoredAudio read(Path file) {
        WavFileSource source = WavFileSource.open(file);
        int rate = source.sampleRate();
        return new StoredAudio(PcmFrame.drain(source), rate);
    }
}
