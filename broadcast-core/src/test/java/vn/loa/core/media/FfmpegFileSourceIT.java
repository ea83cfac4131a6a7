package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class FfmpegFileSourceIT {

    private static final Path DEBIAN_FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final int RATE = 16_000;

    @TempDir
    Path dir;

    @Test
    void anOggVorbisToneDecodesAtTheRequestedRateWithItsDurationAndPitch() throws Exception {
        Path ogg = encode("tone.ogg", "libvorbis");

        List<PcmFrame> frames = assertTimeoutPreemptively(NO_HANG,
                () -> MediaPipeline.from("ogg", FfmpegFileSource.open(ogg, RATE)).build().pullAll());

        assertIsTheTone(frames);
    }

    @Test
    void anM4aAacToneDecodesAtTheRequestedRateWithItsDurationAndPitch() throws Exception {
        Path m4a = encode("tone.m4a", "aac");

        List<PcmFrame> frames = assertTimeoutPreemptively(NO_HANG,
                () -> MediaPipeline.from("m4a", FfmpegFileSource.open(m4a, RATE)).build().pullAll());

        assertIsTheTone(frames);
    }

    @Test
    void aTruncatedM4aIsRefusedAsNotAudioWithFfmpegsReason() throws Exception {
        // An M4A cut short loses its index (the moov atom comes last), as an interrupted upload does.
        Path whole = encode("whole.m4a", "aac");
        Path cut = Files.write(dir.resolve("cut.m4a"), java.util.Arrays.copyOf(Files.readAllBytes(whole), 3000));

        FfmpegDecodeException e = assertTimeoutPreemptively(NO_HANG,
                () -> catchThrowableOfType(FfmpegDecodeException.class, () -> FfmpegFileSource.open(cut, RATE)));

        assertThat(e.failure()).isEqualTo(FfmpegDecodeException.Failure.NOT_AUDIO);
        assertThat(e.getMessage()).contains("cut.m4a is not audio ffmpeg can read").contains("Invalid data found when processing input");
    }

    @Test
    void aTextFileNamedOggIsRefusedAsNotAudio() throws Exception {
        Path text = Files.writeString(dir.resolve("notice.ogg"), "Thông báo: họp thôn lúc 8 giờ sáng.\n".repeat(200));

        FfmpegDecodeException e = assertTimeoutPreemptively(NO_HANG,
                () -> catchThrowableOfType(FfmpegDecodeException.class, () -> FfmpegFileSource.open(text, RATE)));

        assertThat(e.failure()).isEqualTo(FfmpegDecodeException.Failure.NOT_AUDIO);
        assertThat(e.getMessage()).contains("notice.ogg is not audio ffmpeg can read").contains("(ffmpeg: ");
        assertThat(e.ffmpegSaid()).isNotBlank();
    }

    @Test
    void closingMidStreamKillsFfmpeg() throws Exception {
        Path ogg = encode("tone.ogg", "libvorbis");
        FfmpegFileSource source = FfmpegFileSource.open(ogg, RATE);
        ProcessHandle ffmpeg = source.process();
        assertThat(source.pull()).isNotNull();

        source.close();

        assertThat(ffmpeg.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(source.pull()).isNull();
    }

    @Test
    void aDecoderThatHangsIsKilledAtTheStallLimitInsteadOfHangingTheZone() throws Exception {
        Path hanging = Files.writeString(dir.resolve("hanging-ffmpeg"), "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(dir.resolve("any.ogg"), "x");

        FfmpegDecodeException e = assertTimeoutPreemptively(NO_HANG, () -> catchThrowableOfType(
                FfmpegDecodeException.class,
                () -> FfmpegFileSource.open(hanging, file, RATE, Duration.ofMillis(300))));

        assertThat(e.failure()).isEqualTo(FfmpegDecodeException.Failure.STALLED);
        assertThat(e.getMessage()).contains("was killed");
    }

    private static void assertIsTheTone(List<PcmFrame> frames) {
        short[] pcm = Signals.concat(frames);
        assertThat(frames).allSatisfy(f -> assertThat(f.sampleRate()).isEqualTo(RATE));
        assertThat(frames.get(0).length()).isEqualTo(RATE / 50);
        assertThat(frames.get(1).timestamp()).isEqualTo(RATE / 50);
        // Encoders pad to whole blocks (AAC adds its priming delay): 2 s within 2%.
        assertThat(pcm.length).isCloseTo(2 * RATE, within(2 * RATE / 50));
        int from = RATE / 4;
        int to = pcm.length - RATE / 4;
        assertThat(Signals.zeroCrossingFrequency(pcm, from, to, RATE)).isCloseTo(440, within(2.0));
        assertThat(Signals.toneAmplitude(pcm, from, to, 440, RATE)).isCloseTo(0.5, within(0.05));
        assertThat(Signals.toneAmplitude(pcm, from, to, 1000, RATE)).isLessThan(0.01);
    }

    /** A 2 s, 440 Hz, half-scale tone at 44.1 kHz, written as WAV and encoded by Debian's ffmpeg. */
    private Path encode(String name, String codec) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DEBIAN_FFMPEG), "Debian's ffmpeg makes the test files: apt-get install ffmpeg");
        Path wav = dir.resolve(name + ".wav");
        short[] tone = Signals.sine(440, 0.5, 44_100, 2 * 44_100);
        ByteBuffer bytes = ByteBuffer.allocate(tone.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : tone) {
            bytes.putShort(s);
        }
        AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, tone.length),
                AudioFileFormat.Type.WAVE, wav.toFile());
        Path out = dir.resolve(name);
        Process encoder = new ProcessBuilder(DEBIAN_FFMPEG.toString(), "-nostdin", "-v", "error", "-y",
                "-i", wav.toString(), "-c:a", codec, out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(encoder.waitFor(20, TimeUnit.SECONDS)).as("Debian's ffmpeg encodes " + name).isTrue();
        assertThat(encoder.exitValue()).as("exit code of Debian's ffmpeg for " + name).isZero();
        return out;
    }
}
