package vn.loa.server.alert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.loa.server.refusal.Refusal;

/**
 * Reads the entries of an alerting authority's CAP feed, Atom or RSS 2.0, with the same safe parser as CAP itself (no
 * DTD, no entity, no external access): each entry's id and either the address of its CAP message (an Atom link of type
 * {@code application/cap+xml}, or the RSS item's link) resolved against the feed's, or the CAP message inline (Atom
 * {@code <content>}). Pure: bytes in, entries out.
 */
final class CapFeedReader {

    /** The largest feed read; authorities' feeds hold tens of entries. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One entry: {@code capUrl} or {@code inline} is set. */
    record Entry(String id, URI capUrl, byte[] inline) {
    }

    private CapFeedReader() {
    }

    /** The entries of the feed at {@code feedUrl}, oldest first; a refusal (4xx codes) for anything but a feed. */
    static List<Entry> read(byte[] xml, URI feedUrl) {
        if (xml.length > MAX_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "feed_too_large", "Nguồn tin CAP quá lớn (tối đa 1 MB).");
        }
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        List<Entry> entries = new ArrayList<>();
        if (ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName())) {
            for (Element e : children(root, ATOM, "entry")) {
                entries.add(atom(e, feedUrl));
            }
        } else if ("rss".equals(root.getLocalName()) && root.getNamespaceURI() == null) {
            for (Element channel : children(root, null, "channel")) {
                for (Element item : children(channel, null, "item")) {
                    entries.add(rss(item, feedUrl));
                }
            }
        } else {
            throw Refusal.invalid("not_a_feed", "Địa chỉ không trả về nguồn tin Atom hay RSS (gốc <"
                    + root.getLocalName() + ">).");
        }
        // Feeds list the newest first; alerts are taken in the order they were sent, so a Cancel follows its Alert.
        java.util.Collections.reverse(entries);
        return entries.stream().filter(e -> e.id() != null && (e.capUrl() != null || e.inline() != null)).toList();
    }

    private static Entry atom(Element entry, URI base) {
        String id = text(entry, ATOM, "id");
        for (Element content : children(entry, ATOM, "content")) {
            for (Node n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element alert && CapParser.NS.equals(alert.getNamespaceURI())
                        && "alert".equals(alert.getLocalName())) {
                    Document own = CapParser.empty();
                    own.appendChild(own.importNode(alert, true));
                    return new Entry(id, null, CapPublisher.bytes(own));
                }
            }
        }
        URI cap = null;
        for (Element link : children(entry, ATOM, "link")) {
            String type = link.getAttribute("type");
            String href = link.getAttribute("href");
            if (!href.isBlank() && (type.startsWith("application/cap+xml") || cap == null && href.endsWith(".cap"))) {
                cap = resolve(base, href);
            }
        }
        return new Entry(id, cap, null);
    }

    private static Entry rss(Element item, URI base) {
        String link = text(item, null, "link");
        String guid = text(item, null, "guid");
        return new Entry(guid != null ? guid : link, link == null ? null : resolve(base, link), null);
    }

    private static URI resolve(URI base, String href) {
        try {
            URI uri = base.resolve(href.strip());
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = CapParser.safeBuilder();
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw Refusal.invalid("dtd_forbidden", "Nguồn tin chứa khai báo DOCTYPE/DTD hay thực thể (entity); "
                        + "Loa từ chối để an toàn.");
            }
            throw Refusal.invalid("malformed_xml", "Nguồn tin không phải XML hợp lệ: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser set-up failed", e);
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && java.util.Objects.equals(ns, e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        return found.isEmpty() || found.get(0).getTextContent().isBlank() ? null
                : found.get(0).getTextContent().strip();
    }
}
