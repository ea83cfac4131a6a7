package vn.loa.server.air;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A 16-bit mono PCM WAV file written as its audio is pulled, so a programme of hours is never held in memory; its
 * header is completed once the length is known. Blocking.
 */
final class WavFile {

    private static final int HEADER_BYTES = 44;

    /** What was written: its size and SHA-256, as the node that fetches it checks them. */
    record Written(long bytes, String sha256) {
    }

    private WavFile() {
    }

    /** Writes all of {@code pcm} (at {@code sampleRate}) to {@code file}, then closes {@code pcm}. */
    static Written write(MediaSource<PcmFrame> pcm, int sampleRate, Path file) {
        long data = 0;
        try (pcm; OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            out.write(header(sampleRate, 0));
            for (PcmFrame f = pcm.pull(); f != null; f = pcm.pull()) {
                ByteBuffer bytes = ByteBuffer.allocate(f.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asShortBuffer().put(f.samples());
                out.write(bytes.array());
                data += bytes.capacity();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header(sampleRate, data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete " + file, e);
        }
        return new Written(HEADER_BYTES + data, sha256(file));
    }

    /** The SHA-256 of a file, read in pieces. */
    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] header(int sampleRate, long dataBytes) {
        int data = (int) Math.min(dataBytes, Integer.MAX_VALUE - 36);
        return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data).array();
    }
}
