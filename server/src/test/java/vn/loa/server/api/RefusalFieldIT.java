package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A request that breaks the contract is refused naming the field at fault, so a form can show the message beside it. */
class RefusalFieldIT extends ApiSuite {

    /** The contract check runs before any storage: one database engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    private static String fieldOf(String path, JsonObject body) {
        var reply = province.clerkA.post(path, body);
        assertRefused(reply, 400, "invalid_request");
        return reply.json().getString("field");
    }

    @Test
    void refusalsOfTheContractNameTheFieldAtFault() {
        JsonArray zones = new JsonArray().add("thon-a1");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("title", "").put("zones", zones))).isEqualTo("title");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("zones", zones))).isEqualTo("title");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("title", "Họp").put("zones", new JsonArray())))
                .isEqualTo("zones");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("title", "Họp").put("repeat", 50).put("zones", zones)))
                .isEqualTo("repeat");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("title", "Họp").put("zones", zones)
                .put("schedule", new JsonObject().put("cron", "")))).isEqualTo("schedule.cron");
        assertThat(fieldOf("/api/v1/announcements", new JsonObject().put("title", "Họp").put("zones", new JsonArray().add("Sai!"))))
                .isEqualTo("zones");
    }

    @Test
    void refusalsOfAWholeBodyNameNoField() {
        var reply = province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", "Họp").put("zones",
                new JsonArray().add("thon-a1")).put("unexpected", 1));
        assertRefused(reply, 400, "invalid_request");
        assertThat(reply.json().getString("field")).isIn(null, "unexpected");
    }
}
