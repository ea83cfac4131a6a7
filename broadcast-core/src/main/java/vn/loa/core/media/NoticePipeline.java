package vn.loa.core.media;

import java.time.Duration;
import java.util.Optional;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpSender;

/**
 * The path of a notice from its source to the datagrams its zones' speakers receive, declared in one place, one
 * stage per line, in the order the audio flows. {@link Transmitter} builds every stream on air with it.
 *
 * <pre>
 *  programme half: once per programme and codec          zone half: once per zone stream, for its life
 *  source → resample → mix → loudness → frame → encode ─┬─ share → packetise → protect → pace → fan-out
 *                                                        └─ share → ...  (every zone that plays the programme)
 * </pre>
 *
 * <p>Up to the share stage each stage pulls from the one before it, so a programme nobody pulls is paused. At each
 * 20 ms boundary the pacing thread asks every zone's arbiter what is on air, takes that programme's frame for this
 * packet time (encoded once for all zones of a codec), packetises, protects and fans it out. Every stage is counted
 * per zone stream in its {@link PipelineMeters}.
 */
public final class NoticePipeline {

    /** Every packet carries 20 ms of audio (ADR 0007). */
    static final Duration PACKET_TIME = Duration.ofMillis(20);

    private NoticePipeline() {
    }

    /**
     * The programme half up to loudness: what listeners hear, before any codec. Store-and-forward renders just this
     * into the file a node fetches ahead ({@link #render}), so both ways sound the same.
     */
    public static PipelineBuilder<PcmFrame> heard(MediaSource<PcmFrame> source, MixPlan plan, int sampleRate) {
        return MediaPipeline
                .from(PipelineStage.SOURCE.label(), source)                   // WAV, MP3, speech, a voice, a relay
                .then(PipelineStage.RESAMPLE.label(), ResampleStage.to(sampleRate)) // 22,050 Hz espeak to the codec's
                .then(PipelineStage.MIX.label(), MixStage.of(plan))           // chime, plays with pauses, chime
                // After the mix, so the chime and the speech come out at one level.
                .then(PipelineStage.LOUDNESS.label(), LoudnessNormaliser.toRms(-20));
    }

    /** The whole programme half in {@code codec}: made once, and shared by every zone stream of that codec. */
    static MediaPipeline<EncodedFrame> programme(MediaSource<PcmFrame> source, MixPlan plan, StreamCodec codec) {
        return heard(source, plan, codec.sampleRate())
                .then(PipelineStage.FRAME.label(), FrameSizer.every(PACKET_TIME)) // one packet time per frame
                .then(PipelineStage.ENCODE.label(), EncodeStage.with(codec.newEncoder()))
                .build();
    }

    /**
     * The zone half of one zone stream, from the shared programmes to its fan-out, ticking from now on.
     *
     * @param srtp the key of a stream sent to Loa's node agents; empty for plain RTP to third-party speakers
     */
    static ZonePath zone(ZoneArbiter arbiter, StreamCodec codec, RtpPacketizer packetizer,
            Optional<SrtpMasterKey> srtp, ZoneTicker ticker, ZoneOutput output) {
        return zone(arbiter, codec, 1, packetizer, srtp, ticker, output);
    }

    /**
     * The zone half with {@code framesPerPacket} frames in each packet (Opus only: 2 for 40 ms, 3 for 60 ms; ADR 0054).
     */
    static ZonePath zone(ZoneArbiter arbiter, StreamCodec codec, int framesPerPacket, RtpPacketizer packetizer,
            Optional<SrtpMasterKey> srtp, ZoneTicker ticker, ZoneOutput output) {
        return new ZoneHalf()
                .share(arbiter)                               // the programme on air now; its frame for this tick
                .packetise(packetizer, codec.unitsPer(20), framesPerPacket) // one SSRC, sequence, timestamp line
                .protect(srtp.<Protection>map(key -> new SrtpProtection(new SrtpSender(key))).orElse(Protection.NONE))
                .pace(ticker)                                 // every zone on the one 20 ms clock
                .fanOut(output);                              // each node's address, or the zone's multicast group
    }

    /** The store-and-forward file: the whole programme as one block of mono 16-bit samples at {@code sampleRate}. */
    public static short[] render(MediaSource<PcmFrame> source, MixPlan plan, int sampleRate) {
        return PcmFrame.drain(heard(source, plan, sampleRate).build());
    }

    /** One zone stream as opened: its stream, which counts its stages, and its protection. */
    record ZonePath(ZoneStream stream, Protection protection) {
    }

    /** Collects the zone half's stages; {@link #fanOut} puts the stream on the ticker. */
    private static final class ZoneHalf {
        private ZoneArbiter arbiter;
        private RtpPacketizer packetizer;
        private int unitsPerTick;
        private int framesPerPacket;
        private Protection protection;
        private ZoneTicker ticker;

        ZoneHalf share(ZoneArbiter onAir) {
            this.arbiter = onAir;
            return this;
        }

        ZoneHalf packetise(RtpPacketizer with, int units, int frames) {
            this.packetizer = with;
            this.unitsPerTick = units;
            this.framesPerPacket = frames;
            return this;
        }

        ZoneHalf protect(Protection with) {
            this.protection = with;
            return this;
        }

        ZoneHalf pace(ZoneTicker on) {
            this.ticker = on;
            return this;
        }

        ZonePath fanOut(ZoneOutput output) {
            ZoneStream stream = new ZoneStream(arbiter, packetizer, unitsPerTick, new PipelineMeters(output),
                    framesPerPacket);
            ticker.add(stream, protection, output);
            return new ZonePath(stream, protection);
        }
    }
}
