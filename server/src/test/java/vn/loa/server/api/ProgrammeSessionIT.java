package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;
import vn.loa.wire.rtp.RtpPacket;

/**
 * Programme automation on a real clock (ADR 0053): a template's short session filled from an approved notice and
 * tagged recordings and heard by an RTP speaker; a relay that goes silent covered by the fallback stream and back.
 */
class ProgrammeSessionIT {

    static TestServer server;
    static Province province;
    static Path work;
    static final List<Process> sources = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // Dead air is 1 s here (10 s in production), so the switch is heard within a short session.
        server = TestServer.onH2(Map.of("session.dead.air.limit.ms", "1000", "session.dead.air.return.ms", "300"));
        province = new Province(server);
        work = Files.createTempDirectory("loa-programme-it-");
    }

    @AfterAll
    static void stop() {
        sources.forEach(Process::destroyForcibly);
        server.close();
    }

    @Test
    void aTemplateFillsASessionFromTheApprovedNoticeAndTaggedRecordingsAndAirsItOnTime() throws Exception {
        String zone = speakerZone("thon-buoi-phat");
        String jingle = uploaded(1500, 1);
        List<String> songs = List.of(uploaded(440, 2), uploaded(440, 3));
        songs.forEach(s -> tagged(s, "nhac"));
        String untagged = uploaded(1000, 2);
        long notice = approvedNotice(zone);
        String box = Province.unique("dau-thu");
        String token = Province.created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", box)
                .put("name", "Đầu thu").put("zone", zone).put("kind", "agent"))).json().getString("token");
        vn.loa.node.NodeAgent agent = vn.loa.node.NodeAgent.start(new vn.loa.node.AgentOptions(
                vn.loa.node.control.ServerAddress.parse(server.baseUrl()), box, token,
                Files.createTempDirectory(work, "agent-"), 0, 80), vn.loa.node.AgentTuning.DEFAULT)
                .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(province.technicianA
                .get("/api/v1/nodes/" + box).json().getBoolean("online")));
        LocalTime at = soon(8);
        JsonObject template = new JsonObject().put("name", "Buổi phát thử").put("zone", zone)
                .put("start", at.toString()).put("end", at.plusSeconds(12).toString()).put("overrun", "CUT")
                .put("parts", new JsonArray().add(part("JINGLE").put("audioId", jingle)).add(part("TIME_SIGNAL"))
                        .add(part("NOTICES")).add(part("SMART_BLOCK").put("tag", "nhac").put("noRepeatDays", 1))
                        .add(part("JINGLE").put("audioId", jingle)));
        try (RtpCapture speaker = new RtpCapture(); agent) {
            node(zone, speaker);
            List<RtpCapture.Arrival> heard = speaker.arrivalsInBackground();
            Province.created(province.clerkA.post("/api/v1/programme/templates", template));

            JsonObject planned = session(zone);
            assertThat(planned.getString("state")).isEqualTo("PLANNED");
            List<String> refs = planned.getJsonObject("runOrder").getJsonArray("items").stream()
                    .map(i -> ((JsonObject) i).getString("kind") + ":" + ((JsonObject) i).getString("ref")).toList();
            assertThat(refs.get(0)).isEqualTo("JINGLE:" + jingle);
            assertThat(refs.get(1)).startsWith("TIME_SIGNAL:Bây giờ là");
            assertThat(refs).as("the grid before it airs").contains("NOTICE:" + notice)
                    .doesNotContain("RECORDING:" + untagged).anyMatch(r -> r.startsWith("RECORDING:") && songs.contains(r.substring(10)));
            assertThat(refs.get(refs.size() - 1)).isEqualTo("JINGLE:" + jingle);

            long planStartNanos = nanosAt(at);
            await().atMost(Duration.ofSeconds(60)).until(() -> !heard.isEmpty()
                    && System.nanoTime() - heard.get(heard.size() - 1).at() > 2_000_000_000L);

            long lateMs = (heard.get(0).at() - planStartNanos) / 1_000_000;
            assertThat(lateMs).as("the first packet within a second of the session's start").isBetween(-50L, 1000L);
            List<Integer> tones = tones(Audio.pcmu(heard.stream().map(RtpCapture.Arrival::packet).toList()));
            assertThat(tones).as("opening jingle, the tagged songs, closing jingle").containsSubsequence(1500, 440, 1500)
                    .doesNotContain(1000);
            OnAirIT.waitForState(province.clerkA, notice, "DONE");
            JsonObject aired = session(zone);
            assertThat(aired.getString("state")).isEqualTo("AIRED");
            long sessionId = aired.getLong("announcementId");
            OnAirIT.waitForState(province.clerkA, sessionId, "DONE");

            // The clerk who approved the notice sees where it was heard: the session's nodes, the agent's report.
            await().atMost(Duration.ofSeconds(30)).until(() -> "PLAYED".equals(deliveryOf(notice, box)
                    .getString("state")));
            JsonObject played = deliveryOf(notice, box);
            assertThat(played.getString("detail")).contains("Buổi phát thử").contains("#" + sessionId);
            assertThat(java.time.Instant.parse(played.getString("updatedAt"))).isAfter(java.time.Instant.parse(
                    OnAirIT.waitForState(province.clerkA, notice, "DONE").getJsonArray("transitions").stream()
                            .map(JsonObject.class::cast).filter(t -> "ON_AIR".equals(t.getString("to"))).findFirst()
                            .orElseThrow().getString("at")));
            JsonObject entry = province.clerkA.get("/api/v1/reports/log").json().getJsonArray("entries").stream()
                    .map(JsonObject.class::cast).filter(e -> e.getLong("announcement") == notice).findFirst()
                    .orElseThrow();
            assertThat(entry.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
                    .map(d -> d.getString("node") + ":" + d.getString("state"))).as("the log's row of the notice")
                    .contains(box + ":PLAYED").hasSize(2);
        }
    }

    /** The delivery row of {@code node} in announcement {@code id}'s own view, or an empty object. */
    private static JsonObject deliveryOf(long id, String node) {
        return province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries").stream()
                .map(JsonObject.class::cast).filter(d -> node.equals(d.getString("node"))).findFirst()
                .orElse(new JsonObject());
    }

    @Test
    void aRelayThatGoesSilentIsCoveredByTheFallbackStreamUntilItsSoundReturns() throws Exception {
        String zone = speakerZone("thon-tiep-song");
        // The upstream: 440 Hz for 2 s and dead air for 2 s, over and over (where its first burst lands in the cycle
        // does not matter: 10 s hold sound, silence and sound again); the fallback stream: 1000 Hz.
        String relay = source("0.5*sin(2*PI*440*t)*lt(mod(t\\,4)\\,2)");
        String fallback = source("0.5*sin(2*PI*1000*t)");
        LocalTime at = soon(8);
        JsonObject template = new JsonObject().put("name", "Tiếp sóng thử").put("zone", zone)
                .put("start", at.toString()).put("end", at.plusSeconds(11).toString()).put("fallbackUrl", fallback)
                .put("parts", new JsonArray().add(part("RELAY").put("url", relay).put("at", at.toString())
                        .put("lengthS", 10)));
        try (RtpCapture speaker = new RtpCapture()) {
            node(zone, speaker);
            List<RtpCapture.Arrival> heard = speaker.arrivalsInBackground();
            Province.created(province.clerkA.post("/api/v1/programme/templates", template));

            await().atMost(Duration.ofSeconds(60)).until(() -> !heard.isEmpty()
                    && System.nanoTime() - heard.get(heard.size() - 1).at() > 2_000_000_000L);

            List<Integer> tones = tones(Audio.pcmu(heard.stream().map(RtpCapture.Arrival::packet).toList()));
            assertThat(tones).as("the relay, the fallback in its silence, the relay again")
                    .containsSubsequence(440, 1000, 440);
            assertThat(province.admin.get("/api/v1/audit").body()).as("the technician is told, both ways")
                    .contains("programme.dead_air").contains("programme.dead_air_over");
        }
    }

    @Test
    void aSessionAnEmergencyCutsIntoResumesWithTheCutItemFromItsTopAndNothingHeardTwice() throws Exception {
        String zone = speakerZone("thon-khan-cap");
        String opening = uploaded(1500, 2);
        String song = uploaded(440, 6);
        String closing = uploaded(1000, 2);
        LocalTime at = soon(8);
        JsonObject template = new JsonObject().put("name", "Buổi phát bị cắt").put("zone", zone)
                .put("start", at.toString()).put("end", at.plusSeconds(22).toString()).put("overrun", "PUSH")
                .put("parts", new JsonArray().add(part("JINGLE").put("audioId", opening))
                        .add(part("RECORDING").put("audioId", song)).add(part("JINGLE").put("audioId", closing)));
        try (RtpCapture speaker = new RtpCapture()) {
            node(zone, speaker);
            List<RtpCapture.Arrival> heard = speaker.arrivalsInBackground();
            Province.created(province.clerkA.post("/api/v1/programme/templates", template));
            // Once the song has been heard for a second and a half (after the opening jingle), the alert comes.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<int[]> sofar = toneRuns(Audio.pcmu(heard.stream().map(RtpCapture.Arrival::packet).toList()));
                return sofar.size() == 2 && sofar.get(1)[0] == 440 && sofar.get(1)[1] >= 75;
            });
            long alert = Province.created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ quét").put("text", "Khẩn cấp: lũ quét sắp về, bà con sơ tán lên đồi ngay.")
                    .put("priority", "EMERGENCY").put("chime", false).put("zones", new JsonArray().add(zone))))
                    .json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            OnAirIT.waitForState(province.approverA, alert, "DONE");
            await().atMost(Duration.ofSeconds(60)).until(() -> !heard.isEmpty()
                    && System.nanoTime() - heard.get(heard.size() - 1).at() > 2_000_000_000L);

            List<int[]> runs = toneRuns(Audio.pcmu(heard.stream().map(RtpCapture.Arrival::packet).toList()));
            List<Integer> tones = runs.stream().map(r -> r[0]).toList();
            assertThat(tones).as("opening once, the song cut, the song again after the alert, the closing")
                    .containsExactly(1500, 440, 440, 1000);
            assertThat(runs.get(1)[1]).as("the song before the alert (20 ms frames)").isLessThan(250);
            assertThat(runs.get(2)[1]).as("the song again, from its top").isGreaterThanOrEqualTo(260);
            JsonObject aired = session(zone);
            OnAirIT.waitForState(province.clerkA, aired.getLong("announcementId"), "DONE");
        }
    }

    /** Runs of one tone (440, 1000 or 1500 Hz) of half a second or more, as {tone, 20 ms frames}, in order. */
    private static List<int[]> toneRuns(short[] pcm) {
        List<int[]> runs = new ArrayList<>();
        int[] open = null;
        int gap = 0;
        for (int start = 0; start + 160 <= pcm.length; start += 160) {
            int tone = toneAt(pcm, start);
            if (open != null && tone == open[0]) {
                open[1] += gap + 1;
                gap = 0;
            } else if (open != null && gap < 10) {
                gap++; // a short dip (a crossfade, a lost packet) does not split a tone
            } else if (tone != 0) {
                open = new int[] {tone, 1};
                runs.add(open);
                gap = 0;
            } else {
                open = null;
            }
        }
        runs.removeIf(r -> r[1] < 25);
        return runs;
    }

    /** The tone that dominates 20 ms of 8 kHz audio at {@code start}, or 0. */
    private static int toneAt(short[] pcm, int start) {
        int tone = 0;
        double best = 0;
        double total = 0;
        for (int f : new int[] {440, 1000, 1500}) {
            double power = power(pcm, start, f);
            total += power;
            if (power > best) {
                best = power;
                tone = f;
            }
        }
        double energy = 0;
        for (int i = start; i < start + 160; i++) {
            energy += (double) pcm[i] * pcm[i];
        }
        // A steady tone holds nearly all of the frame's energy at its frequency (power ≈ 80 × energy); speech does not.
        return best > 1e10 && best > 0.8 * total && best > 0.5 * 80 * energy ? tone : 0;
    }

    @Test
    void badTemplatesAreRefusedInVietnameseAndARetiredTemplateLeavesTheGrid() throws Exception {
        String zone = speakerZone("thon-mau");
        JsonObject good = new JsonObject().put("name", "Buổi chiều").put("zone", zone).put("start", "17:00")
                .put("end", "17:45").put("days", new JsonArray().add("MON").add("FRI"))
                .put("parts", new JsonArray().add(part("TIME_SIGNAL")).add(part("NOTICES")));

        Api.Reply backwards = province.clerkA.post("/api/v1/programme/templates", good.copy().put("end", "16:00"));
        Api.Reply noAudio = province.clerkA.post("/api/v1/programme/templates", good.copy()
                .put("parts", new JsonArray().add(part("JINGLE").put("audioId", "au-khong-co"))));
        Api.Reply relayOutside = province.clerkA.post("/api/v1/programme/templates", good.copy()
                .put("parts", new JsonArray().add(part("RELAY").put("url", "http://127.0.0.1:1/vov.mp3")
                        .put("at", "18:00").put("lengthS", 60))));
        Api.Reply otherCommune = province.clerkB.post("/api/v1/programme/templates", good);

        ApiSuite.assertRefused(backwards, 400, "invalid_template");
        assertThat(backwards.json().getString("message")).contains("Giờ kết thúc");
        ApiSuite.assertRefused(noAudio, 400, "unknown_audio");
        ApiSuite.assertRefused(relayOutside, 400, "invalid_template");
        ApiSuite.assertRefused(otherCommune, 400, "unknown_zone");

        long id = Province.created(province.clerkA.post("/api/v1/programme/templates", good)).json().getLong("id");
        assertThat(province.clerkA.get("/api/v1/programme/templates").array().stream()
                .map(t -> ((JsonObject) t).getString("cron"))).contains("0 0 17 ? * MON,FRI");
        String friday = java.time.LocalDate.now(Recurrence.STATION_ZONE)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY)).toString();
        String tuesday = java.time.LocalDate.parse(friday).plusDays(4).toString();
        assertThat(grid(zone, friday)).hasSize(1);
        assertThat(grid(zone, tuesday)).as("not on its days").isEmpty();

        assertThat(province.clerkB.delete("/api/v1/programme/templates/" + id).status()).isEqualTo(404);
        assertThat(province.clerkA.delete("/api/v1/programme/templates/" + id).status()).isEqualTo(204);
        assertThat(grid(zone, friday)).isEmpty();
    }

    private static JsonArray grid(String zone, String date) {
        return province.clerkA.get("/api/v1/programme/grid?zone=" + zone + "&date=" + date).json()
                .getJsonArray("sessions");
    }

    private static String speakerZone(String prefix) {
        String zone = Province.unique(prefix);
        Province.created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + zone, "xa-a")));
        return zone;
    }

    private static void node(String zone, RtpCapture speaker) {
        Province.created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
    }

    private static long approvedNotice(String zone) {
        JsonObject body = new JsonObject().put("title", "Họp thôn").put("text", "Kính mời bà con dự họp thôn.")
                .put("chime", false).put("zones", new JsonArray().add(zone));
        long id = Province.created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        return id;
    }

    private static JsonObject part(String kind) {
        return new JsonObject().put("kind", kind);
    }

    private static String uploaded(int hertz, int seconds) throws Exception {
        return AudioIT.upload(province.clerkA, "tone-" + hertz + ".wav", "audio/wav",
                Uploads.tone(work, "wav", seconds, hertz)).json().getString("audioId");
    }

    private static void tagged(String audioId, String tag) {
        Api.Reply reply = province.clerkA.put("/api/v1/audio/" + audioId + "/tags",
                new JsonObject().put("tags", new JsonArray().add(tag)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static JsonObject session(String zone) {
        JsonArray sessions = province.clerkA.get("/api/v1/programme/grid?zone=" + zone).json().getJsonArray("sessions");
        assertThat(sessions).hasSize(1);
        return sessions.getJsonObject(0);
    }

    /** A whole second {@code seconds} from now in station time; skipped where a session would span midnight. */
    private static LocalTime soon(int seconds) {
        LocalTime now = LocalTime.now(Recurrence.STATION_ZONE);
        assumeTrue(now.isBefore(LocalTime.of(23, 58)), "sessions do not span midnight");
        return now.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@link System#nanoTime()} at {@code at} today in station time. */
    private static long nanosAt(LocalTime at) {
        long millis = java.time.LocalDate.now(Recurrence.STATION_ZONE).atTime(at).atZone(Recurrence.STATION_ZONE)
                .toInstant().toEpochMilli() - System.currentTimeMillis();
        return System.nanoTime() + millis * 1_000_000;
    }

    /** An HTTP WAV stream of {@code expression} (ffmpeg's aevalsrc), paced in real time from when it is opened. */
    private static String source(String expression) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i",
                "aevalsrc=" + expression + ":s=24000:d=60", "-ac", "1", "-f", "wav", "-listen", "1",
                "http://127.0.0.1:" + port + "/s.wav").redirectErrorStream(true)
                .redirectOutput(work.resolve("ffmpeg-" + port + ".log").toFile()).start();
        sources.add(p);
        return "http://127.0.0.1:" + port + "/s.wav";
    }

    /** The tones heard, in order: each run of 200 ms or more dominated by 440, 1000 or 1500 Hz, once per run. */
    static List<Integer> tones(short[] pcm) {
        int[] candidates = {440, 1000, 1500};
        List<Integer> runs = new ArrayList<>();
        int current = 0;
        int length = 0;
        for (int start = 0; start + 160 <= pcm.length; start += 160) {
            int tone = 0;
            double best = 1e10;
            double total = 0;
            for (int f : candidates) {
                double power = power(pcm, start, f);
                total += power;
                if (power > best) {
                    best = power;
                    tone = f;
                }
            }
            tone = tone != 0 && best > 0.8 * total ? tone : 0;
            length = tone == current ? length + 1 : 1;
            current = tone;
            if (tone != 0 && length == 10 && (runs.isEmpty() || runs.get(runs.size() - 1) != tone)) {
                runs.add(tone);
            }
        }
        return runs;
    }

    private static double power(short[] pcm, int start, double frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / 8000);
        double s1 = 0;
        double s2 = 0;
        for (int i = start; i < start + 160; i++) {
            double s = pcm[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
