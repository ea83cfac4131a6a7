package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JAVE2 unpacks its ffmpeg and starts a chmod it does not wait for; on a fresh machine the first upload found the file
 * not yet executable and answered 500 (issue 23). The check run at start-up must leave a runnable ffmpeg whatever that
 * chmod did. Tried on a copy, so tests running beside this one keep their ffmpeg.
 */
class BundledFfmpegIT {

    @Test
    void anUnpackedButNotYetExecutableFfmpegIsMadeRunnable(@TempDir Path dir) throws Exception {
        Path unpacked = Files.copy(FfmpegFileSource.bundledFfmpeg(), dir.resolve("ffmpeg"));
        // As JAVE2 leaves it before its chmod has run.
        assertThat(unpacked.toFile().setExecutable(false, false)).isTrue();
        assertThat(Files.isExecutable(unpacked)).as("precondition: not executable").isFalse();

        assertThat(FfmpegFileSource.BundledFfmpeg.runnable(unpacked)).isEqualTo(unpacked);
        Process version = new ProcessBuilder(unpacked.toString(), "-version").redirectErrorStream(true).start();
        assertThat(new String(version.getInputStream().readAllBytes())).startsWith("ffmpeg version");
        assertThat(version.waitFor()).isZero();
    }
}
