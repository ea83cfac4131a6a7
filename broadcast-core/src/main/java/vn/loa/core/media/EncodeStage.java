package vn.loa.core.media;

import vn.loa.wire.codec.AudioEncoder;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * The stage that encodes framed PCM into codec payloads, one encoded frame per PCM frame.
 *
 * <p>Not thread-safe. Fails loudly if the PCM is not at the encoder's rate: a missing resample stage must not turn
 * into chipmunk audio on the street.
 */
public final class EncodeStage implements MediaSource<EncodedFrame> {

    private final MediaSource<PcmFrame> upstream;
    private final AudioEncoder encoder;

    private EncodeStage(MediaSource<PcmFrame> upstream, AudioEncoder encoder) {
        this.upstream = upstream;
        this.encoder = encoder;
    }

    public static Stage<PcmFrame, EncodedFrame> with(AudioEncoder encoder) {
        return upstream -> new EncodeStage(upstream, encoder);
    }

    @Override
    public EncodedFrame pull() {
        PcmFrame frame = upstream.pull();
        if (frame == null) {
            return null;
        }
        if (frame.sampleRate() != encoder.sampleRate()) {
            throw new IllegalStateException(encoder.encodingName() + " needs " + encoder.sampleRate()
                    + " Hz but got " + frame.sampleRate() + " Hz; resample first");
        }
        long scale = encoder.clockRate();
        long timestamp = frame.timestamp() * scale / encoder.sampleRate();
        int duration = (int) (frame.length() * scale / encoder.sampleRate());
        return new EncodedFrame(encoder.encode(frame.samples()), timestamp, duration, encoder.clockRate());
    }

    @Override
    public void close() {
        upstream.close();
    }
}
