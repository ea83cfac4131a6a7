package vn.loa.core.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.gagravarr.ogg.OggFile;
import org.gagravarr.ogg.OggPacketWriter;
import org.gagravarr.opus.OpusAudioData;
import org.gagravarr.opus.OpusInfo;
import org.gagravarr.opus.OpusTags;

/**
 * Puts a stream of 20 ms Opus packets (a zone's Opus RTP payloads) into an Ogg Opus stream (RFC 7845) for one
 * listener of an HTTP mount: the identification and comment headers first, then pages of a few packets each, so a
 * box that joins at any moment gets a stream it can decode from its first byte.
 *
 * <p>One per listener (granule positions and page numbers start at zero for each); not thread-safe.
 */
public final class OggOpusWriter {

    /** Packets per page: 100 ms, a page's overhead (27 bytes and a lacing byte each) kept small without adding delay. */
    static final int PACKETS_PER_PAGE = 5;
    /** Samples at 48 kHz in one 20 ms packet. */
    private static final int SAMPLES_PER_PACKET = 960;
    /** Opus's usual encoder look-ahead at 48 kHz (RFC 7845 §4.2), for the pre-skip field. */
    private static final int PRE_SKIP = 312;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OggPacketWriter writer;
    private long granule;
    private int buffered;

    /** Starts the stream: its headers are in the first {@link #drain}. */
    public OggOpusWriter(String title) {
        writer = new OggFile(out).getPacketWriter();
        OpusInfo info = new OpusInfo();
        info.setNumChannels(1);
        info.setSampleRate(48_000);
        info.setPreSkip(PRE_SKIP);
        OpusTags tags = new OpusTags();
        tags.setVendor("Loa");
        tags.addComment("TITLE", title);
        try {
            writer.bufferPacket(info.write(), true);
            writer.bufferPacket(tags.write(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to memory: does not happen
        }
    }

    /** Adds one Opus packet; a page is finished every {@value #PACKETS_PER_PAGE} packets. */
    public void add(byte[] opusPacket) {
        granule += SAMPLES_PER_PACKET;
        writer.bufferPacket(new OpusAudioData(opusPacket).write(), granule);
        if (++buffered == PACKETS_PER_PAGE) {
            buffered = 0;
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bytes of the pages finished since the last call (empty when none is). */
    public byte[] drain() {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }
}
