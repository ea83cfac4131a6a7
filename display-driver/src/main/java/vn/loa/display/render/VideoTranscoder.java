package vn.loa.display.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.loa.display.BoardProfile;
import vn.loa.display.ContentException;

/**
 * Transcodes an uploaded video for a board with JAVE2's bundled ffmpeg: scaled and letterboxed to the board's canvas,
 * 25 frames/s, VP8 in WebM (every browser plays it, no patent licence), without sound (boards are silent), and a
 * poster frame as PNG for snapshots. A file ffmpeg cannot read is a {@link ContentException}, not a crash. Blocking:
 * call it on a worker.
 */
public final class VideoTranscoder {

    /** The outputs: the WebM the player shows and a still of its first frame. */
    public record Transcoded(Path video, Path poster) {
    }

    private final Duration limit;

    public VideoTranscoder(Duration limit) {
        this.limit = limit;
    }

    public Transcoded transcode(Path input, BoardProfile profile, Path video, Path poster) {
        int w = profile.canvasWidth() & ~1;
        int h = profile.canvasHeight() & ~1;
        String filter = "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease,"
                + "pad=" + w + ":" + h + ":(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25";
        run(List.of("-i", input.toString(), "-an", "-vf", filter, "-c:v", "libvpx", "-b:v", "1M",
                "-deadline", "realtime", "-cpu-used", "8", "-pix_fmt", "yuv420p", "-f", "webm", video.toString()));
        run(List.of("-i", video.toString(), "-frames:v", "1", "-f", "image2", "-c:v", "png", poster.toString()));
        try {
            if (Files.size(video) == 0 || !Files.exists(poster)) {
                throw corrupt("ffmpeg wrote no picture");
            }
        } catch (IOException e) {
            throw corrupt(e.getMessage());
        }
        return new Transcoded(video, poster);
    }

    private void run(List<String> args) {
        Path log = null;
        try {
            log = Files.createTempFile("loa-video", ".log");
            List<String> command = new java.util.ArrayList<>(List.of(BundledFfmpeg.path().toString(),
                    "-hide_banner", "-nostdin", "-v", "error", "-y"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ContentException("video_too_long", "Chuyển mã video quá " + limit.toSeconds()
                        + " giây; hãy dùng video ngắn hơn. / transcoding took too long");
            }
            if (p.exitValue() != 0) {
                throw corrupt(lastLine(Files.readString(log, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new ContentException("transcoder_unavailable", "Không chạy được ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContentException("transcoder_unavailable", "interrupted");
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    private static ContentException corrupt(String detail) {
        return new ContentException("corrupt_media",
                "Tệp video bị hỏng hoặc không phải video (" + detail + "). / corrupt or unreadable video");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** JAVE2's ffmpeg, unpacked on first use; retried after a failed unpack rather than remembered as broken. */
    private static final class BundledFfmpeg {
        private static Path path;

        static synchronized Path path() throws IOException {
            if (path == null) {
                Path located = Path.of(new ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator().getExecutablePath());
                if (!Files.isExecutable(located)) {
                    throw new IOException("JAVE2's ffmpeg is not executable at " + located);
                }
                path = located;
            }
            return path;
        }
    }
}
