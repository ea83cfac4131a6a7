package vn.loa.server.link;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/**
 * Writes the link's own audit records: what a peer system did, and every message refused (replayed, tampered, signed
 * with another key, stale, aimed outside the link's zone). Recorded at the root unit, where the admins who link
 * systems read them. Thread-safe.
 */
public final class LinkAudit {

    /** The root unit's path (Bootstrap's root zone): link records concern the whole system. */
    static final String ROOT_PATH = "/root/";

    private final Jdbi jdbi;
    private final AuditLog audit;

    public LinkAudit(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** Records, in its own transaction, that a message from {@code sender} was refused. */
    public void refused(String sender, String address, String what, Refusal refusal) {
        jdbi.useHandle(h -> refused(h, sender, address, what, refusal));
    }

    public void refused(Handle h, String sender, String address, String what, Refusal refusal) {
        audit.record(h, actor(sender), address, ROOT_PATH, "link.refused", "link:" + cut(sender),
                what + " " + refusal.code() + ": " + refusal.getMessage());
    }

    /** Records something a peer system did (enrolled, a bulletin applied). */
    public void acted(Handle h, String sender, String address, String action, String target, String detail) {
        audit.record(h, actor(sender), address, ROOT_PATH, action, target, detail);
    }

    private static String actor(String sender) {
        return "link:" + cut(sender);
    }

    private static String cut(String s) {
        return s == null ? "?" : s.length() > 58 ? s.substring(0, 58) : s;
    }
}
