package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.wav.WavFileSource;

class SourcesTest {

    @Test
    void pcmFromTheSpeechEngineComesOutIn20MillisecondFramesWithNothingLost() {
        short[] speech = Signals.sine(300, 0.3, 22_050, 10_000);

        List<PcmFrame> frames = MediaPipeline.from("tts", new PcmBufferSource(speech, 22_050)).build().pullAll();

        assertThat(frames.get(0).length()).isEqualTo(441);
        assertThat(frames.get(1).timestamp()).isEqualTo(441);
        assertThat(Signals.concat(frames)).isEqualTo(speech);
    }

    @Test
    void aStereoWavFileIsDecodedToMonoAtItsOwnRate() throws IOException {
        short[] left = Signals.sine(1000, 0.5, 16_000, 16_000);
        byte[] wav = stereoWav(left, new short[left.length], 16_000);

        List<PcmFrame> frames = MediaPipeline.from("wav", WavFileSource.open(new ByteArrayInputStream(wav)))
                .build().pullAll();
        short[] mono = Signals.concat(frames);

        assertThat(frames.get(0).sampleRate()).isEqualTo(16_000);
        assertThat(mono).hasSize(16_000);
        assertThat(Signals.toneAmplitude(mono, 0, mono.length, 1000, 16_000)).isCloseTo(0.25, within(0.002));
    }

    @Test
    void somethingThatIsNotAudioIsRefusedWithAClearMessage() {
        ByteArrayInputStream notAudio = new ByteArrayInputStream("<html>not a WAV</html>".getBytes());

        assertThatThrownBy(() -> WavFileSource.open(notAudio)).hasMessageContaining("not an audio file");
    }

    @Test
    void anMp3FileDecodesToItsToneAndDuration() {
        Mp3FileSource source = new Mp3FileSource(new ByteArrayInputStream(Mp3Fixture.oneKilohertzSecond()));

        short[] pcm = Signals.concat(MediaPipeline.from("mp3", source).build().pullAll());

        // The encoder and decoder each add a few hundred samples of delay and pad to whole 576-sample granules.
        assertThat(pcm.length).isBetween(22_050, 22_050 + 2 * 1152 + 576);
        assertThat(Signals.zeroCrossingFrequency(pcm, 4000, 18_000, 22_050)).isCloseTo(1000, within(1.0));
        assertThat(Signals.toneAmplitude(pcm, 4000, 18_000, 1000, 22_050)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void bytesThatAreNotMp3GiveAnEmptyStreamInsteadOfNoise() {
        Mp3FileSource source = new Mp3FileSource(new ByteArrayInputStream(new byte[4096]));

        assertThat(source.pull()).isNull();
    }

    static byte[] stereoWav(short[] left, short[] right, int rate) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(left.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < left.length; i++) {
            pcm.putShort(left[i]).putShort(right[i]);
        }
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, left.length),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
