package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.Sipp;
import vn.loa.server.testing.TestServer;

/**
 * The hotline cannot be denied to its leader (issue 22, ADR 0022), with SIPp as the phones: wrong PINs from another
 * address back off that address only; a phone with a SIP password must answer a digest challenge; nine calls parked
 * at the PIN prompt leave room for the leader's authenticated call and are hung up after the PIN timeout; 115 idle
 * SIP/TCP connections from one place neither block a TCP call nor stay open. Loopback addresses stand for places:
 * 127.0.0.1 is the trunk the leader calls through, 127.0.0.2 is somewhere else.
 */
class HotlineTrustIT extends ApiSuite {

    static final String ELSEWHERE = "127.0.0.2";
    static final int PIN_TIMEOUT_SECONDS = 6;
    static final int TCP_IDLE_SECONDS = 3;

    @BeforeParameterizedClassInvocation
    static void start(ArgumentsAccessor arguments) throws Exception {
        Map<String, String> settings = Map.of("hotline.enabled", "true", "hotline.host", "127.0.0.1", "hotline.port",
                "0", "hotline.pin.timeout", String.valueOf(PIN_TIMEOUT_SECONDS), "hotline.tcp.idle.timeout",
                String.valueOf(TCP_IDLE_SECONDS), "hotline.alarm.failures", "3");
        server = arguments.getString(0).equals("H2") ? TestServer.onH2(settings) : TestServer.onPostgres(settings);
        province = new Province(server);
    }

    @Test
    void wrongPinsFromElsewhereBackOffThatAddressOnlyAndTheLeaderStillCallsThroughTheTrunk() throws Exception {
        String number = number("2468", null);
        long id = entry(number).getLong("id");

        Sipp.Result spoofer = Sipp.call(number).from(ELSEWHERE).answered().pause(300).infoDigits("1111#").pause(300)
                .infoDigits("2222#").pause(300).infoDigits("3333#").hungUpOn().run(HotlineIT.sipPort(), 40);
        assertThat(spoofer.exit()).as(spoofer.output()).isZero();
        Sipp.Result again = Sipp.call(number).from(ELSEWHERE).refused(403).run(HotlineIT.sipPort(), 20);
        assertThat(again.exit()).as("the spoofer's address is backed off: " + again.output()).isZero();

        Sipp.Result leader = Sipp.call(number).answered().pause(300).infoDigits("2468#").pause(300).infoDigits("9")
                .hungUpOn().run(HotlineIT.sipPort(), 30);

        assertThat(leader.exit()).as("the leader through the trunk: " + leader.output()).isZero();
        assertThat(HotlineIT.waitForCalls(2, number).stream().map(JsonObject.class::cast)
                .map(c -> c.getString("outcome"))).contains("cancelled", "locked");
        JsonObject backoff = entry(number).getJsonArray("backoffs").getJsonObject(0);
        assertThat(backoff.getString("address")).isEqualTo(ELSEWHERE);
        assertThat(backoff.getInteger("failures")).isEqualTo(3);
        assertThat(backoff.getString("until")).isNotNull();
        assertThat(HotlineIT.auditOf("hotline.locked", ELSEWHERE)).isNotEmpty();
        assertThat(HotlineIT.auditOf("hotline.alarm", "number:" + id)).as("admins alerted").hasSize(1);

        // An admin may end the back-off at once.
        assertThat(province.adminA.post("/api/v1/hotline/numbers/" + id + "/unlock", null).status()).isEqualTo(204);
        assertThat(entry(number).getJsonArray("backoffs")).isEmpty();
        Sipp.Result unlocked = Sipp.call(number).from(ELSEWHERE).answered().pause(300).infoDigits("2468#").pause(300)
                .infoDigits("9").hungUpOn().run(HotlineIT.sipPort(), 30);
        assertThat(unlocked.exit()).as(unlocked.output()).isZero();
    }

    @Test
    void aPhoneWithASipPasswordMustAnswerTheDigestChallengeSoAForgedCallerIdGetsNoPinPrompt() throws Exception {
        String password = "dien-thoai-ban-chu-tich";
        String number = number("1357", password);
        assertThat(entry(number).getBoolean("sipAuthentication")).isTrue();

        Sipp.Result forged = Sipp.call(number).from(ELSEWHERE).refused(401).run(HotlineIT.sipPort(), 20);
        assertThat(forged.exit()).as("caller ID alone is challenged: " + forged.output()).isZero();
        Sipp.Result guessed = Sipp.call(number).from(ELSEWHERE).authenticatedWith("mot-mat-khau-doan-bua")
                .refused(403).run(HotlineIT.sipPort(), 20);
        assertThat(guessed.exit()).as("a wrong password: " + guessed.output()).isZero();
        assertThat(HotlineIT.auditOf("hotline.auth.failed", ELSEWHERE)).isNotEmpty();

        Sipp.Result phone = Sipp.call(number).authenticatedWith(password).answered().pause(300).infoDigits("1357#")
                .pause(300).infoDigits("9").hungUpOn().run(HotlineIT.sipPort(), 30);

        assertThat(phone.exit()).as(phone.output()).isZero();
        assertThat(HotlineIT.waitForCalls(1, number).getJsonObject(0).getString("outcome")).isEqualTo("cancelled");

        // Removing the password makes it a trunk number again (PIN only); setting one makes the phone prove it.
        long id = entry(number).getLong("id");
        assertThat(province.adminA.put("/api/v1/hotline/numbers/" + id + "/sip-password",
                new JsonObject().putNull("sipPassword")).status()).isEqualTo(204);
        assertThat(entry(number).getBoolean("sipAuthentication")).isFalse();
        assertThat(province.adminA.put("/api/v1/hotline/numbers/" + id + "/sip-password",
                new JsonObject().put("sipPassword", "mat-khau-moi-cua-dien-thoai")).status()).isEqualTo(204);
        Sipp.Result renewed = Sipp.call(number).authenticatedWith("mat-khau-moi-cua-dien-thoai").answered().pause(300)
                .infoDigits("1357#").pause(300).infoDigits("9").hungUpOn().run(HotlineIT.sipPort(), 30);
        assertThat(renewed.exit()).as(renewed.output()).isZero();
        assertRefused(province.adminA.post("/api/v1/hotline/numbers", new JsonObject().put("number", "+84913000999")
                .put("username", "approver-a").put("pin", "1234").put("sipPassword", " ".repeat(12))), 400, "invalid_sip_password");
    }

    @Test
    void nineCallsParkedAtThePinPromptLeaveRoomForTheLeadersCallAndAreHungUpAfterThePinTimeout() throws Exception {
        String trunkNumber = number("9999", null);
        String password = "dien-thoai-ban-chu-tich";
        String leader = number("8642", password);
        try (RtpCapture speaker = HotlineIT.speakerIn("Thôn Cuộc Gọi Chờ")) {
            List<Long> spurts = speaker.talkSpurtsInBackground();
            double alone = onAirMillis(leader, password, spurts);
            HotlineIT.waitForCalls(1, leader);
            CompletableFuture<Sipp.Result> parked = CompletableFuture.supplyAsync(() -> sipp(() -> Sipp
                    .call(trunkNumber).from(ELSEWHERE).answered().hungUpOn().run(HotlineIT.sipPort(), 9, 40)));
            JsonObject full = waitForStatus(s -> s.getInteger("waitingForPin") == 4 && s.getLong("busy") >= 5);
            long parkedAt = System.nanoTime();

            double withParked = onAirMillis(leader, password, spurts);

            assertThat(HotlineIT.waitForCalls(2, leader).stream().map(JsonObject.class::cast)
                    .map(c -> c.getString("outcome"))).containsOnly("live");
            System.out.printf("hotline: leader's call on air %.0f ms after dialling with %d calls parked (%d answered "
                    + "busy), %.0f ms with none; the script's pauses and keys take about 1,300 ms of each%n",
                    withParked, full.getInteger("waitingForPin"), full.getLong("busy"), alone);
            JsonObject after = waitForStatus(s -> s.getInteger("waitingForPin") == 0);
            System.out.printf("hotline: parked calls hung up %.1f s after the PIN prompt filled (PIN timeout %d s)%n",
                    (System.nanoTime() - parkedAt) / 1e9, PIN_TIMEOUT_SECONDS);
            assertThat(after.getLong("pinTimeouts")).isGreaterThanOrEqualTo(4);
            parked.join();
            assertThat(HotlineIT.waitForCalls(4, trunkNumber).stream().map(JsonObject.class::cast)
                    .map(c -> c.getString("outcome"))).containsOnly("timeout");
        }
    }

    @Test
    void idleTcpConnectionsFromOnePlaceNeitherBlockATcpCallNorStayOpen() throws Exception {
        String number = number("4321", null);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 115; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(ELSEWHERE, 0));
                s.connect(new InetSocketAddress("127.0.0.1", HotlineIT.sipPort()), 2000);
                idle.add(s);
            }
            long refused = waitForStatus(s -> s.getLong("tcpRefused") >= 99).getLong("tcpRefused");

            long opened = System.nanoTime();
            Sipp.Result call = Sipp.call(number).overTcp().answered().pause(300).infoDigits("4321#").pause(300)
                    .infoDigits("9").hungUpOn().run(HotlineIT.sipPort(), 30);
            double callSeconds = (System.nanoTime() - opened) / 1e9;

            assertThat(call.exit()).as("a TCP call with 115 idle connections open: " + call.output()).isZero();
            assertThat(refused).as("connections over the per-address cap").isGreaterThanOrEqualTo(99);
            long deadline = System.currentTimeMillis() + (TCP_IDLE_SECONDS + 6) * 1000L;
            for (Socket s : idle) {
                assertThat(closedByServer(s, deadline)).as("every idle connection closed").isTrue();
            }
            System.out.printf("hotline: TCP call done in %.1f s with 115 idle connections (%d closed on accept); all "
                    + "closed %.1f s after the call began (idle timeout %d s)%n", callSeconds, refused,
                    (System.nanoTime() - opened) / 1e9, TCP_IDLE_SECONDS);
            assertThat(province.admin.get("/api/v1/hotline").json().getLong("tcpIdleClosed")).isGreaterThanOrEqualTo(16);
            Sipp.Result fromThere = Sipp.call(number).from(ELSEWHERE).overTcp().answered().pause(300)
                    .infoDigits("4321#").pause(300).infoDigits("9").hungUpOn().run(HotlineIT.sipPort(), 30);
            assertThat(fromThere.exit()).as(fromThere.output()).isZero();
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /**
     * The leader's phone answers the digest challenge, enters PIN 8642, presses 1 and speaks; the milliseconds from
     * dialling to the first packet of the call's chime at the loudspeaker.
     */
    static double onAirMillis(String leader, String password, List<Long> spurts) throws Exception {
        long dialled = System.nanoTime();
        Sipp.Result call = Sipp.call(leader).authenticatedWith(password).answered().pause(200).infoDigits("8642#")
                .pause(200).infoDigits("1").pause(2500).hangUp().run(HotlineIT.sipPort(), 30);
        assertThat(call.exit()).as(call.output()).isZero();
        long aired = spurts.stream().filter(t -> t > dialled).findFirst().orElseThrow();
        return (aired - dialled) / 1e6;
    }

    static String number(String pin, String sipPassword) {
        String number = "+8491" + (1_000_000 + (int) (Math.random() * 8_000_000));
        JsonObject body = new JsonObject().put("number", number).put("username", "approver-a").put("pin", pin);
        if (sipPassword != null) {
            body.put("sipPassword", sipPassword);
        }
        created(province.adminA.post("/api/v1/hotline/numbers", body));
        return number;
    }

    static JsonObject entry(String number) {
        return province.adminA.get("/api/v1/hotline/numbers").array().stream().map(JsonObject.class::cast)
                .filter(n -> n.getString("number").equals(number)).findFirst().orElseThrow();
    }

    static JsonObject waitForStatus(Predicate<JsonObject> done) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> province.admin.get("/api/v1/hotline").json(), done);
    }

    /** True when the server closed {@code socket} (end of stream or reset) before {@code deadline}. */
    static boolean closedByServer(Socket socket, long deadline) throws IOException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            return false;
        }
        socket.setSoTimeout((int) left);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private interface Run {
        Sipp.Result run() throws Exception;
    }

    private static Sipp.Result sipp(Run run) {
        try {
            return run.run();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
