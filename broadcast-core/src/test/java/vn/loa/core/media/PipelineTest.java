package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

class PipelineTest {

    private static final Duration PACKET_TIME = Duration.ofMillis(20);

    @Test
    void espeakPcmBecomesAPcmuStreamThatPlaysTheNoticeTwiceBetweenChimes() {
        short[] speech = Signals.sine(1000, 0.1, 22_050, 22_050); // stands for one second of synthesised speech
        PcmFrame chime = new PcmFrame(Signals.sine(660, 0.1, 22_050, 11_025), 22_050, 0);
        MixPlan plan = new MixPlan(chime, chime, 2, Duration.ofMillis(500));

        List<RtpPacket> packets = packetise(g711Pipeline(speech, plan).pullAll(),
                new RtpPacketizer(0, 0x10AL, 1000, 90_000));

        // 0.5 s chime + 1 s + 0.5 s pause + 1 s + 0.5 s chime = 3.5 s = 175 packets of 20 ms.
        assertThat(packets).hasSize(175);
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            assertThat(p.sequenceNumber()).isEqualTo(1000 + i);
            assertThat(p.timestamp()).isEqualTo(90_000 + 160L * i);
            assertThat(p.ssrc()).isEqualTo(0x10AL);
            assertThat(p.payloadType()).isZero();
            assertThat(p.payload()).hasSize(160);
            assertThat(p.marker()).isEqualTo(i == 0);
        }
        short[] heard = decode(packets);
        // The second play of the notice, after the chime, the first play and the pause.
        int secondPlay = 8000 * 2;
        assertThat(Signals.toneAmplitude(heard, secondPlay + 800, secondPlay + 7200, 1000, 8000))
                .as("the notice at the target level, -20 dBFS RMS")
                .isCloseTo(Math.sqrt(2) * Math.pow(10, -20 / 20.0), within(0.01));
    }

    @Test
    void everyStageCountsItsFramesBytesAndTime() {
        short[] speech = Signals.sine(1000, 0.1, 22_050, 22_050);
        MediaPipeline<EncodedFrame> pipeline = g711Pipeline(speech, MixPlan.once());
        pipeline.pullAll();

        List<StageStats> stats = pipeline.stats();

        assertThat(stats).extracting(StageStats::name)
                .containsExactly("source", "resample", "mix", "loudness", "frame", "encode");
        assertThat(stats.get(0).bytes()).isEqualTo(2 * 22_050);
        assertThat(stats.get(0).mediaTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(stats.get(4).units()).isEqualTo(50);
        assertThat(stats.get(5).units()).isEqualTo(50);
        assertThat(stats.get(5).bytes()).isEqualTo(8000);
    }

    @Test
    void pcmAtTheWrongRateForTheEncoderIsRefusedRatherThanPlayedAtTheWrongSpeed() {
        MediaPipeline<EncodedFrame> noResample = MediaPipeline
                .from("source", new PcmBufferSource(new short[441], 22_050))
                .then("frame", FrameSizer.every(PACKET_TIME))
                .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                .build();

        assertThatThrownBy(noResample::pull).hasMessageContaining("resample first");
    }

    /** The programme half of the server's path for speech at 22,050 Hz in PCMU. */
    static MediaPipeline<EncodedFrame> g711Pipeline(short[] speech, MixPlan plan) {
        return NoticePipeline.programme(new PcmBufferSource(speech, 22_050), plan, StreamCodec.PCMU);
    }

    /** What a zone stream's packetiser makes of {@code frames} when the programme plays alone from its start. */
    static List<RtpPacket> packetise(List<EncodedFrame> frames, RtpPacketizer packetizer) {
        packetizer.startTalkSpurt();
        return frames.stream().map(f -> packetizer.packetize(f.payload(), f.duration())).toList();
    }

    static short[] decode(List<RtpPacket> packets) {
        short[] out = new short[packets.stream().mapToInt(p -> p.payload().length).sum()];
        int at = 0;
        for (RtpPacket p : packets) {
            short[] pcm = MuLaw.decode(p.payload());
            System.arraycopy(pcm, 0, out, at, pcm.length);
            at += pcm.length;
        }
        return out;
    }
}
