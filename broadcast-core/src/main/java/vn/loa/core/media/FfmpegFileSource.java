package vn.loa.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * A source that decodes any audio file ffmpeg reads (OGG/Vorbis, Opus, M4A/AAC, FLAC, AMR, a video's sound track...)
 * to mono 16-bit PCM at a requested rate, in 20 ms frames, by running the static ffmpeg that JAVE2 bundles.
 *
 * <p>Not thread-safe, like every source; the owner must {@link #close()} it, which kills ffmpeg. ffmpeg runs as a child
 * process writing raw PCM to a pipe that this source reads as it is pulled, so a long file is never held in memory and
 * a paused stream costs a blocked process, not CPU. Opening starts ffmpeg and waits for the first frame, so a file that
 * is not audio fails at {@code open} (on a worker, never the event loop) with a {@link FfmpegDecodeException}.
 * A pull that waits longer than the stall limit for ffmpeg kills it and fails: a stuck decoder never hangs a zone.
 */
public final class FfmpegFileSource implements MediaSource<PcmFrame> {

    /** How long one pull waits for ffmpeg before killing it; first frames of a large video take a few seconds. */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(10);

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Path file;
    private final Process process;
    private final InputStream pcm;
    private final Path stderr;
    private final int sampleRate;
    private final long stallMillis;
    private final byte[] buffer;
    private volatile boolean stalled;
    private volatile boolean closed;
    private PcmFrame first;
    private long timestamp;
    private boolean ended;

    private FfmpegFileSource(Path file, Process process, Path stderr, int sampleRate, Duration stallLimit) {
        this.file = file;
        this.process = process;
        this.pcm = process.getInputStream();
        this.stderr = stderr;
        this.sampleRate = sampleRate;
        this.stallMillis = stallLimit.toMillis();
        this.buffer = new byte[Math.max(1, sampleRate / 50) * 2];
    }

    /**
     * Unpacks JAVE2's ffmpeg and checks it can run: for start-up, so a machine that cannot decode uploads says so at
     * once instead of failing the first upload. Returns its path; throws {@link IllegalStateException} saying why not.
     */
    public static Path bundledFfmpeg() {
        return BundledFfmpeg.path();
    }

    /** Opens {@code file} decoded to {@code sampleRate} Hz with the default stall limit. */
    public static FfmpegFileSource open(Path file, int sampleRate) {
        return open(file, sampleRate, DEFAULT_STALL_LIMIT);
    }

    /** Opens {@code file} decoded to {@code sampleRate} Hz; fails at once if ffmpeg finds no audio in it. */
    public static FfmpegFileSource open(Path file, int sampleRate, Duration stallLimit) {
        return open(BundledFfmpeg.path(), file, sampleRate, stallLimit);
    }

    /** Opens with another ffmpeg executable: for tests, and for a system whose ffmpeg is preferred. */
    static FfmpegFileSource open(Path ffmpeg, Path file, int sampleRate, Duration stallLimit) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException("cannot read " + file, new NoSuchFileException(file.toString()));
        }
        Path stderr = null;
        try {
            // A file rather than a pipe for stderr: no drainer thread per stream, and "-v error" keeps it small.
            stderr = Files.createTempFile("loa-ffmpeg-", ".log");
            Process process = new ProcessBuilder(command(ffmpeg, file, sampleRate))
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            FfmpegFileSource source = new FfmpegFileSource(file, process, stderr, sampleRate, stallLimit);
            source.first = source.next(); // a bad file fails here, where the caller can still pick another
            return source;
        } catch (IOException e) {
            deleteQuietly(stderr);
            throw new UncheckedIOException("cannot start ffmpeg " + ffmpeg + " for " + file, e);
        }
    }

    private static List<String> command(Path ffmpeg, Path file, int sampleRate) {
        // An absolute path starts with '/', so ffmpeg never reads a name like "http:x.ogg" as a protocol.
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error",
                "-i", file.toAbsolutePath().toString(),
                "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(sampleRate), "-f", "s16le", "pipe:1");
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The ffmpeg process, so tests and metrics can see it live and die. */
    ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public PcmFrame pull() {
        if (first != null) {
            PcmFrame frame = first;
            first = null;
            return frame;
        }
        return ended ? null : next();
    }

    private PcmFrame next() {
        int filled = read();
        int count = filled / 2; // an odd last byte can only be a half sample of a killed ffmpeg
        if (count == 0) {
            ended = true;
            if (!closed) { // a close() from another thread killed ffmpeg on purpose: just end
                finish();
            }
            return null;
        }
        short[] samples = Pcm16.samples(buffer, filled);
        PcmFrame frame = new PcmFrame(samples, sampleRate, timestamp);
        timestamp += count;
        return frame;
    }

    private int read() {
        ScheduledFuture<?> alarm = null;
        try {
            if (pcm.available() < buffer.length) {
                alarm = WATCHDOG.schedule(this::stall, stallMillis, TimeUnit.MILLISECONDS);
            }
            return pcm.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            if (stalled || closed) {
                return 0; // the pipe broke because we killed ffmpeg; finish() says why
            }
            close();
            throw new UncheckedIOException("cannot read ffmpeg's output for " + file, e);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    private void stall() {
        stalled = true;
        process.destroyForcibly();
    }

    /** At the end of ffmpeg's output: a clean exit ends the stream, anything else is reported. */
    private void finish() {
        int exit;
        try {
            exit = process.waitFor(stallMillis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        if (exit == 0 && !stalled) {
            close();
            return;
        }
        // ffmpeg starts its line with the input's path, which the message already names.
        String said = lastLine(stderr).replace(file.toAbsolutePath() + ": ", "");
        close();
        if (stalled || exit == -1) {
            throw new FfmpegDecodeException(file, FfmpegDecodeException.Failure.STALLED,
                    "ffmpeg produced no audio from " + file + " for " + stallMillis + " ms and was killed", said);
        }
        if (timestamp == 0) {
            throw new FfmpegDecodeException(file, FfmpegDecodeException.Failure.NOT_AUDIO,
                    file + " is not audio ffmpeg can read (exit " + exit + ")", said);
        }
        throw new FfmpegDecodeException(file, FfmpegDecodeException.Failure.FAILED, "ffmpeg stopped decoding " + file
                + " after " + timestamp * 1000 / sampleRate + " ms (exit " + exit + ")", said);
    }

    /** Kills ffmpeg if it still runs and removes its log; the stream then ends. */
    @Override
    public void close() {
        closed = true;
        ended = true;
        first = null;
        process.destroyForcibly();
        try {
            pcm.close();
        } catch (IOException e) {
            // the pipe of a killed process: nothing left to release
        }
        deleteQuietly(stderr);
    }

    private static String lastLine(Path log) {
        // Only the tail: a long corrupt file can make ffmpeg log one line per broken packet.
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, in.length() - 4096);
            byte[] tail = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\\R");
            return lines[lines.length - 1].strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a log left in the temp dir is harmless
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "loa-ffmpeg-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // an alarm per pull is cancelled at once; do not let them pile up
        return timer;
    }

    /** JAVE2's ffmpeg, unpacked on first use (77 MB into java.io.tmpdir/jave), once per JVM. */
    static final class BundledFfmpeg {
        private static Path path;

        // Not a class-initialiser constant: a failed unpack (full temp dir) must be retried, not become a
        // NoClassDefFoundError for the rest of the JVM's life.
        static synchronized Path path() {
            try {
                path = runnable(path != null ? path : Path.of(new DefaultFFMPEGLocator().getExecutablePath()));
                return path;
            } catch (IllegalStateException e) {
                path = null;
                throw e;
            }
        }

        /**
         * The unpacked ffmpeg, made executable. JAVE2 starts a chmod after unpacking and does not wait for it: on a
         * fresh machine the first call could find the file not yet executable (issue 23), so the bit is set here
         * rather than raced; checked on every call, as a stat is cheap and a cleaned temp dir can take it away.
         */
        static Path runnable(Path located) {
            if (!Files.isExecutable(located)) {
                located.toFile().setExecutable(true, false);
            }
            if (!Files.isExecutable(located)) {
                throw new IllegalStateException("JAVE2's bundled ffmpeg is not executable at " + located
                        + " (is jave-nativebin-linux64 on the class path and the temp dir writable?)");
            }
            return located;
        }
    }
}
