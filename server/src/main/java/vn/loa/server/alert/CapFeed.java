package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.loa.server.access.Caller;

/**
 * The alerts of a unit as an Atom feed of CAP 1.2 messages ({@code GET /api/v1/alerts/feed.atom}, ADR 0051), the way
 * alerting authorities publish theirs: one entry per alert, newest first, each linking to the alert as signed CAP
 * ({@code /api/v1/alerts/{id}.cap}, type {@code application/cap+xml}). Built with the DOM, so every value is escaped.
 * Blocking (JDBC).
 */
final class CapFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    private final Jdbi jdbi;
    private final Clock clock;

    CapFeed(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The feed of the caller's unit; {@code base} is the server's address as the client reached it. */
    public byte[] atom(Caller caller, String base) {
        JsonArray list = AlertService.list(jdbi, caller, ENTRIES);
        Document doc = CapParser.empty();
        Element feed = doc.createElementNS(ATOM, "feed");
        feed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", ATOM);
        doc.appendChild(feed);
        add(doc, feed, "id", "urn:loa:alerts:" + caller.unitId());
        add(doc, feed, "title", "Cảnh báo của đơn vị " + caller.unitId() + " (Loa, CAP 1.2)");
        String updated = list.isEmpty() ? CapPublisher.capTime(clock.instant().toString())
                : CapPublisher.capTime(list.getJsonObject(0).getString("receivedAt"));
        add(doc, feed, "updated", updated);
        link(doc, feed, "self", "application/atom+xml", base + "/api/v1/alerts/feed.atom");
        Element author = add(doc, feed, "author", null);
        add(doc, author, "name", "Loa");
        for (Object o : list) {
            JsonObject a = (JsonObject) o;
            Element entry = add(doc, feed, "entry", null);
            add(doc, entry, "id", "urn:loa:alert:" + a.getLong("id") + ":" + a.getString("identifier"));
            add(doc, entry, "title", a.getString("headline") == null || a.getString("headline").isBlank()
                    ? a.getString("msgType") + " " + a.getString("identifier") : a.getString("headline"));
            add(doc, entry, "updated", CapPublisher.capTime(a.getString("receivedAt")));
            add(doc, entry, "published", CapPublisher.capTime(a.getString("sent")));
            add(doc, entry, "summary", a.getString("msgType") + ", " + a.getString("status")
                    + (a.getString("severity") == null ? "" : ", " + a.getString("severity")) + ": "
                    + a.getString("outcome"));
            if (a.getString("severity") != null) {
                category(doc, entry, a.getString("severity"));
            }
            link(doc, entry, "alternate", "application/cap+xml", base + "/api/v1/alerts/" + a.getLong("id") + ".cap");
        }
        return CapPublisher.bytes(doc);
    }

    private static void link(Document doc, Element parent, String rel, String type, String href) {
        Element link = add(doc, parent, "link", null);
        link.setAttribute("rel", rel);
        link.setAttribute("type", type);
        link.setAttribute("href", href);
    }

    private static void category(Document doc, Element parent, String term) {
        add(doc, parent, "category", null).setAttribute("term", term);
    }

    private static Element add(Document doc, Element parent, String name, String text) {
        Element e = doc.createElementNS(ATOM, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
