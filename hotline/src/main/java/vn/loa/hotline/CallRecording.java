package vn.loa.hotline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The caller's voice written to a WAV file (8 kHz, 16-bit mono) as it arrives, kept with the call's audit record.
 * The header's lengths are filled in at {@link #close}. Thread-safe.
 */
final class CallRecording implements AutoCloseable {

    private static final int HEADER = 44;

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
        out.write(new byte[HEADER]);
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
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            bytes.putShort(s);
        }
        try {
            out.write(bytes.array());
            dataBytes += bytes.capacity();
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
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        out.seek(0);
        out.write(h.array());
        out.close();
    }
}
