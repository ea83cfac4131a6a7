package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The link's own OpenAPI description (docs/province-link.openapi.yaml), for another vendor, must describe the calls the
 * server really takes: each of its operations equal to the server's own description of it.
 */
class LinkProtocolDescriptionTest {

    @Test
    @SuppressWarnings("unchecked")
    void theLinksOwnDescriptionHasTheServersLinkCallsUnchanged() throws Exception {
        Map<String, Object> published;
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "province-link.openapi.yaml"))) {
            published = new Yaml().load(in);
        }
        Map<String, Object> server;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            server = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> serverPaths = (Map<String, Map<String, Object>>) server.get("paths");
        Map<String, Map<String, Object>> publishedPaths = (Map<String, Map<String, Object>>) published.get("paths");
        assertThat(publishedPaths.keySet()).as("every wire call of the link, and only those")
                .containsExactlyInAnyOrderElementsOf(serverPaths.keySet().stream()
                        .filter(p -> p.startsWith("/api/v1/link/")).toList());
        publishedPaths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> theirs = new java.util.HashMap<>((Map<String, Object>) operation);
            Map<String, Object> ours = new java.util.HashMap<>((Map<String, Object>) serverPaths.get(path).get(method));
            theirs.remove("tags");
            ours.remove("tags");
            assertThat(theirs).as(method + " " + path).isEqualTo(ours);
        }));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) published.get("components"))
                .get("schemas");
        assertThat(schemas).containsKeys("SignedMessage", "Envelope", "Bulletin", "Deliveries", "Devices");
    }
}
