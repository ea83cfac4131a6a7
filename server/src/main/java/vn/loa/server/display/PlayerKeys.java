package vn.loa.server.display;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.board.BoardJson;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.device.DeviceRoutes;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.node.NodeTokens;
import vn.loa.server.refusal.Refusal;

/**
 * Registers boards, giving each web player the key it presents ({@code /player/{id}?key=...}) to have its proof of
 * play stored: what a board shows is public, what it reports having shown must come from the board. Only the key's
 * SHA-256 is stored; the key itself is answered once, at registration, as {@code playerKey}.
 */
public final class PlayerKeys implements DeviceRoutes.Registration<Board> {

    private final Jdbi jdbi;
    private final DeviceRegistry<Board> registry;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public PlayerKeys(Jdbi jdbi, DeviceRegistry<Board> registry, AuditLog audit) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.audit = audit;
    }

    /** {@code POST /api/v1/boards/{id}/player-key}: a new key for a board registered before keys, or one that leaked. */
    void mount(RouterBuilder api, Blocking blocking) {
        api.getRoute("issueBoardPlayerKey").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String id = ctx.pathParam("id");
            Replies.reply(ctx, 200, blocking.run(() -> new JsonObject().put("playerKey", reissue(caller, id))));
        });
    }

    String reissue(Caller caller, String boardId) {
        registry.get(caller, boardId);
        if (!caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ kỹ thuật viên hoặc quản trị viên được cấp khóa trình chiếu cho bảng tin.");
        }
        String key = newKey();
        jdbi.useTransaction(h -> {
            store(h, boardId, key);
            audit.record(h, caller, "board.player-key", "board:" + boardId, null);
        });
        return key;
    }

    private String newKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void store(org.jdbi.v3.core.Handle h, String boardId, String key) {
        h.createUpdate("UPDATE board SET player_key_hash = :hash WHERE id = :id")
                .bind("hash", NodeTokens.sha256(key)).bind("id", boardId).execute();
    }

    @Override
    public JsonObject register(Caller caller, Board board) {
        String key = newKey();
        Board created = registry.create(caller, board, (h, b) -> store(h, b.id(), key));
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
