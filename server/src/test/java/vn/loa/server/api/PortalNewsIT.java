package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.PluginsIT.announcements;
import static vn.loa.server.api.PluginsIT.waitFor;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The portal-news plugin in a running server: the commune portal's feed becomes draft notices for the clerk. */
class PortalNewsIT extends ApiSuite {

    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void aNewsItemOnThePortalsFeedBecomesADraftForTheClerk() throws Exception {
        String title = Province.unique("Lịch thu gom rác");
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Xã An Bình</title>"
                + "<item><title>" + title + "</title><guid>rac-" + title.hashCode() + "</guid><description>"
                + "&lt;p&gt;Xe thu gom rác đi qua thôn Đông vào &lt;b&gt;thứ Ba&lt;/b&gt; hằng tuần.&lt;/p&gt;"
                + "</description></item></channel></rss>";
        HttpServer portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portal.createContext("/rss", exchange -> {
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        try {
            var reply = province.adminA.put("/api/v1/plugins/portal-news", new JsonObject().put("enabled", true)
                    .put("settings", new JsonObject()
                            .put("feeds", new JsonArray().add("http://127.0.0.1:" + portal.getAddress().getPort() + "/rss"))
                            .put("zones", new JsonArray().add("thon-a1")).put("intervalSeconds", 1)
                            // The feed's one item stands for news published after the plugin was enabled.
                            .put("skipExisting", false)));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);

            waitFor(() -> announcements(province.clerkA, title).size() == 1);
            JsonObject draft = announcements(province.clerkA, title).get(0);
            assertThat(draft.getString("state")).isEqualTo("DRAFT");
            assertThat(draft.getString("createdBy")).isEqualTo("plugin:portal-news@xa-a");
            assertThat(draft.getString("text")).isEqualTo("Xe thu gom rác đi qua thôn Đông vào thứ Ba hằng tuần.");
            assertThat(draft.getJsonArray("zones").getList()).containsExactly("thon-a1");
            assertThat(PluginsIT.plugin(province.adminA, "portal-news").getString("state")).isEqualTo("RUNNING");
        } finally {
            province.adminA.put("/api/v1/plugins/portal-news", new JsonObject().put("enabled", false));
            portal.stop(0);
        }
    }

    @Test
    void settingsWithoutAZoneAreRefusedWithThePluginsMessage() {
        var reply = province.adminA.put("/api/v1/plugins/portal-news", new JsonObject().put("settings",
                new JsonObject().put("feeds", new JsonArray().add("http://127.0.0.1:9/rss"))));
        assertRefused(reply, 400, "invalid_settings");
        assertThat(reply.json().getString("message")).contains("zones");
    }
}
