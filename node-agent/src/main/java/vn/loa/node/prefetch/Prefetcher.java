package vn.loa.node.prefetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Prefetch;
import vn.loa.node.control.ServerAddress;

/**
 * Store-and-forward on the node: on a {@link Prefetch} it downloads the announcement's audio over HTTP with the node's
 * id and token, checks its SHA-256, reports FETCHED, and at the play time, by this node's own clock, hands the audio
 * to the {@link Player}. Nothing after the download needs the server: a link that drops before the play time loses
 * nothing, and the report of what was played waits in the channel's outbox.
 *
 * <p>One thread does everything (downloads, waits, plays) in order; {@link #accept}, {@link #cancel} and
 * {@link #close} only queue work for it. A download that fails or does not match its hash is tried again twice, two
 * seconds apart, then reported FAILED; a file that does not match is never played.
 */
public final class Prefetcher implements AutoCloseable {

    /** Where stored audio is played: the playout, which cuts it into a take like live audio. */
    public interface Player {
        void playStored(String announcement, short[] samples, int sampleRate);
    }

    private static final System.Logger LOG = System.getLogger(Prefetcher.class.getName());
    private static final int ATTEMPTS = 3;
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** Audio ready this late still plays; later than this it would surprise people, so it is reported instead. */
    private static final Duration LATEST = Duration.ofSeconds(30);
    /** The longest single wait: the wall clock is looked at again after it, in case it was set meanwhile. */
    private static final long MAX_WAIT_MILLIS = 30_000;

    /** The server to fetch from: the one the control channel is connected to now (any member of a cluster). */
    private final java.util.function.Supplier<ServerAddress> server;
    private final String authorization;
    private final Path directory;
    private final Consumer<Played> reports;
    private final Player player;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService thread;
    /** The thread's own: announcements fetched or being fetched, by id. */
    private final Map<String, Job> jobs = new HashMap<>();

    /** One prefetched announcement on its way from the server to the speaker. */
    private static final class Job {
        final Prefetch order;
        int attempts;
        Path file;
        ScheduledFuture<?> next;

        Job(Prefetch order) {
            this.order = order;
        }
    }

    public Prefetcher(ServerAddress server, String nodeId, String token, Path directory, Consumer<Played> reports,
            Player player, Clock clock) {
        this(() -> server, nodeId, token, directory, reports, player, clock);
    }

    public Prefetcher(java.util.function.Supplier<ServerAddress> server, String nodeId, String token, Path directory,
            Consumer<Played> reports, Player player, Clock clock) {
        this.server = server;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((nodeId + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        this.directory = directory;
        this.reports = reports;
        this.player = player;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loa-prefetch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fetches and schedules an announcement. The same order again (after a reconnect) is not fetched again, but a
     * file already stored is reported FETCHED once more: the server asks only nodes it does not know to hold it, so
     * it missed the first report (it restarted before the report reached its database) and would otherwise send this
     * node the live stream as well, a second airing on top of the stored one.
     */
    public void accept(Prefetch order) {
        thread.execute(() -> {
            Job known = jobs.get(order.announcement());
            if (known != null && known.order.equals(order)) {
                if (known.file != null) {
                    fetched(known);
                }
                return;
            }
            drop(order.announcement());
            Job job = new Job(order);
            jobs.put(order.announcement(), job);
            fetch(job);
        });
    }

    /** The announcement was cancelled: forget it and never play it. */
    public void cancel(String announcement) {
        thread.execute(() -> drop(announcement));
    }

    private void fetch(Job job) {
        if (jobs.get(job.order.announcement()) != job) {
            return; // cancelled or replaced meanwhile
        }
        try {
            job.file = download(job.order);
            fetched(job);
            LOG.log(Level.INFO, "đã tải trước / prefetched {0}, phát lúc / plays at {1}", job.order.announcement(),
                    job.order.playAt());
            waitForTime(job);
        } catch (IOException e) {
            if (++job.attempts < ATTEMPTS && clock.instant().isBefore(job.order.playAt())) {
                LOG.log(Level.WARNING, "tải lại / fetching again {0}: {1}", job.order.announcement(), e.getMessage());
                job.next = thread.schedule(() -> fetch(job), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                fail(job, "không tải được / could not fetch: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fetched(Job job) {
        reports.accept(new Played(job.order.announcement(), "FETCHED", 0,
                "đã tải trước, SHA-256 khớp / fetched, SHA-256 verified, " + job.order.bytes() + " B"));
    }

    private Path download(Prefetch order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.get().http(order.path())).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Path part = directory.resolve(safeName(order.announcement()) + ".part");
        MessageDigest sha256 = sha256();
        try (InputStream body = new DigestInputStream(response.body(), sha256)) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[16_384];
                for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                    total += n;
                    if (total > order.bytes()) {
                        throw new IOException("lớn hơn đã báo / larger than the " + order.bytes() + " B announced");
                    }
                    out.write(buffer, 0, n);
                }
            }
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (!hash.equals(order.sha256())) {
            Files.deleteIfExists(part);
            throw new IOException("SHA-256 không khớp / hash mismatch: got " + hash);
        }
        return Files.move(part, directory.resolve(safeName(order.announcement()) + ".wav"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void waitForTime(Job job) {
        if (jobs.get(job.order.announcement()) != job) {
            return;
        }
        long wait = Duration.between(clock.instant(), job.order.playAt()).toMillis();
        if (wait > 0) {
            job.next = thread.schedule(() -> waitForTime(job), Math.min(wait, MAX_WAIT_MILLIS), TimeUnit.MILLISECONDS);
        } else if (-wait > LATEST.toMillis()) {
            fail(job, "quá giờ phát / past its time by " + (-wait / 1000) + " s");
        } else {
            play(job);
        }
    }

    private void play(Job job) {
        jobs.remove(job.order.announcement());
        try {
            StoredAudio audio = StoredAudio.read(job.file);
            player.playStored(job.order.announcement(), audio.samples(), audio.sampleRate());
        } catch (RuntimeException e) {
            reports.accept(new Played(job.order.announcement(), "FAILED", 0,
                    "tệp tải trước hỏng / stored file unreadable: " + e.getMessage()));
        } finally {
            delete(job.file);
        }
    }

    private void fail(Job job, String why) {
        LOG.log(Level.WARNING, "bỏ bản tin tải trước / dropped prefetched {0}: {1}", job.order.announcement(), why);
        jobs.remove(job.order.announcement());
        delete(job.file);
        reports.accept(new Played(job.order.announcement(), "FAILED", 0, why));
    }

    private void drop(String announcement) {
        Job job = jobs.remove(announcement);
        if (job != null) {
            if (job.next != null) {
                job.next.cancel(false);
            }
            delete(job.file);
        }
    }

    /** Stops the thread; files not yet played are deleted with the directory. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(directory)) {
            files.forEach(Prefetcher::delete);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary directory: the system cleans it
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "không xoá được / could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An announcement id from the wire, safe as a file name. */
    private static String safeName(String announcement) {
        String safe = announcement.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
