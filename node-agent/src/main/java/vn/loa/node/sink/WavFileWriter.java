package vn.loa.node.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import vn.loa.wire.wav.WavFormat;

/**
 * A WAV file being written: 16-bit little-endian mono PCM after a 44-byte RIFF header ({@link WavFormat}) whose two
 * lengths are kept true as the file grows.
 *
 * <p>Not thread-safe: one writer per file, used by the playout thread. The header is rewritten about once a second
 * of audio, not only at the end, so a node that loses power mid-announcement still leaves a playable file.
 */
public final class WavFileWriter implements Closeable {

    private static final int BYTES_PER_SAMPLE = 2;
    /** A RIFF chunk length is 32-bit unsigned; stop short of it rather than write a header that lies. */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;

    private Path path;
    private final int sampleRate;
    private final FileChannel file;
    private final ByteBuffer chunk = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private long bytesSinceHeader;

    private WavFileWriter(Path path, int sampleRate, FileChannel file) {
        this.path = path;
        this.sampleRate = sampleRate;
        this.file = file;
    }

    /** Creates the file (it must not exist yet) and writes a header for no samples. */
    public static WavFileWriter create(Path path, int sampleRate) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WavFileWriter writer = new WavFileWriter(path, sampleRate, file);
        try {
            writer.writeHeader();
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return writer;
    }

    /** Appends samples. */
    public void write(short[] samples) throws IOException {
        for (short sample : samples) {
            if (!chunk.hasRemaining()) {
                flushChunk();
            }
            chunk.putShort(sample);
        }
        flushChunk();
    }

    /** Appends {@code count} samples of silence. */
    public void writeSilence(long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (!chunk.hasRemaining()) {
                flushChunk();
            }
            chunk.putShort((short) 0);
        }
        flushChunk();
    }

    /** Samples written so far. */
    public long samples() {
        return dataBytes / BYTES_PER_SAMPLE;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public Path path() {
        return path;
    }

    /** Renames the file while it is being written; fails with {@code FileAlreadyExistsException} if taken. */
    public void moveTo(Path target) throws IOException {
        Files.move(path, target);
        path = target;
    }

    @Override
    public void close() throws IOException {
        try {
            writeHeader();
            file.force(false);
        } finally {
            file.close();
        }
    }

    private void flushChunk() throws IOException {
        chunk.flip();
        int length = chunk.remaining();
        if (dataBytes + length > MAX_DATA_BYTES) {
            chunk.clear();
            throw new IOException("WAV file full (4 GiB): " + path);
        }
        file.position(WavFormat.HEADER_BYTES + dataBytes);
        while (chunk.hasRemaining()) {
            file.write(chunk);
        }
        chunk.clear();
        dataBytes += length;
        bytesSinceHeader += length;
        if (bytesSinceHeader >= (long) sampleRate * BYTES_PER_SAMPLE) {
            writeHeader();
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.wrap(WavFormat.header(sampleRate, dataBytes));
        long at = 0;
        while (header.hasRemaining()) {
            at += file.write(header, at); // positional: the append position stays where it is
        }
        bytesSinceHeader = 0;
    }
}
