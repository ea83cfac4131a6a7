package vn.loa.wire.codec;

import java.util.function.Function;

/** Signals shared by the G.711 tests. */
final class G711Fixtures {

    private G711Fixtures() {
    }

    /** Signal-to-noise ratio, in dB, of a 1 kHz sine at -12 dBFS sent through a G.711 law at 8 kHz. */
    static double sineSnrDb(Function<short[], byte[]> encode, Function<byte[], short[]> decode) {
        short[] sine = new short[8000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (short) Math.round(0.25 * 32767 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        short[] back = decode.apply(encode.apply(sine));
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < sine.length; i++) {
            signal += (double) sine[i] * sine[i];
            double e = back[i] - sine[i];
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }
}
