package vn.loa.hotline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.wav.WavFormat;

/**
 * The caller's voice written to a WAV file (8 kHz, 16-bit mono, {@link WavFormat}) as it arrives, kept with the call's
 * audit record. The header's lengths are filled in at {@link #close}. Thread-safe.
 */
final class CallRecording implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallRecording.class);

    private final Path file;
    private final RandomAccessFile out;
    private long dataBytes;
    private boolean closed;

    CallRecording(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.file = file;
        this.out = new RandomAccessFile(file.toFile(), "rw");
        out.setLength(0);
        out.write(new byte[WavFormat.HEADER_BYTES]);
    }

    private CallRecording() {
        this.file = null;
        this.out = null;
        this.closed = true;
    }

    /**
     * A recording into {@code file}, or none (the call is aired all the same) while {@code diskLow} says the disk is
     * nearly full or the file cannot be made: a full disk must not stop an emergency call.
     */
    static CallRecording open(Path file, java.util.function.BooleanSupplier diskLow) {
        if (diskLow.getAsBoolean()) {
            LOG.warn("disk nearly full: call {} is aired unrecorded", file.getFileName());
            return new CallRecording();
        }
        try {
            return new CallRecording(file);
        } catch (IOException e) {
            LOG.warn("call {} is aired unrecorded: {}", file.getFileName(), e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do on a disk that refuses
            }
            return new CallRecording();
        }
    }

    /** The recording's file; null when the call was not recorded. */
    Path file() {
        return file;
    }

    synchronized void write(short[] samples) {
        if (closed || out == null) {
            return;
        }
        byte[] bytes = Pcm16.bytes(samples);
        try {
            out.write(bytes);
            dataBytes += bytes.length;
        } catch (IOException e) {
            closed = true; // a full disk must not end the emergency call; the recording simply stops
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (out == null) {
            return;
        }
        out.seek(0);
        out.write(WavFormat.header(8000, dataBytes));
        out.close();
    }
}
