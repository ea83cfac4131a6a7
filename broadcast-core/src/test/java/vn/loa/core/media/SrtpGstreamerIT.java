package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.pcm.Correlation;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpSender;
import vn.loa.wire.wav.WavFileSource;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

/** GStreamer's libsrtp-based {@code srtpdec}, given only the key, decrypts a PCMU stream Loa protected. */
class SrtpGstreamerIT {

    private static final int RATE = 8000;
    private static final long SSRC = 0x5EC0_0001L;

    @TempDir
    Path dir;

    @Test
    void gstreamerDecryptsTheSrtpStreamLoaSentAcrossASequenceWrapToTheSameAudio() throws Exception {
        Assumptions.assumeTrue(hasElement("srtpdec"), "srtpdec is not installed (gstreamer1.0-plugins-bad)");
        SrtpMasterKey key = SrtpMasterKey.generate();
        short[] notice = steppedTones();
        List<RtpPacket> sent = new ArrayList<>();
        int port = GstreamerReceiver.freePort();
        try (GstreamerReceiver receiver = recordSrtpPcmu(dir.resolve("node.wav"), port, key);
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(receiver.address(), port));
            SrtpProtection zone = new SrtpProtection(new SrtpSender(key));
            MediaPipeline<EncodedFrame> pipeline = MediaPipeline
                    .from("source", new PcmBufferSource(notice, RATE))
                    .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                    .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                    .build();

            // 150 packets from 65,480: the sequence wraps half way, so both sides must count the rollover.
            LiveZone.play(pipeline, new RtpPacketizer(0, SSRC, 65_480, 3_000), zone, fanOut, sent);
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L); // let the jitter buffer drain

            short[] heard = readWav(receiver.finish());
            short[] loaSent = decode(sent);
            int lag = Correlation.bestLag(loaSent, heard, 800);
            double correlation = Correlation.normalised(loaSent, heard, lag);
            System.out.printf("GStreamer SRTP PCMU: sent %d samples, heard %d, correlation %.4f at lag %d, roc %d%n",
                    loaSent.length, heard.length, correlation, lag, zone.sender().rolloverCounter(SSRC));

            assertThat(zone.sender().rolloverCounter(SSRC)).isEqualTo(1);
            assertThat((double) heard.length).as("duration").isCloseTo(loaSent.length, within(0.02 * loaSent.length));
            assertThat(correlation).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void gstreamerGivenAnotherKeyHearsNothingOfTheStream() throws Exception {
        Assumptions.assumeTrue(hasElement("srtpdec"), "srtpdec is not installed (gstreamer1.0-plugins-bad)");
        int port = GstreamerReceiver.freePort();
        try (GstreamerReceiver receiver = recordSrtpPcmu(dir.resolve("node.wav"), port, SrtpMasterKey.generate());
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(receiver.address(), port));
            SrtpProtection zone = new SrtpProtection(new SrtpSender(SrtpMasterKey.generate()));
            MediaPipeline<EncodedFrame> pipeline = MediaPipeline
                    .from("source", new PcmBufferSource(steppedTones(), RATE))
                    .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                    .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                    .build();

            LiveZone.play(pipeline, new RtpPacketizer(0, SSRC, 1, 0), zone, fanOut, new ArrayList<>());
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L);

            // srtpdec drops every packet, so the decoder never starts and not even a WAV header is written.
            assertThat(Files.size(receiver.finish())).isLessThanOrEqualTo(44);
        }
    }

    /**
     * Starts {@code gst-launch-1.0} with srtpdec keyed by caps as RFC 4568 hands the key over (key and salt, roc 0).
     * It goes through the private launcher of {@link GstreamerReceiver}, which owns starting, end-of-stream and
     * clean-up; a public SRTP factory there would replace this reflective call.
     */
    private static GstreamerReceiver recordSrtpPcmu(Path wav, int port, SrtpMasterKey key) throws Exception {
        String caps = "application/x-srtp,media=(string)audio,clock-rate=(int)8000,encoding-name=(string)PCMU,"
                + "payload=(int)0,ssrc=(uint)" + SSRC + ",srtp-key=(buffer)" + HexFormat.of().formatHex(key.keyAndSalt())
                + ",srtp-cipher=(string)aes-128-icm,srtp-auth=(string)hmac-sha1-80,"
                + "srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80,roc=(uint)0";
        Method start = GstreamerReceiver.class.getDeclaredMethod("start", Path.class, int.class, String[].class);
        start.setAccessible(true);
        return (GstreamerReceiver) start.invoke(null, wav, port, new String[] {"udpsrc", "address=127.0.0.1",
                "port=" + port, "caps=" + caps, "!", "srtpdec", "!", "rtpjitterbuffer", "!", "rtppcmudepay",
                "!", "mulawdec", "!", "audioconvert", "!", "audio/x-raw,channels=1", "!", "wavenc",
                "!", "filesink", "location=" + wav});
    }

    /** Three seconds of quarter-second tones a fifth apart: no period, so only the right alignment correlates. */
    private static short[] steppedTones() {
        short[] all = new short[3 * RATE];
        for (int step = 0; step < 12; step++) {
            short[] tone = Signals.sine(300 * Math.pow(1.5, step % 6) + 37 * step, 0.3, RATE, RATE / 4);
            System.arraycopy(tone, 0, all, step * RATE / 4, tone.length);
        }
        return all;
    }

    private static short[] decode(List<RtpPacket> packets) {
        short[] out = new short[packets.size() * 160];
        for (int i = 0; i < packets.size(); i++) {
            System.arraycopy(MuLaw.decode(packets.get(i).payload()), 0, out, i * 160, 160);
        }
        return out;
    }

    private static short[] readWav(Path wav) {
        assertThat(wav).exists();
        try (WavFileSource source = WavFileSource.open(wav)) {
            List<PcmFrame> frames = new ArrayList<>();
            for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                frames.add(f);
            }
            return Signals.concat(frames);
        }
    }

    private static boolean hasElement(String element) {
        try {
            Process inspect = new ProcessBuilder("gst-inspect-1.0", element).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0;
        } catch (Exception e) {
            return false; // no gst-inspect-1.0: GStreamer is not installed
        }
    }
}
