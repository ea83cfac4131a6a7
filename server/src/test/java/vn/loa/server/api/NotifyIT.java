package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.PluginsIT.waitFor;
import static vn.loa.server.api.Province.created;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.RtpCapture;

/**
 * The notify plugin in a running server: a notice that aired reaches a real SMTP server by e-mail, and a webhook that
 * keeps failing is retried and then listed at the plugin's dead-letter route.
 */
class NotifyIT extends ApiSuite {

    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void anAiredNoticeIsMailedAndAFailingWebhookEndsInTheDeadLetters() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        AtomicInteger calls = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/sms", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        gateway.start();
        String zone = Province.unique("thon-thu");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Thư", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            var reply = province.adminA.put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", new JsonObject()
                            .put("email", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
                                    .put("from", "loa@anbinh.gov.vn").put("to", new JsonArray().add("van-phong@anbinh.gov.vn")))
                            .put("webhooks", new JsonArray().add(new JsonObject().put("name", "sms")
                                    .put("url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms")))
                            .put("retries", 2).put("retryDelaySeconds", 0.1)));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);

            long id = OnAirIT.approvedNotice("Lịch họp dân", "Kính mời bà con dự họp lúc 19 giờ.", zone, false);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            assertThat(speaker.receive(1500, 30_000)).hasSizeGreaterThan(50);
            OnAirIT.waitForState(province.clerkA, id, "DONE");

            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            var mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("[Loa] Lịch họp dân");
            assertThat(mail.getContent().toString()).contains("Kính mời bà con dự họp lúc 19 giờ.").contains("Thôn Thư");

            waitFor(() -> province.technicianA.get("/api/v1/plugins/notify/dead-letters").body()
                    .contains("\"channel\":\"sms\",\"id\":" + id));
            assertThat(calls.get()).as("one try and two retries").isEqualTo(3);
            assertThat(province.technicianA.get("/api/v1/plugins/notify/dead-letters").body())
                    .contains("\"attempts\":3,\"lastError\":\"HTTP 502\"");
            assertThat(Arrays.stream(smtp.getReceivedMessages()).count()).isEqualTo(1);
        } finally {
            province.adminA.put("/api/v1/plugins/notify", new JsonObject().put("enabled", false));
            gateway.stop(0);
            smtp.stop();
        }
    }

    @Test
    void theContactsAreToldWhichSpeakersAnAlertDidNotReach() throws Exception {
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/zalo", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        gateway.start();
        String zone = Province.unique("thon-mat");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Mất", "xa-a")));
        String silent = Province.unique("loa-mat");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", silent)
                .put("name", "Loa đầu cầu").put("zone", zone).put("kind", "agent")));
        String code = Province.unique("MAT");
        assertThat(province.adminA.put("/api/v1/zones/" + zone + "/geocode", new JsonObject().put("valueName", "loa")
                .put("value", code)).status()).isEqualTo(200);
        try {
            var reply = province.adminA.put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", new JsonObject().put("webhooks", new JsonArray().add(new JsonObject()
                            .put("name", "zalo-oa").put("url", "http://127.0.0.1:" + gateway.getAddress().getPort()
                                    + "/zalo")))));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            String key = created(province.adminA.post("/api/v1/alerts/keys", new JsonObject().put("name", "KTTV")))
                    .json().getString("key");

            JsonObject alert = created(AlertsIT.post(AlertsIT.cap(Province.unique("cap-mat"), "Alert", null,
                    "Extreme", "Thôn Mất").replace("VN-KHONG-CO", code), "application/cap+xml", key)).json();

            waitFor(() -> received.stream().anyMatch(b -> b.contains("Loa đầu cầu")));
            JsonObject told = new JsonObject(received.stream().filter(b -> b.contains("Loa đầu cầu")).findFirst()
                    .orElseThrow());
            assertThat(told.getString("message")).startsWith("[KHẨN CẤP]").contains("Loa không phát cảnh báo")
                    .contains("Loa đầu cầu (").contains("chưa kết nối");
            assertThat(told.getLong("id")).as("the alert's id").isEqualTo(alert.getLong("id"));
            assertThat(province.adminA.get("/api/v1/audit?action=alert.speakers_down").body()).contains(silent);
            org.awaitility.Awaitility.await("told once").during(java.time.Duration.ofSeconds(3))
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> received.stream().filter(b -> b.contains("Loa đầu cầu")).count() == 1);
        } finally {
            province.adminA.put("/api/v1/plugins/notify", new JsonObject().put("enabled", false));
            gateway.stop(0);
        }
    }
}
