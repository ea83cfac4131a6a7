package vn.loa.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The sample commune of the demo (Xã An Bình, three villages, a loudspeaker in each, a board), added over the API. */
final class DemoCommune {

    static final String STAFF_PASSWORD = "loa-demo-2026";
    private static final String COMMUNE = "xa-an-binh";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    static final String BOARD = "bang-ubnd";

    private final String adminPassword;
    private final java.nio.file.Path dataDir;
    private String token;

    DemoCommune(String base, String adminPassword, java.nio.file.Path dataDir) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.dataDir = dataDir;
    }

    /** Adds the sample unless the commune is already there; true when it was added now. */
    /** Where the demo keeps its board's player key. */
    static java.nio.file.Path playerKeyFile(java.nio.file.Path dataDir) {
        return dataDir.resolve(BOARD + ".player-key");
    }

    boolean seedIfEmpty() throws IOException, InterruptedException {
        JsonObject login = call("POST", "/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", adminPassword));
        token = login.getString("token");
        if (token == null || call("GET", "/api/v1/zones/" + COMMUNE, null).containsKey("id")) {
            return false;
        }
        call("POST", "/api/v1/zones", new JsonObject().put("id", COMMUNE).put("name", "Xã An Bình"));
        List<String[]> villages = List.of(new String[] {"thon-dong", "Thôn Đông"}, new String[] {"thon-tay", "Thôn Tây"},
                new String[] {"thon-bac", "Thôn Bắc"});
        for (String[] v : villages) {
            call("POST", "/api/v1/zones", new JsonObject().put("id", v[0]).put("name", v[1]).put("parent", COMMUNE));
            String node = "loa-" + v[0].substring(5);
            JsonObject registered = call("POST", "/api/v1/nodes", new JsonObject().put("id", node)
                    .put("name", "Loa " + v[1]).put("zone", v[0]).put("kind", "agent"));
            DemoAgents.keepToken(dataDir, node, registered.getString("token"));
        }
        JsonObject board = call("POST", "/api/v1/boards", new JsonObject().put("id", BOARD).put("name", "Bảng tin UBND xã")
                .put("zone", COMMUNE).put("kind", "LCD").put("width", 1920).put("height", 1080).put("driver", "web"));
        // The player key is answered once; kept so every later start can print the board's address with it.
        java.nio.file.Files.writeString(playerKeyFile(dataDir), board.getString("playerKey", ""));
        call("PUT", "/api/v1/boards/bang-ubnd/playlist", new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("kind", "TEXT").put("title", "Chào mừng đến xã An Bình").put("seconds", 10)
                        .put("body", "Bảng tin điện tử của Ủy ban nhân dân xã. Mở /player/bang-ubnd trên màn hình."))
                .add(new JsonObject().put("kind", "TEXT").put("title", "Lịch tiêm phòng gia súc").put("seconds", 15)
                        .put("body", "Ngày 02/12/2026, từ 7 giờ 30 đến 11 giờ, tại nhà văn hóa các thôn."))));
        for (String[] u : List.of(new String[] {"canbo", "clerk", "Cán bộ văn hóa - thông tin"},
                new String[] {"chutich", "approver", "Chủ tịch UBND xã"})) {
            call("POST", "/api/v1/users", new JsonObject().put("username", u[0]).put("role", u[1])
                    .put("displayName", u[2]).put("unit", COMMUNE).put("password", STAFF_PASSWORD));
        }
        call("POST", "/api/v1/announcements", new JsonObject().put("title", "Lịch tiêm phòng cho đàn gia súc")
                .put("text", "UBND xã An Bình thông báo: ngày 02/12/2026, từ 7h30 đến 11h00, tiêm phòng lở mồm long móng "
                        + "tại nhà văn hóa các thôn. Liên hệ thú y xã: 0912 345 678.")
                .put("zones", new JsonArray().add("thon-dong").add("thon-tay").add("thon-bac")));
        return true;
    }

    private JsonObject call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().startsWith("{") ? new JsonObject(r.body()) : new JsonObject();
    }
}
