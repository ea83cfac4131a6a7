package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.pcm.Correlation;
import vn.loa.wire.pcm.Signals;

/** Debian's ffmpeg, an independent G.722 implementation, decodes what Loa's encoder made and hears what went in. */
class G722FfmpegIT {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final int RATE = G722Encoder.SAMPLE_RATE;
    /** The QMF pair delays the audio by a few samples; this leaves plenty of room. */
    private static final int MAX_LAG = 100;

    @TempDir
    Path dir;

    @Test
    void ffmpegDecodesATwoToneMixToTheSameSound() throws Exception {
        short[] a = Signals.sine(440, 0.3, RATE, 2 * RATE);
        short[] b = Signals.sine(1200, 0.3, RATE, 2 * RATE);
        short[] mix = new short[a.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (a[i] + b[i]);
        }

        assertFfmpegHears("two tones", mix);
    }

    @Test
    void ffmpegDecodesASpeechLikeGlideToTheSameSound() throws Exception {
        assertFfmpegHears("speech-like", speechLikeSignal(2 * RATE));
    }

    @Test
    void ffmpegsOwnEncoderMakesTheSameBytesFromTheSameAudio() throws Exception {
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
        short[] speech = speechLikeSignal(2 * RATE);
        Path pcm = dir.resolve("speech.pcm");
        Path theirs = dir.resolve("ffmpeg.g722");
        ByteBuffer bytes = ByteBuffer.allocate(2 * speech.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(speech);
        Files.write(pcm, bytes.array());

        run("-f", "s16le", "-ar", "16000", "-ac", "1", "-i", pcm.toString(), "-c:a", "g722", "-f", "g722",
                theirs.toString());

        // Both follow the recommendation's fixed-point arithmetic, so they agree to the bit, not just to the ear.
        assertThat(G722EncoderTest.encodeAll(new G722Encoder(), speech)).isEqualTo(Files.readAllBytes(theirs));
    }

    private void assertFfmpegHears(String name, short[] sent) throws Exception {
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
        Path encoded = dir.resolve("in.g722");
        Path decoded = dir.resolve("out.pcm");
        Files.write(encoded, G722EncoderTest.encodeAll(new G722Encoder(), sent));

        run("-f", "g722", "-i", encoded.toString(), "-ar", "16000", "-ac", "1", "-f", "s16le", decoded.toString());
        short[] heard = readPcm(decoded);

        int lag = Correlation.bestLag(sent, heard, MAX_LAG);
        double correlation = Correlation.normalised(sent, heard, lag);
        double rmsRatio = Signals.rms(heard, 0, heard.length) / Signals.rms(sent, 0, sent.length);
        System.out.printf("G.722 via ffmpeg, %s: sent %d samples, heard %d, correlation %.4f at lag %d, RMS ratio %.3f%n",
                name, sent.length, heard.length, correlation, lag, rmsRatio);
        assertThat(heard.length).isEqualTo(sent.length);
        assertThat(correlation).isGreaterThanOrEqualTo(0.95);
        assertThat(rmsRatio).isBetween(0.8, 1.2);
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(ffmpeg.exitValue()).as("ffmpeg exit status: " + log).isZero();
    }

    private static short[] readPcm(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    /** A tone gliding from 300 Hz upwards with four syllable-like swells a second, as in the G.711 interop test. */
    private static short[] speechLikeSignal(int length) {
        short[] samples = new short[length];
        double phase = 0;
        for (int i = 0; i < length; i++) {
            double t = (double) i / RATE;
            phase += 2 * Math.PI * (300 + 900 * t) / RATE;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
            samples[i] = (short) Math.round(0.3 * 32767 * envelope * Math.sin(phase));
        }
        return samples;
    }
}
