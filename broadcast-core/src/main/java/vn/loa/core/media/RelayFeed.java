package vn.loa.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A relay of an upstream live stream (Icecast/HTTP MP3, or anything ffmpeg opens) for a time window: JAVE2's ffmpeg
 * decodes it to mono PCM, which goes to every {@link #listen() listener} (one per zone stream) as live audio.
 *
 * <p>Owns one thread and one ffmpeg process at a time. When the upstream cannot be reached or drops, the feed retries
 * with a doubling pause (1 s up to 16 s) until the window ends, and the listeners hear silence meanwhile, never a
 * stall. Sound quieter than {@link DeadAirWatch#SILENCE_LEVEL} for longer than the silence limit is reported once per silent
 * stretch. At the window's end the listeners end and the {@link Listener} hears how it went.
 */
public final class RelayFeed implements AutoCloseable {

    /** What a relay reports while it runs; called on the feed's thread. */
    public interface Listener {
        void connected(URI upstream, int attempt);

        void retrying(int attempt, String reason, Duration pause);

        void silent(Duration silence);

        /** The window is over; {@code lastProblem} is null when the upstream never failed. */
        void ended(boolean everConnected, String lastProblem);
    }

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(16);

    private final URI upstream;
    private final int sampleRate;
    private final Instant until;
    private final Duration silenceLimit;
    private final InstantSource clock;
    private final Listener listener;
    private final List<RelayOutlet> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Process process;
    private volatile boolean closed;

    private RelayFeed(URI upstream, int sampleRate, Instant until, Duration silenceLimit, InstantSource clock,
            Listener listener) {
        this.upstream = upstream;
        this.sampleRate = sampleRate;
        this.until = until;
        this.silenceLimit = silenceLimit;
        this.clock = clock;
        this.listener = listener;
        this.thread = new Thread(this::run, "loa-relay");
        this.thread.setDaemon(true);
    }

    /** Starts relaying {@code upstream} until {@code until}. */
    public static RelayFeed start(URI upstream, int sampleRate, Instant until, Duration silenceLimit,
            InstantSource clock, Listener listener) {
        RelayFeed feed = new RelayFeed(upstream, sampleRate, until, silenceLimit, clock, listener);
        feed.thread.start();
        return feed;
    }

    /** A new live source fed by this relay: half a second of cushion absorbs the upstream's bursts. */
    public MediaSource<PcmFrame> listen() {
        PrimedPcmSource source = new PrimedPcmSource(sampleRate, sampleRate / 2, sampleRate * 3);
        listeners.add(source);
        if (!thread.isAlive() && thread.getState() == Thread.State.TERMINATED) {
            source.end();
        }
        return source;
    }

    /**
     * A new source fed by this relay for a reader that runs ahead of the air and pulls in step with it (a programme
     * session): a pull waits for the next frame, and gives silence for as long as it waited when none came.
     */
    public MediaSource<PcmFrame> listenInStep() {
        SteadyPcmSource source = new SteadyPcmSource(sampleRate);
        listeners.add(source);
        if (thread.getState() == Thread.State.TERMINATED) {
            source.end();
        }
        return source;
    }

    private void run() {
        boolean everConnected = false;
        String lastProblem = null;
        Duration pause = FIRST_PAUSE;
        Instant lastSound = clock.instant();
        boolean silenceReported = false;
        int attempt = 0;
        try {
            while (!closed && clock.instant().isBefore(until)) {
                attempt++;
                Path log = Files.createTempFile("loa-relay-", ".log");
                try {
                    Process p = new ProcessBuilder(command()).redirectError(log.toFile()).start();
                    process = p;
                    p.getOutputStream().close();
                    // The window's end stops ffmpeg wherever it is, even blocked on a silent upstream.
                    var stop = java.util.concurrent.CompletableFuture.delayedExecutor(
                            Math.max(0, Duration.between(clock.instant(), until).toMillis()), TimeUnit.MILLISECONDS);
                    java.util.concurrent.CompletableFuture.runAsync(p::destroyForcibly, stop);
                    InputStream pcm = p.getInputStream();
                    byte[] chunk = new byte[sampleRate / 50 * 2];
                    boolean announced = false;
                    while (pcm.readNBytes(chunk, 0, chunk.length) == chunk.length) {
                        if (!announced) {
                            announced = true;
                            everConnected = true;
                            pause = FIRST_PAUSE;
                            listener.connected(upstream, attempt);
                        }
                        short[] samples = Pcm16.samples(chunk);
                        listeners.forEach(l -> l.offer(samples));
                        Instant now = clock.instant();
                        if (DeadAirWatch.loud(samples)) {
                            lastSound = now;
                            silenceReported = false;
                        } else if (!silenceReported && Duration.between(lastSound, now).compareTo(silenceLimit) > 0) {
                            silenceReported = true;
                            listener.silent(Duration.between(lastSound, now));
                        }
                    }
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    String said = lastLine(log);
                    if (!clock.instant().isBefore(until) || closed) {
                        break;
                    }
                    lastProblem = said.isEmpty() ? "the upstream stream ended (exit " + p.exitValue() + ")" : said;
                } finally {
                    Files.deleteIfExists(log);
                }
                Duration left = Duration.between(clock.instant(), until);
                Duration wait = pause.compareTo(left) < 0 ? pause : left;
                listener.retrying(attempt, lastProblem, wait);
                Thread.sleep(Math.max(0, wait.toMillis()));
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                if (!silenceReported && Duration.between(lastSound, clock.instant()).compareTo(silenceLimit) > 0) {
                    silenceReported = true;
                    listener.silent(Duration.between(lastSound, clock.instant()));
                }
            }
        } catch (IOException e) {
            lastProblem = "cannot run ffmpeg: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
            listener.ended(everConnected, lastProblem);
            listeners.forEach(RelayOutlet::end);
        }
    }

    private List<String> command() {
        // -rw_timeout: a stalled connection fails after 5 s (and is retried) instead of hanging the relay.
        // A short probe: by default ffmpeg reads 64 KB to guess an MP3 stream's format (8 s of a 64 kbit/s relay,
        // after the server's burst), which would be seconds of silence at the start of every window.
        return List.of(FfmpegFileSource.BundledFfmpeg.path().toString(), "-nostdin", "-hide_banner", "-v", "error",
                "-rw_timeout", "5000000", "-probesize", "8192", "-formatprobesize", "8192", "-analyzeduration", "500000",
                "-i", upstream.toString(),
                "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(sampleRate), "-f", "s16le", "pipe:1");
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).trim();
            }
        }
        return "";
    }

    /** Stops the relay before its window ends (the announcement was cancelled). */
    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
        thread.interrupt();
    }
}
