package vn.loa.server.display;

import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.server.auth.Caller;
import vn.loa.server.board.BoardJson;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.device.DeviceRoutes;
import vn.loa.server.node.NodeTokens;

/**
 * Registers boards, giving each web player the key it presents ({@code /player/{id}?key=...}) to have its proof of
 * play stored: what a board shows is public, what it reports having shown must come from the board. Only the key's
 * SHA-256 is stored; the key itself is answered once, at registration, as {@code playerKey}.
 */
public final class PlayerKeys implements DeviceRoutes.Registration<Board> {

    private final Jdbi jdbi;
    private final DeviceRegistry<Board> registry;
    private final SecureRandom random = new SecureRandom();

    public PlayerKeys(Jdbi jdbi, DeviceRegistry<Board> registry) {
        this.jdbi = jdbi;
        this.registry = registry;
    }

    @Override
    public JsonObject register(Caller caller, Board board) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Board created = registry.create(caller, board, (h, b) -> h.createUpdate(
                "UPDATE board SET player_key_hash = :hash WHERE id = :id")
                .bind("hash", NodeTokens.sha256(key)).bind("id", b.id()).execute());
        return BoardJson.write(created).put("playerKey", key);
    }

    /** True when {@code key} is this board's player key. Blocking. */
    boolean valid(String boardId, String key) {
        if (key == null || key.isEmpty() || key.length() > 100) {
            return false;
        }
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT player_key_hash FROM board WHERE id = :id")
                .bind("id", boardId).mapTo(String.class).findOne().orElse(null));
        return stored != null && MessageDigest.isEqual(stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                NodeTokens.sha256(key).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
