package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jdbi.v3.core.Jdbi;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * An alert as Loa publishes it: CAP 1.2, its areas the zones it reached (names, geocodes), signed with Loa's own key
 * ({@link CapSigningKey}), and the alert's detail as JSON (what it reached and why, who signed it). Blocking (JDBC).
 */
public final class CapPublisher {

    private final Jdbi jdbi;
    private final CapSigningKey key;

    public CapPublisher(Jdbi jdbi, Path dataDir) {
        this.jdbi = jdbi;
        this.key = new CapSigningKey(dataDir);
    }

    /** The alert's detail in the caller's unit: the list's fields and {reach, signer}. */
    public JsonObject detail(Caller caller, long id) {
        return row(caller, id).orElseThrow(() -> Refusal.notFound("cảnh báo", String.valueOf(id)));
    }

    /** The alert as signed CAP 1.2 XML. */
    public byte[] cap(Caller caller, long id) {
        JsonObject alert = detail(caller, id);
        Document doc = CapParser.empty();
        Element root = doc.createElementNS(CapParser.NS, "alert");
        // Canonicalisation reads namespace declarations, not DOM namespace URIs: declare it as the parsed copy will.
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", CapParser.NS);
        doc.appendChild(root);
        add(doc, root, "identifier", alert.getString("identifier"));
        add(doc, root, "sender", alert.getString("sender"));
        add(doc, root, "sent", capTime(alert.getString("sent")));
        add(doc, root, "status", alert.getString("status"));
        add(doc, root, "msgType", alert.getString("msgType"));
        add(doc, root, "scope", "Public");
        if (alert.getString("severity") != null) {
            Element info = add(doc, root, "info", null);
            add(doc, info, "language", "vi-VN");
            add(doc, info, "category", "Safety");
            add(doc, info, "event", alert.getString("headline", ""));
            add(doc, info, "urgency", alert.getString("urgency", "Unknown"));
            add(doc, info, "severity", alert.getString("severity"));
            add(doc, info, "certainty", "Unknown");
            if (alert.getString("expires") != null) {
                add(doc, info, "expires", capTime(alert.getString("expires")));
            }
            add(doc, info, "headline", alert.getString("headline", ""));
            // A JSON alert keeps no reach: it is published without an area.
            JsonObject reach = alert.getJsonObject("reach");
            JsonArray zones = reach == null ? new JsonArray() : reach.getJsonArray("zones", new JsonArray());
            for (Object o : zones) {
                String zoneId = ((JsonObject) o).getString("id");
                jdbi.useHandle(h -> h.createQuery("SELECT name, geocode_name, geocode_value FROM zone WHERE id = :id")
                        .bind("id", zoneId).map((rs, ctx) -> {
                            Element area = add(doc, info, "area", null);
                            add(doc, area, "areaDesc", rs.getString(1));
                            if (rs.getString(3) != null) {
                                Element code = add(doc, area, "geocode", null);
                                add(doc, code, "valueName", rs.getString(2));
                                add(doc, code, "value", rs.getString(3));
                            }
                            return area;
                        }).findOne());
            }
        }
        CapSigner.sign(doc, key.key(), key.certificate());
        return bytes(doc);
    }

    /** The document as UTF-8 XML. */
    static byte[] bytes(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    /** The caller's unit's alerts as an Atom feed of CAP entries; {@code base} is the server's address. */
    public byte[] feed(Caller caller, String base) {
        return new CapFeed(jdbi, java.time.Clock.systemUTC()).atom(caller, base);
    }

    /** The certificate published CAP is signed with, PEM. */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(key.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<JsonObject> row(Caller caller, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, sender, identifier, sent, msg_type, status, severity, "
                        + "urgency, headline, outcome, reach, signer, expires, repeat_left FROM alert WHERE id = :id "
                        + "AND LEFT(unit_path, :n) = :prefix")
                .bind("id", id).bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> new JsonObject().put("id", rs.getLong("id")).put("sender", rs.getString("sender"))
                        .put("identifier", rs.getString("identifier")).put("sent", rs.getString("sent"))
                        .put("msgType", rs.getString("msg_type")).put("status", rs.getString("status"))
                        .put("severity", rs.getString("severity")).put("urgency", rs.getString("urgency"))
                        .put("headline", rs.getString("headline")).put("outcome", rs.getString("outcome"))
                        .put("reach", rs.getString("reach") == null ? null : new JsonObject(rs.getString("reach")))
                        .put("signer", rs.getString("signer"))
                        .put("expires", rs.getObject("expires") == null ? null
                                : vn.loa.server.db.Rows.instant(rs, "expires").toString())
                        .put("airingsLeft", rs.getInt("repeat_left")))
                .findOne()
                .map(json -> json.put("airings", airings(h, id)).put("speakers", AlertSpeakers.report(h, id))));
    }

    /** The announcements an alert put on air, in order: {announcement, state, at, airing (1 the first), voice}. */
    private static JsonArray airings(org.jdbi.v3.core.Handle h, long alertId) {
        return new JsonArray(h.createQuery("SELECT a.id, a.state, a.updated_at, l.airing, a.voice FROM alert_announcement l "
                        + "JOIN announcement a ON a.id = l.announcement_id WHERE l.alert_id = :id ORDER BY a.id")
                .bind("id", alertId).map((rs, ctx) -> new JsonObject().put("announcement", rs.getLong(1))
                        .put("state", rs.getString(2)).put("at", vn.loa.server.db.Rows.instant(rs, "updated_at")
                                .toString()).put("airing", rs.getInt(4)).put("voice", rs.getString(5)))
                .list());
    }

    /** CAP's dateTime: seconds and an explicit offset, no fraction and no "Z". */
    static String capTime(String sent) {
        java.time.OffsetDateTime time;
        try {
            time = java.time.OffsetDateTime.parse(sent);
        } catch (java.time.format.DateTimeParseException e) {
            time = java.time.Instant.parse(sent).atOffset(java.time.ZoneOffset.UTC);
        }
        return time.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
    }

    private static Element add(Document doc, Element parent, String name, String text) {
        Element e = doc.createElementNS(CapParser.NS, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
