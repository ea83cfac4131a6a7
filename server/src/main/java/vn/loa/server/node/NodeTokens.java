package vn.loa.server.node;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import vn.loa.core.model.Node;
import vn.loa.server.access.Caller;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.device.DeviceRoutes;

/**
 * Registers nodes, giving each agent the token it will present on its control channel. Only the token's SHA-256 is
 * stored (it is long and random, so a slow hash adds nothing); the token itself is answered once.
 */
public final class NodeTokens implements DeviceRoutes.Registration<Node> {

    private final DeviceRegistry<Node> registry;
    private final SecureRandom random = new SecureRandom();

    public NodeTokens(DeviceRegistry<Node> registry) {
        this.registry = registry;
    }

    @Override
    public JsonObject register(Caller caller, Node node) {
        // Agents sign in on the control channel, stream boxes on the zone's HTTP stream, and an RTP speaker whose
        // address changes (a 4G SIM, a port-forward) says where it is now (POST /api/v1/nodes/here).
        String token = newToken();
        registry.create(caller, node, (h, n) -> {
            if (token != null) {
                h.createUpdate("UPDATE node SET token_hash = :hash WHERE id = :id")
                        .bind("hash", sha256(token)).bind("id", n.id()).execute();
            }
        });
        JsonObject json = NodeJson.write(node);
        return token == null ? json : json.put("token", token);
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
