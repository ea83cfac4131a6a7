package vn.loa.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacket;

/** The audio tests compare: what left Loa in G.711 packets, and what a receiver wrote to a WAV file. */
public final class Audio {

    private Audio() {
    }

    /** The PCM carried by a run of PCMU packets, in order. */
    public static short[] pcmu(List<RtpPacket> packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        packets.forEach(p -> all.writeBytes(p.payload()));
        return MuLaw.decode(all.toByteArray());
    }

    /** The PCM carried by a run of Opus packets (48 kHz), in order, whatever each packet's length (20 to 120 ms). */
    public static short[] opus(List<RtpPacket> packets) {
        vn.loa.wire.codec.OpusAudioDecoder decoder = new vn.loa.wire.codec.OpusAudioDecoder();
        List<short[]> parts = packets.stream().map(p -> decoder.decode(p.payload())).toList();
        short[] out = new short[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The 16-bit samples of a WAV file. */
    public static short[] wav(Path file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            byte[] bytes = in.readAllBytes();
            short[] out = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(out);
            return out;
        }
    }

    /** 48 kHz audio at 8 kHz: the mean of each six samples (a rough low-pass, enough to line two recordings up). */
    public static short[] eighth(short[] samples) {
        short[] out = new short[samples.length / 6];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int k = 0; k < 6; k++) {
                sum += samples[6 * i + k];
            }
            out[i] = (short) (sum / 6);
        }
        return out;
    }
}
