package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.OpusAudioEncoder;
import vn.loa.wire.pcm.Correlation;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.rtp.RtpMap;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.rtp.SdpWriter;
import vn.loa.wire.rtp.StreamDescription;
import vn.loa.wire.wav.WavFileSource;

/** Debian's GStreamer receives Loa's PCMU and Opus streams over loopback and records what Loa sent. */
class GstreamerInteropIT {

    private static final int RATE = 8000;

    @TempDir
    Path dir;

    @Test
    void gstreamerRecordsThePcmuStreamLoaSentAndTheAudioMatches() throws Exception {
        short[] notice = speechLikeSignal(3 * RATE);
        List<RtpPacket> sent = new ArrayList<>();
        try (GstreamerReceiver receiver = GstreamerReceiver.recordPcmu(dir.resolve("node.wav"));
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(receiver.address(), receiver.port()));
            MediaPipeline<EncodedFrame> pipeline = MediaPipeline
                    .from("source", new PcmBufferSource(notice, RATE))
                    .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                    .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                    .build();

            LiveZone.play(pipeline, new RtpPacketizer(0, 0x10AL, 4321, 77_000), Protection.NONE, fanOut, sent);
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L); // let the jitter buffer drain

            short[] heard = readWav(receiver.finish());
            short[] loaSent = PipelineTest.decode(sent);

            int lag0 = Correlation.bestLag(loaSent, heard, 800);
            System.out.printf("GStreamer PCMU: sent %d samples, heard %d (%.2f%%), correlation %.4f at lag %d%n",
                    loaSent.length, heard.length, 100.0 * (heard.length - loaSent.length) / loaSent.length,
                    Correlation.normalised(loaSent, heard, lag0), lag0);
            assertThat((double) heard.length).as("duration").isCloseTo(loaSent.length, within(0.02 * loaSent.length));
            int lag = Correlation.bestLag(loaSent, heard, 800);
            assertThat(Correlation.normalised(loaSent, heard, lag)).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void aPlayerGivenOnlyThePublishedSdpPlaysTheZoneStream() throws Exception {
        int port = GstreamerReceiver.freePort();
        Path sdp = dir.resolve("thon-dong.sdp");
        Files.writeString(sdp, SdpWriter.write(new StreamDescription("Thôn Đông", 42, 1,
                InetAddress.getLoopbackAddress(), InetAddress.getLoopbackAddress(), 0, port, RtpMap.PCMU, 20)));
        short[] notice = speechLikeSignal(2 * RATE);
        List<RtpPacket> sent = new ArrayList<>();
        try (GstreamerReceiver receiver = GstreamerReceiver.recordFromSdp(sdp, port, dir.resolve("node.wav"));
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            MediaPipeline<EncodedFrame> pipeline = MediaPipeline
                    .from("source", new PcmBufferSource(notice, RATE))
                    .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                    .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                    .build();

            LiveZone.play(pipeline, new RtpPacketizer(0, 0x5D9L, 9, 9), Protection.NONE, fanOut, sent);
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L);

            short[] heard = readWav(receiver.finish());
            short[] loaSent = PipelineTest.decode(sent);
            int lag = Correlation.bestLag(loaSent, heard, 800);
            System.out.printf("GStreamer from SDP: sent %d samples, heard %d, correlation %.4f at lag %d%n",
                    loaSent.length, heard.length, Correlation.normalised(loaSent, heard, lag), lag);

            assertThat((double) heard.length).as("duration").isCloseTo(loaSent.length, within(0.02 * loaSent.length));
            assertThat(Correlation.normalised(loaSent, heard, lag)).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void gstreamerDecodesTheOpusStreamLoaSentToTheSameAudio() throws Exception {
        short[] notice = speechLikeSignal(3 * RATE);
        short[] at48k = Signals.concat(MediaPipeline.from("source", new PcmBufferSource(notice, RATE))
                .then("resample", ResampleStage.to(48_000)).build().pullAll());
        try (GstreamerReceiver receiver = GstreamerReceiver.recordOpus(dir.resolve("node.wav"));
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(receiver.address(), receiver.port()));
            MediaPipeline<EncodedFrame> pipeline = MediaPipeline
                    .from("source", new PcmBufferSource(at48k, 48_000))
                    .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                    .then("encode", EncodeStage.with(OpusAudioEncoder.forSpeech(32_000)))
                    .build();

            LiveZone.play(pipeline, new RtpPacketizer(111, 0x0B05L, 1, 2), Protection.NONE, fanOut,
                    new ArrayList<>());
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L);

            short[] heard = readWav(receiver.finish(), 48_000);
            int lag = Correlation.bestLag(at48k, heard, 2000);
            double correlation = Correlation.normalised(at48k, heard, lag);
            System.out.printf("GStreamer Opus: sent %d samples, heard %d, correlation %.4f at lag %d%n",
                    at48k.length, heard.length, correlation, lag);

            assertThat((double) heard.length).as("duration").isCloseTo(at48k.length, within(0.02 * at48k.length));
            assertThat(correlation).isGreaterThanOrEqualTo(0.9);
        }
    }

    /** A gliding, pulsing tone: it has no period, so only the right alignment correlates. */
    static short[] speechLikeSignal(int length) {
        short[] samples = new short[length];
        double phase = 0;
        for (int i = 0; i < length; i++) {
            double t = (double) i / RATE;
            double frequency = 300 + 900 * t; // 300 Hz gliding up 900 Hz a second
            phase += 2 * Math.PI * frequency / RATE;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t); // four syllables a second
            samples[i] = (short) Math.round(0.3 * 32767 * envelope * Math.sin(phase));
        }
        return samples;
    }

    static short[] readWav(Path wav) {
        return readWav(wav, RATE);
    }

    static short[] readWav(Path wav, int rate) {
        assertThat(wav).exists();
        try (WavFileSource source = WavFileSource.open(wav)) {
            List<PcmFrame> frames = new ArrayList<>();
            for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                assertThat(f.sampleRate()).isEqualTo(rate);
                frames.add(f);
            }
            return Signals.concat(frames);
        }
    }
}
