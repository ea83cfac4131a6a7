package vn.loa.server.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Action;
import vn.loa.server.auth.Caller;
import vn.loa.server.db.Scoped;
import vn.loa.server.http.ApiError;
import vn.loa.server.zone.ZoneGuard;

/** Registering and changing loudspeaker nodes within the caller's subtree. Blocking (JDBC). */
public final class NodeService {

    /** A node just registered, with the agent token shown this once (null for plain RTP nodes). */
    public record Registered(Node node, String token) {
    }

    private final Jdbi jdbi;
    private final NodeRepository nodes;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public NodeService(Jdbi jdbi, NodeRepository nodes, ZoneGuard zones, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.nodes = nodes;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Node> list(Caller caller) {
        return jdbi.withHandle(h -> nodes.inSubtree(h, caller.unitPath()));
    }

    public Node get(Caller caller, String id) {
        return jdbi.withHandle(h -> visible(caller, nodes.find(h, id).orElse(null), id));
    }

    public Registered create(Caller caller, Node node) {
        requireManager(caller);
        Node checked = checked(node);
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, checked.zone());
            if (nodes.exists(h, checked.id())) {
                throw ApiError.conflict("duplicate_id", "Đã có loa mang mã '" + checked.id() + "'. Hãy chọn mã khác.");
            }
            nodes.insert(h, checked, clock.instant());
            String token = null;
            if (checked.kind() == NodeKind.AGENT) {
                token = newToken();
                h.createUpdate("UPDATE node SET token_hash = :hash WHERE id = :id")
                        .bind("hash", sha256(token)).bind("id", checked.id()).execute();
            }
            audit.record(h, caller, "node.create", "node:" + checked.id(), checked.name() + " @ " + checked.zone());
            return new Registered(checked, token);
        });
    }

    public Node update(Caller caller, Node node) {
        requireManager(caller);
        Node checked = checked(node);
        return jdbi.inTransaction(h -> {
            visible(caller, nodes.find(h, checked.id()).orElse(null), checked.id());
            zones.inScope(h, caller, checked.zone());
            nodes.update(h, checked, clock.instant());
            audit.record(h, caller, "node.update", "node:" + checked.id(), checked.name() + " @ " + checked.zone());
            return checked;
        });
    }

    public void delete(Caller caller, String id) {
        requireManager(caller);
        jdbi.useTransaction(h -> {
            visible(caller, nodes.find(h, id).orElse(null), id);
            nodes.delete(h, id);
            audit.record(h, caller, "node.delete", "node:" + id, null);
        });
    }

    private static Node visible(Caller caller, Scoped<Node> found, String id) {
        if (found == null || !caller.covers(found.zonePath())) {
            throw ApiError.notFound("loa", id);
        }
        return found.value();
    }

    private static void requireManager(Caller caller) {
        if (!caller.may(Action.MANAGE_DEVICES)) {
            throw ApiError.forbidden("Chỉ kỹ thuật viên hoặc quản trị viên được đăng ký và sửa loa.");
        }
    }

    /** RTP nodes need an address; agents announce themselves, so an address given for one is dropped. */
    private static Node checked(Node n) {
        String address = n.kind() == NodeKind.RTP ? NodeAddress.require(n.address()) : null;
        return new Node(n.id(), n.name(), n.zone(), n.kind(), address, n.codec());
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
