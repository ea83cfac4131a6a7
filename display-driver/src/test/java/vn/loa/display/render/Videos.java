package vn.loa.display.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/** Test videos made by JAVE2's ffmpeg from its built-in test pattern. */
public final class Videos {

    private Videos() {
    }

    public static Path testPattern(Path out, int width, int height, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new DefaultFFMPEGLocator().getExecutablePath(), "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-pix_fmt", "yuv420p", "-c:v", "libx264", out.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not make a test video");
        }
        return out;
    }
}
