package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.loa.server.testing.Api;

/**
 * Every route of {@code openapi.yaml} swept with hostile values as an attacker or a broken client would send them:
 * hostile path and query parameters, malformed and mistyped JSON bodies, each declared body property set in turn to
 * wrong types, huge numbers, control characters, overlong text and out-of-range dates. Any 5xx fails the test, listing
 * the requests that caused one. Signed in as the province admin, so the requests reach the handlers.
 */
class HostileInputIT extends ApiSuite {

    /** Storage is not what is tested here: one engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    /** For paths and queries; 3,000 characters stay under the request line's limit (4 KiB) to reach the handlers. */
    private static final List<String> TEXT = List.of("", " ", "x".repeat(3_000), "\u0000", "a\nb\r\nc", "\u001b[31m",
            "\uD83D\uDCA5".repeat(500), "' OR '1'='1", "../../../etc/passwd", "%s%n%x", "-1", "0",
            "99999999999999999999999", "1e309", "NaN", "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "2026-02-30T25:61:00+07:00", "true", "null", "[]", "{}");
    private static final List<Object> JSON_VALUES = List.of("", "x".repeat(20_000), "\u0000\u0001", "a\nb",
            "+999999999-01-01T00:00:00Z", "0 0 0 30 2 ?", "* * * * * ?", Long.MAX_VALUE, Long.MIN_VALUE, -1, 0,
            1e308, -1e308, true, new JsonArray().add("\u0000").add(Long.MAX_VALUE), new JsonObject().put("a", "b"));
    private static final List<String> RAW_BODIES = List.of("{", "[]", "null", "\"text\"", "123456789012345678901234567890",
            "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "{\"x\":1e99999}", "\u0000", "{\"\u0000\":\"\"}");

    @Test
    void noRouteAnswers5xxToHostileInput() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            spec = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Api admin = province.admin;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || path.getKey().endsWith("/auth/logout")) {
                    continue; // path-level "parameters", and signing the admin out halfway
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                String template = path.getKey();
                for (String value : TEXT) {
                    if (template.contains("{")) {
                        sent += check(failures, admin, method, template.replaceAll("\\{[^}]+}", encoded(value)), null);
                    }
                    for (String query : queryNames(op)) {
                        sent += check(failures, admin, method, base(template) + "?" + query + "=" + encoded(value), null);
                    }
                }
                if (op.containsKey("requestBody") && List.of("POST", "PUT", "PATCH").contains(method)) {
                    for (String raw : RAW_BODIES) {
                        sent += check(failures, admin, method, base(template), raw);
                    }
                    Map<String, Object> schema = bodySchema(op, schemas);
                    for (String target : List.of(base(template), template.replaceAll("\\{[^}]+}", "1"),
                            template.replaceAll("\\{[^}]+}", "thon-a1"))) {
                        for (String property : properties(schema)) {
                            for (Object value : JSON_VALUES) {
                                // The other required fields plausible, so the validator lets the request through.
                                sent += check(failures, admin, method, target,
                                        plausible(schema).put(property, value).encode());
                            }
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(1_000);
        assertThat(failures).as("requests answered 5xx").isEmpty();
    }

    /**
     * A broken percent escape cannot be sent through an HTTP client that checks its URIs, so these go out on a socket
     * as a broken client would write them: each is a JSON 400 that says what to fix, never a 500 or a bare line.
     */
    @Test
    void aBrokenPercentEscapeInTheAddressIsAJson400() throws Exception {
        java.net.URI base = java.net.URI.create(server.baseUrl());
        for (String target : List.of("/api/v1/announcements?q=%ZZ", "/api/v1/announcements?q=50%", "/api/v1/zones/%ZZ",
                "/api/v1/audit?actor=%E", "/nghe/xa?q=%ZZ", "/%ZZ", "/health?x=%")) {
            try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer "
                        + province.admin.token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(target).startsWith("HTTP/1.1 400");
                JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(body.getString("error")).as(target).isEqualTo("malformed_url");
                assertThat(body.getString("message")).as(target).contains("%");
            }
        }
    }

    /**
     * Sends a request, again once when it went out on a pooled connection the server had just closed: a request line
     * over 4 KiB (500 emoji, percent-encoded) is answered 414 and its connection closed, as HTTP/1.1 must, and the
     * JDK client may hand that connection to the next request before it sees the close ("received no bytes").
     */
    private static Api.Reply sendOnce(Api api, String method, String path, String body) {
        try {
            return api.send(method, path, body, body == null ? null : "application/json");
        } catch (IllegalStateException e) {
            if (e.getCause() == null || !String.valueOf(e.getCause().getMessage()).contains("received no bytes")) {
                throw e;
            }
            return api.send(method, path, body, body == null ? null : "application/json");
        }
    }

    /** The template with every path parameter set to an id that exists in no table. */
    private static String base(String template) {
        return template.replaceAll("\\{[^}]+}", "9999");
    }

    private static int check(List<String> failures, Api api, String method, String path, String body) {
        Api.Reply reply;
        try {
            reply = sendOnce(api, method, path, body);
        } catch (IllegalStateException e) {
            failures.add(method + " " + path.substring(0, Math.min(160, path.length())) + " -> no answer: "
                    + e.getCause());
            return 1;
        }
        if (reply.status() >= 500 && failures.size() < 40) {
            String shown = body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body);
            failures.add(method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + shown + " -> "
                    + reply.status() + " " + reply.body());
        }
        return 1;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryNames(Map<String, Object> op) {
        List<String> names = new ArrayList<>();
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("query".equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodySchema(Map<String, Object> op, Map<String, Object> schemas) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
        Map<String, Object> schema = json == null ? null : (Map<String, Object>) json.get("schema");
        while (schema != null && schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema == null ? Map.of() : schema;
    }

    @SuppressWarnings("unchecked")
    private static List<String> properties(Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        return properties == null ? List.of("x") : new ArrayList<>(properties.keySet());
    }

    /** The schema's required properties with ordinary values of their types (a zone id for text). */
    @SuppressWarnings("unchecked")
    private static JsonObject plausible(Map<String, Object> schema) {
        JsonObject body = new JsonObject();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
            Map<String, Object> p = (Map<String, Object>) properties.getOrDefault(name, Map.of());
            Object type = p.get("type");
            List<Object> choices = (List<Object>) p.get("enum");
            body.put((String) name, choices != null ? choices.get(0) : "integer".equals(type) || "number".equals(type)
                    ? (Object) 1 : "boolean".equals(type) ? (Object) false : "array".equals(type) ? new JsonArray()
                    : "object".equals(type) ? new JsonObject() : "thon-a1");
        }
        return body;
    }
}
