package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.loa.server.LoaServer;

/**
 * Session start accuracy (issue 21): 50 sessions of programme templates, each opening with a 1 s jingle, start 3 s
 * apart; for each, the first RTP packet at a loopback loudspeaker minus the session's planned second (median, p95,
 * max). The server runs in this JVM on the embedded H2; the speaker is a UDP socket.
 */
final class ProgrammeBench {

    private static final int SESSIONS = Integer.getInteger("loa.bench.programme.sessions", 50);
    private static final String PASSWORD = "bench-password-1";
    private static final ZoneId STATION = ZoneId.of("Asia/Ho_Chi_Minh");

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        String loadBefore = Machine.loadAverage();
        JsonObject result;
        try (DatagramSocket speaker = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             LoaServer server = new LoaServer(InProcessSetup.config("programme", PASSWORD),
                     Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.start();
            String admin = BenchApi.login(http, base, "admin", PASSWORD);
            InProcessSetup.speakerZone(http, base, admin, speaker.getLocalPort());
            String jingle = upload(base, admin, tone(1000, 1));
            LocalTime first = LocalTime.now(STATION).plusSeconds(15).withNano(0);
            if (first.plusSeconds(3L * SESSIONS).isBefore(first)) {
                throw new IllegalStateException("the sessions would span midnight in Vietnam; run it later");
            }
            List<Instant> due = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                LocalTime at = first.plusSeconds(3L * i);
                due.add(java.time.LocalDate.now(STATION).atTime(at).atZone(STATION).toInstant());
                send(base, admin, "POST", "/api/v1/programme/templates", new JsonObject().put("name", "Buổi đo " + i)
                        .put("zone", "do").put("start", at.toString()).put("end", at.plusSeconds(2).toString())
                        .put("parts", new JsonArray().add(new JsonObject().put("kind", "JINGLE")
                                .put("audioId", jingle))));
            }
            List<Double> late = firstPackets(speaker, due);
            double[] sorted = late.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int heard = sorted.length;
            result = new JsonObject()
                    .put("benchmark", "session start accuracy: first RTP packet minus the session's planned second")
                    .put("sessions", SESSIONS).put("sessionsHeard", heard)
                    .put("startErrorMs", new JsonObject().put("median", InProcessSetup.percentile(sorted, 50))
                            .put("p95", InProcessSetup.percentile(sorted, 95)).put("min", heard == 0 ? null : sorted[0])
                            .put("max", heard == 0 ? null : sorted[heard - 1]))
                    .put("all", new JsonArray(new ArrayList<>(late)))
                    .put("setup", "one server in this JVM on the embedded H2, Quartz JDBC store; templates of one "
                            + "JINGLE part (a 1 s uploaded WAV), sessions 3 s apart; one loopback RTP speaker (PCMU)")
                    .put("loadAverageBefore", loadBefore).put("loadAverageAfter", Machine.loadAverage())
                    .put("machine", Machine.describe());
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println(result.encodePrettily());
        System.out.println("wrote " + out);
    }

    /** The first audio packet of each session (marker bit; RTCP left out), as lateness in ms, for those heard. */
    private static List<Double> firstPackets(DatagramSocket socket, List<Instant> due) throws Exception {
        List<Double> late = new ArrayList<>();
        byte[] buffer = new byte[2048];
        socket.setSoTimeout(200);
        int next = 0;
        Instant deadline = due.get(due.size() - 1).plusSeconds(20);
        while (next < due.size() && Instant.now().isBefore(deadline)) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            long now = System.currentTimeMillis();
            if (packet.getLength() < 12 || (buffer[1] & 0xFF) >= 192) {
                continue;
            }
            // A packet more than 2.5 s after a due time belongs to the next session (they are 3 s apart).
            while (next < due.size() && now - due.get(next).toEpochMilli() > 2_500) {
                System.out.println("session " + next + " not heard");
                next++;
            }
            long lateness = next < due.size() ? now - due.get(next).toEpochMilli() : 0;
            if (next < due.size() && (buffer[1] & 0x80) != 0 && lateness > -1_000) {
                late.add((double) lateness);
                next++;
            }
        }
        return late;
    }

    /** A WAV of a sine tone at 24 kHz. */
    private static byte[] tone(int hertz, int seconds) {
        int rate = 24_000;
        int n = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + n * 2).put("WAVEfmt ".getBytes(
                StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(n * 2);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (12_000 * Math.sin(2 * Math.PI * hertz * i / rate)));
        }
        return b.array();
    }

    private String upload(String base, String token, byte[] wav) throws Exception {
        String boundary = "loa-bench-7f3a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nhac-hieu.wav\""
                + "\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(wav);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audio"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body()).getString("audioId");
    }

    private JsonObject send(String base, String token, String method, String path, JsonObject body) throws Exception {
        return new JsonObject(BenchApi.send(http, base, token, method, path, body));
    }
}
