package vn.loa.server.alert;

import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The one way a CAP message comes in, pushed ({@code POST /api/v1/alerts}) or polled from a feed: read safely and
 * checked against the schema, its signature checked against the unit's authorities, then acted on; every refusal is
 * audited. Blocking (JDBC).
 */
public final class CapIntake {

    private final AlertService service;
    private final AlertAuthorities authorities;
    private final java.util.function.ToIntFunction<Refusal> statusOf;
    private final CapParser parser = new CapParser();

    /** @param statusOf the HTTP status a refusal is answered with, for the audit log (the web layer knows it) */
    public CapIntake(AlertService service, AlertAuthorities authorities,
            java.util.function.ToIntFunction<Refusal> statusOf) {
        this.service = service;
        this.authorities = authorities;
        this.statusOf = statusOf;
    }

    /** Takes a CAP message in for the caller; {@code kind} names the way it came in the audit log. */
    public JsonObject take(Caller caller, String kind, byte[] xml) {
        return audited(caller, kind, () -> {
            org.w3c.dom.Document doc = parser.document(xml);
            String signer = authorities.verify(caller, doc);
            return service.cap(caller, parser.parse(doc), signer);
        });
    }

    /** Runs {@code work}; a refusal is audited under {@code kind}, then passed on. */
    JsonObject audited(Caller caller, String kind, Supplier<JsonObject> work) {
        try {
            return work.get();
        } catch (Refusal e) {
            service.refused(caller, kind, statusOf.applyAsInt(e), e);
            throw e;
        }
    }
}
