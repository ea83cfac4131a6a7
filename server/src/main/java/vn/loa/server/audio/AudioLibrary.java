package vn.loa.server.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.media.FfmpegDecodeException;
import vn.loa.core.media.FfmpegFileSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The recorded programmes: an upload is checked (its name, its first bytes), decoded in full by ffmpeg (so a corrupt
 * file is refused now, not on air, and one longer than the longest programme allowed is refused as soon as the decode
 * passes it), then moved under {@code <data dir>/audio/<id>.<ext>} and recorded. Blocking. On air a recording is
 * decoded as it plays, never whole.
 */
public final class AudioLibrary implements vn.loa.server.announcement.AnnouncementService.Recordings {

    /** A decode shorter than this is no programme: a header with nothing behind it. */
    static final long SHORTEST_MS = 100;
    /** Decoding to check and measure needs no quality: 8 kHz is the cheapest rate ffmpeg resamples to. */
    private static final int CHECK_RATE = 8_000;
    private static final SecureRandom IDS = new SecureRandom();
    /** The rate programmes are decoded to for the air: above G.722's 16 kHz, and half of Opus's 48 kHz. */
    static final int AIR_RATE = 24_000;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Path folder;
    private final Clock clock;
    private final java.time.Duration longest;
    private final AudioRepository files = new AudioRepository();

    /** @param longest the longest programme a clerk may upload ({@code programme.max.duration}) */
    public AudioLibrary(Jdbi jdbi, AuditLog audit, Path dataDir, java.time.Duration longest, Clock clock) {
        this.jdbi = jdbi;
        this.longest = longest;
        this.audit = audit;
        this.folder = dataDir.resolve("audio");
        this.clock = clock;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    /** Where uploads are written while they arrive: inside the data folder, so the final move is a rename. */
    public Path uploadsFolder() {
        return folder.resolve("incoming");
    }

    /** Checks, decodes and stores an uploaded file (a temporary file the caller deletes afterwards if still there). */
    public AudioFile store(Caller caller, String clientName, Path upload) {
        if (!caller.may(Action.COMPOSE)) {
            throw Refusal.forbidden("Chỉ người soạn tin được tải chương trình ghi âm lên.");
        }
        String name = FileNames.checked(clientName);
        AudioFormat format = AudioFormat.sniff(head(upload), AudioFormat.HEAD).orElseThrow(() -> new Refusal(
                Refusal.Kind.UNSUPPORTED_TYPE, "not_audio",
                "Tệp '" + name + "' không phải âm thanh. Loa nhận tệp MP3, WAV, OGG hoặc M4A."));
        long durationMs = decodedMillis(upload, name, longest);
        String id = "au-" + HexFormat.of().formatHex(random());
        Path target = folder.resolve(id + "." + format.extension());
        try {
            long size = Files.size(upload);
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
            AudioFile file = new AudioFile(id, name, format, size, durationMs, caller.unitPath(), caller.username(),
                    clock.instant());
            jdbi.useTransaction(h -> {
                files.insert(h, file);
                audit.record(h, caller, "audio.upload", "audio:" + id, name + " (" + format + ", " + durationMs + " ms)");
            });
            return file;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[10];
        IDS.nextBytes(bytes);
        return bytes;
    }

    private static byte[] head(Path upload) {
        byte[] head = new byte[AudioFormat.HEAD];
        try (InputStream in = Files.newInputStream(upload)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw Refusal.invalid("empty_file", "Tệp tải lên trống. Hãy chọn lại tệp âm thanh.");
            }
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the whole file; a file ffmpeg cannot decode, or that holds almost no sound, is refused as corrupt, and
     * one that plays longer than {@code longest} as too long, once the decode has passed it.
     */
    private static long decodedMillis(Path upload, String name, java.time.Duration longest) {
        long samples = 0;
        long most = longest.toMillis() * CHECK_RATE / 1000;
        try (FfmpegFileSource source = FfmpegFileSource.open(upload, CHECK_RATE)) {
            for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                samples += f.samples().length;
                if (samples > most) {
                    throw new Refusal(Refusal.Kind.TOO_LARGE, "programme_too_long", "Tệp '" + name + "' dài hơn "
                            + longest.toMinutes() + " phút, thời lượng tối đa của một chương trình. Hãy cắt thành "
                            + "nhiều phần ngắn hơn rồi tải lên từng phần.");
                }
            }
        } catch (FfmpegDecodeException e) {
            throw corrupt(name);
        }
        long ms = samples * 1000 / CHECK_RATE;
        if (ms < SHORTEST_MS) {
            throw corrupt(name);
        }
        return ms;
    }

    private static Refusal corrupt(String name) {
        return new Refusal(Refusal.Kind.UNUSABLE,
                "corrupt_audio", "Tệp '" + name + "' bị hỏng: Loa không giải mã được âm thanh trong đó. "
                + "Hãy xuất lại tệp từ phần mềm ghi âm rồi tải lên lại.");
    }

    /** True when a caller may air this recording: uploaded in their unit, below it, or in a unit above it. */
    @Override
    public boolean usable(Handle h, Caller caller, String id) {
        return files.find(h, id).filter(f -> caller.overlaps(f.unitPath())).isPresent();
    }

    @Override
    public void requireWithinLongest(Handle h, List<String> audioIds) {
        long millis = audioIds.stream().map(id -> files.find(h, id)).flatMap(Optional::stream)
                .mapToLong(AudioFile::durationMs).sum();
        if (millis > longest.toMillis()) {
            throw Refusal.invalid("programme_too_long", "Chương trình này dài " + minutes(millis) + " phút, quá "
                    + longest.toMinutes() + " phút, thời lượng tối đa của một chương trình. Hãy bớt tệp khỏi danh "
                    + "sách phát hoặc chia thành nhiều tin.");
        }
    }

    private static long minutes(long millis) {
        return (millis + 59_999) / 60_000;
    }

    /** A stored programme for the air, decoded as it plays (mono, {@link #AIR_RATE} Hz); blocks to find its file. */
    public vn.loa.server.air.Sound sound(String id) {
        Path path = file(id).orElseThrow(() -> new IllegalStateException("audio " + id + " is not stored"));
        return new vn.loa.server.air.Sound(AIR_RATE, sink -> {
            try (FfmpegFileSource source = FfmpegFileSource.open(path, AIR_RATE)) {
                for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                    sink.accept(f);
                }
            }
        });
    }

    /** A stored programme's file and its media type, for listening in the browser. */
    public record Listening(Path path, String type) {
    }

    /**
     * The file of a programme the caller may hear: uploaded in their unit, below it, or above it (as they see
     * announcements). Any other id, unknown or out of scope, is "not found", so ids of other communes stay hidden.
     */
    public Listening listen(Caller caller, String id) {
        return jdbi.withHandle(h -> files.find(h, id)).filter(f -> caller.overlaps(f.unitPath()))
                .map(f -> new Listening(folder.resolve(f.id() + "." + f.format().extension()), f.format().mediaType()))
                .orElseThrow(() -> Refusal.notFound("chương trình ghi âm", id));
    }

    /** A stored programme's record, read on the caller's handle (the province link hashes what it sends down). */
    public Optional<AudioFile> find(Handle h, String id) {
        return files.find(h, id);
    }

    /** Where a stored programme's bytes are. */
    public Path path(AudioFile f) {
        return folder.resolve(f.id() + "." + f.format().extension());
    }

    /** The file of a stored programme, for the air. */
    public Optional<Path> file(String id) {
        return jdbi.withHandle(h -> files.find(h, id)).map(f -> folder.resolve(f.id() + "." + f.format().extension()));
    }
}
