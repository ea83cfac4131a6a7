package vn.loa.server.listen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.loa.core.media.OggOpusWriter;
import vn.loa.server.air.OnAir;
import vn.loa.server.refusal.Refusal;
import vn.loa.wire.codec.OpusAudioEncoder;
import vn.loa.wire.pcm.Resampler;

/**
 * The sound of an archived notice for residents' phones: a recording as it was uploaded; a text notice spoken once
 * with its voice and kept as Ogg Opus (24 kb/s speech, about 3 KB a second: a minute costs a 4G phone 180 KB) in
 * {@code <data dir>/nghe}. Speech is made by one public request at a time (others get 503 and retry): the page has no
 * sign-in, so it must not let anyone keep the speech engine busy. Files older than the archive's time are deleted as
 * new ones are made. Blocking; call it on a worker.
 */
public final class ArchiveAudio {

    /** A file to send and its media type. */
    public record Heard(Path path, String type) {
    }

    private static final int BITRATE = 24_000;
    private static final int FRAME = OpusAudioEncoder.SAMPLE_RATE / 50;

    private final Path folder;
    private final OnAir.Speech speech;
    private final Function<String, Optional<Path>> recordings;
    private final Duration kept;
    private final Clock clock;
    private final Semaphore speaking = new Semaphore(1);

    /** @param recordings the stored file of an uploaded programme, by audio id */
    public ArchiveAudio(Path dataDir, OnAir.Speech speech, Function<String, Optional<Path>> recordings, Duration kept,
            Clock clock) {
        this.folder = dataDir.resolve("nghe");
        this.speech = speech;
        this.recordings = recordings;
        this.kept = kept;
        this.clock = clock;
    }

    public Heard of(PublicNotice notice) {
        if (notice.audioId() != null) {
            Path file = recordings.apply(notice.audioId())
                    .orElseThrow(() -> Refusal.notFound("âm thanh của thông báo", String.valueOf(notice.id())));
            return new Heard(file, typeOf(file));
        }
        Path file = folder.resolve(notice.id() + ".opus");
        if (Files.isRegularFile(file)) {
            return new Heard(file, "audio/ogg");
        }
        if (!speaking.tryAcquire()) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "busy", "Máy chủ đang đọc một thông báo khác, "
                    + "xin thử lại sau ít giây / busy making another notice's sound, retry in a few seconds");
        }
        try {
            if (!Files.isRegularFile(file)) {
                make(notice, file);
            }
            return new Heard(file, "audio/ogg");
        } finally {
            speaking.release();
        }
    }

    private void make(PublicNotice notice, Path file) {
        try {
            Files.createDirectories(folder);
            forgetOld();
            Path part = folder.resolve(notice.id() + ".opus.part");
            Files.write(part, spoken(notice));
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notice spoken at 48 kHz in 20 ms Opus packets, in Ogg pages. */
    private byte[] spoken(PublicNotice notice) {
        OpusAudioEncoder encoder = OpusAudioEncoder.forSpeech(BITRATE);
        OggOpusWriter ogg = new OggOpusWriter(notice.title());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        short[] frame = new short[FRAME];
        int[] filled = {0};
        Resampler[] resampler = {null};
        java.util.function.Consumer<short[]> add = samples -> {
            for (short s : samples) {
                frame[filled[0]++] = s;
                if (filled[0] == FRAME) {
                    ogg.add(encoder.encode(frame));
                    out.writeBytes(ogg.drain());
                    filled[0] = 0;
                }
            }
        };
        speech.speak(notice.text(), notice.voice(), notice.unitPath(), pcm -> {
            if (resampler[0] == null || resampler[0].inputRate() != pcm.sampleRate()) {
                if (resampler[0] != null) {
                    add.accept(resampler[0].flush().samples());
                }
                resampler[0] = new Resampler(pcm.sampleRate(), OpusAudioEncoder.SAMPLE_RATE);
            }
            add.accept(resampler[0].process(pcm).samples());
        });
        if (resampler[0] != null) {
            add.accept(resampler[0].flush().samples());
        }
        // Silence to the end of the last Ogg page: the writer finishes a page every few packets.
        for (int i = 0; i < 6; i++) {
            add.accept(new short[FRAME]);
        }
        return out.toByteArray();
    }

    private void forgetOld() throws IOException {
        long oldest = clock.millis() - kept.toMillis();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < oldest) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mp3") ? "audio/mpeg" : name.endsWith(".wav") ? "audio/wav"
                : name.endsWith(".m4a") ? "audio/mp4" : name.endsWith(".ogg") || name.endsWith(".opus") ? "audio/ogg"
                : "application/octet-stream";
    }
}
