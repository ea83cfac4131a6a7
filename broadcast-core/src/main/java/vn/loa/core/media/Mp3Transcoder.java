package vn.loa.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A live Ogg Opus stream turned into MP3 by ffmpeg (JAVE2's, bundled), for speaker boxes that play only MP3: pages go
 * in as they come, MP3 comes out as ffmpeg makes it (a few tens of milliseconds later, with its probing switched off).
 *
 * <p>{@link #write} never blocks its caller, the pacing thread: pages queue for a writer thread, and when ffmpeg falls
 * more than a few seconds behind, pages are dropped (counted) rather than queued without bound.
 */
public final class Mp3Transcoder implements AutoCloseable {

    /** 48 kb/s mono at 24 kHz: speech and music clear on a 4G box, about 22 MB an hour. */
    private static final List<String> ARGUMENTS = List.of("-nostdin", "-loglevel", "error", "-fflags", "nobuffer",
            "-probesize", "32", "-analyzeduration", "0", "-f", "ogg", "-i", "pipe:0", "-ac", "1", "-ar", "24000",
            "-c:a", "libmp3lame", "-b:a", "48k", "-flush_packets", "1", "-f", "mp3", "pipe:1");
    /** About five seconds of 100 ms pages. */
    private static final int QUEUE = 50;

    private final Process ffmpeg;
    private final BlockingQueue<byte[]> pages = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private final Thread reader;
    private volatile long dropped;
    private volatile boolean open = true;

    private Mp3Transcoder(Process ffmpeg, Consumer<byte[]> mp3) {
        this.ffmpeg = ffmpeg;
        this.writer = daemon("loa-mp3-in", () -> pump(ffmpeg.getOutputStream()));
        this.reader = daemon("loa-mp3-out", () -> drain(ffmpeg.getInputStream(), mp3));
    }

    /** Starts ffmpeg; {@code mp3} hears each piece of MP3 it writes, on the transcoder's own thread. */
    public static Mp3Transcoder start(Consumer<byte[]> mp3) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(FfmpegFileSource.BundledFfmpeg.path().toString());
        command.addAll(ARGUMENTS);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new Mp3Transcoder(process, mp3);
    }

    /** Ogg pages for ffmpeg, the headers first; dropped when ffmpeg is too far behind. */
    public void write(byte[] oggPages) {
        if (open && oggPages.length > 0 && !pages.offer(oggPages)) {
            dropped++;
        }
    }

    public long dropped() {
        return dropped;
    }

    private void pump(OutputStream in) {
        try (in) {
            while (open) {
                byte[] next = pages.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    in.write(next);
                    in.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            open = false; // ffmpeg ended or we are closing
        }
    }

    private void drain(InputStream out, Consumer<byte[]> mp3) {
        byte[] buffer = new byte[4096];
        try (out) {
            int n;
            while ((n = out.read(buffer)) > 0) {
                mp3.accept(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException | RuntimeException e) {
            // ffmpeg ended
        }
        open = false;
    }

    public boolean running() {
        return open && ffmpeg.isAlive();
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        ffmpeg.destroy();
        try {
            if (!ffmpeg.waitFor(2, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly();
            }
        } catch (InterruptedException e) {
            ffmpeg.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
