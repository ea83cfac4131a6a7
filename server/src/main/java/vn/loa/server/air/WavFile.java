package vn.loa.server.air;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.wav.WavFormat;

/**
 * A 16-bit mono PCM WAV file ({@link WavFormat}) written as its audio is pulled, so a programme of hours is never
 * held in memory; its header is completed once the length is known. Blocking.
 */
final class WavFile {

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
                byte[] bytes = Pcm16.bytes(f.samples());
                out.write(bytes);
                data += bytes.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header(sampleRate, data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete " + file, e);
        }
        return new Written(WavFormat.HEADER_BYTES + data, sha256(file));
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
        return WavFormat.header(sampleRate, Math.min(dataBytes, Integer.MAX_VALUE - 36));
    }
}
