package vn.loa.server.alert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.loa.server.refusal.Refusal;

/**
 * Reads CAP 1.2 messages safely: no DTD at all (so no external entity and no entity expansion, billion laughs
 * included), no external schema or stylesheet access, a size limit, then validation against the OASIS schema
 * ({@code /cap/CAP-v1.2.xsd}) before a single value is used.
 *
 * <p>Thread-safe: the compiled schema is shared; parsers and validators are made per message.
 */
public final class CapParser {

    /** The largest CAP message accepted; real alerts are a few kilobytes. */
    public static final int MAX_BYTES = 128 * 1024;
    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final Schema schema;

    public CapParser() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(CapParser.class.getResource("/cap/CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled CAP 1.2 schema does not compile", e);
        }
    }

    /** The message in {@code xml}, or a 4xx {@link Refusal} that says what is wrong with it. */
    public CapAlert parse(byte[] xml) {
        return parse(document(xml));
    }

    /** The document in {@code xml}, read safely and checked against the schema, for its signature to be checked. */
    public Document document(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE,
                    "body_too_large", "Bản tin CAP quá lớn (tối đa " + MAX_BYTES / 1024 + " KB).");
        }
        Document doc = read(xml);
        validate(doc);
        return doc;
    }

    /** The values of a document {@link #document} returned. */
    public CapAlert parse(Document doc) {
        return extract(doc.getDocumentElement());
    }

    /** A new, empty document from the same safe factory. */
    static Document empty() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser set-up failed", e);
        }
    }

    /** A parser with the safe settings below: no DTD, no entity, no external access, errors thrown. */
    static DocumentBuilder safeBuilder() throws ParserConfigurationException {
        DocumentBuilder builder = factory().newDocumentBuilder();
        builder.setErrorHandler(STRICT);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        return builder;
    }

    private static Document read(byte[] xml) {
        try {
            return safeBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw Refusal.invalid("dtd_forbidden", "Bản tin CAP không được chứa khai báo DOCTYPE/DTD hay thực "
                        + "thể (entity); Loa từ chối để an toàn. Hãy gửi bản tin CAP 1.2 thuần XML.");
            }
            throw Refusal.invalid("malformed_xml", "Bản tin không phải XML hợp lệ (dòng " + e.getLineNumber()
                    + ", cột " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException e) {
            throw Refusal.invalid("malformed_xml", "Bản tin không phải XML hợp lệ: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser set-up failed", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // A CAP message never needs a DTD; refusing any DOCTYPE rules out external entities and entity bombs at once.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private void validate(Document doc) {
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(STRICT);
            validator.validate(new DOMSource(doc));
        } catch (SAXException e) {
            throw Refusal.invalid("invalid_cap", "Bản tin không đúng lược đồ CAP 1.2 (OASIS): " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("validation read failed", e);
        }
    }

    private static CapAlert extract(Element alert) {
        List<CapAlert.Reference> references = new ArrayList<>();
        String refs = text(alert, "references");
        if (refs != null) {
            for (String triple : refs.trim().split("\\s+")) {
                String[] parts = triple.split(",", -1);
                if (parts.length != 3) {
                    throw Refusal.invalid("invalid_cap", "Mục <references> '" + triple
                            + "' phải có dạng sender,identifier,sent.");
                }
                references.add(new CapAlert.Reference(parts[0], parts[1], parts[2]));
            }
        }
        List<CapAlert.Info> infos = new ArrayList<>();
        for (Element info : children(alert, "info")) {
            List<CapAlert.Area> areas = new ArrayList<>();
            for (Element area : children(info, "area")) {
                List<CapAlert.Geocode> codes = children(area, "geocode").stream()
                        .map(g -> new CapAlert.Geocode(text(g, "valueName"), text(g, "value"))).toList();
                areas.add(new CapAlert.Area(text(area, "areaDesc"), codes, texts(area, "polygon"),
                        texts(area, "circle")));
            }
            infos.add(new CapAlert.Info(text(info, "language"), text(info, "event"), text(info, "urgency"),
                    text(info, "severity"), text(info, "headline"), text(info, "description"),
                    text(info, "instruction"), text(info, "expires"), areas));
        }
        return new CapAlert(text(alert, "identifier"), text(alert, "sender"), text(alert, "sent"),
                text(alert, "status"), text(alert, "msgType"), references, infos);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
