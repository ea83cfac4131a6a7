package vn.loa.core.media;

import java.nio.file.Path;

/**
 * An exception for an audio file that ffmpeg could not turn into PCM: the file, why, and ffmpeg's own last word.
 *
 * <p>Unchecked like the other sources' failures, since a pipeline pulls through interfaces that declare none; callers
 * that render a clerk's upload catch it and show {@link #getMessage()}.
 */
public final class FfmpegDecodeException extends RuntimeException {

    /** What went wrong, for callers that count or react rather than show the message. */
    public enum Failure {
        /** ffmpeg gave up before any audio: not a media file, truncated, or no audio track. */
        NOT_AUDIO,
        /** ffmpeg produced nothing within the time limit and was killed. */
        STALLED,
        /** ffmpeg stopped with an error after some audio (a broken tail, a read error). */
        FAILED
    }

    private final Path file;
    private final Failure failure;
    private final String ffmpegSaid;

    FfmpegDecodeException(Path file, Failure failure, String message, String ffmpegSaid) {
        super(message + (ffmpegSaid.isEmpty() ? "" : " (ffmpeg: " + ffmpegSaid + ")"));
        this.file = file;
        this.failure = failure;
        this.ffmpegSaid = ffmpegSaid;
    }

    public Path file() {
        return file;
    }

    public Failure failure() {
        return failure;
    }

    /** ffmpeg's last line on standard error, or an empty string if it said nothing. */
    public String ffmpegSaid() {
        return ffmpegSaid;
    }
}
