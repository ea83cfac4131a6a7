package vn.loa.server.audio;

import java.time.Instant;

/** A stored recorded programme: its id, the name the clerk gave it, its format, size and length. */
public record AudioFile(String id, String name, AudioFormat format, long sizeBytes, long durationMs, String unitPath,
        String createdBy, Instant createdAt) {
}
