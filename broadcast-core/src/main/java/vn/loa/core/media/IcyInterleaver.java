package vn.loa.core.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts Shoutcast/Icecast in-band metadata into an MP3 stream for one listener that asked for it
 * ({@code Icy-MetaData: 1}): after every {@code interval} bytes of audio, a length byte (in 16-byte units) and
 * {@code StreamTitle='...';} padded with zeros, or a single zero when the title has not changed. Players show the
 * title of the notice on air. Pure; one per listener, not thread-safe.
 */
public final class IcyInterleaver {

    private final int interval;
    private int untilMeta;
    private String sent;

    public IcyInterleaver(int interval) {
        this.interval = interval;
        this.untilMeta = interval;
    }

    /** The bytes to send for {@code audio} while {@code title} is on air (null: nothing). */
    public byte[] interleave(byte[] audio, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length + 64);
        int at = 0;
        while (at < audio.length) {
            int n = Math.min(untilMeta, audio.length - at);
            out.write(audio, at, n);
            at += n;
            untilMeta -= n;
            if (untilMeta == 0) {
                writeMeta(out, title == null ? "" : title);
                untilMeta = interval;
            }
        }
        return out.toByteArray();
    }

    private void writeMeta(ByteArrayOutputStream out, String title) {
        if (title.equals(sent)) {
            out.write(0);
            return;
        }
        sent = title;
        // A quote would end the value early; players expect UTF-8 (Icecast 2.4 sends it so).
        byte[] text = ("StreamTitle='" + title.replace("'", "’") + "';").getBytes(StandardCharsets.UTF_8);
        int blocks = Math.min(255, (text.length + 15) / 16);
        byte[] block = new byte[blocks * 16];
        System.arraycopy(text, 0, block, 0, Math.min(text.length, block.length));
        out.write(blocks);
        out.write(block, 0, block.length);
    }
}
