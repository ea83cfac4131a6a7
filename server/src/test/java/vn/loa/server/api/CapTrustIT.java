package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.Province.unique;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.loa.server.alert.CapParser;
import vn.loa.server.alert.CapSignatures;
import vn.loa.server.alert.CapSigner;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestSigner;

/**
 * CAP trust (ADR 0046): a unit's admin trusts alerting authorities by certificate and may require signatures; unsigned,
 * tampered, wrong-key, untrusted and expired messages are refused with their own codes and audited; Loa signs the CAP
 * it publishes.
 */
class CapTrustIT extends ApiSuite {

    private static final CapParser PARSER = new CapParser();
    private static TestSigner authority;
    private static TestSigner rotated;
    private static TestSigner stranger;
    private static TestSigner expired;
    private static TestSigner ca;
    private static TestSigner stolen;
    private static TestSigner station;
    private static Object setUpFor;
    private static Api admin;
    private static String key;

    @BeforeAll
    static void keys() throws Exception {
        authority = TestSigner.selfSigned("Đài KTTV khu vực");
        rotated = TestSigner.selfSigned("Đài KTTV khu vực 2027");
        stranger = TestSigner.selfSigned("Kẻ mạo danh");
        expired = TestSigner.make("Đài KTTV cũ", "-3d", 1);
        ca = TestSigner.selfSigned("CA Đài KTTV");
        stolen = ca.issue("Trạm đo bị mất khóa");
        station = ca.issue("Trạm đo còn tốt");
    }

    /** A unit of its own (so requiring signatures touches no other test), its admin, a village and a speaker. */
    @BeforeEach
    void unit() {
        if (setUpFor == server) {
            return;
        }
        setUpFor = server;
        created(province.admin.post("/api/v1/zones", Province.zone("xa-ky", "Xã Ký Số", null)));
        created(province.admin.post("/api/v1/zones", Province.zone("thon-ky", "Thôn Ký", "xa-ky")));
        admin = province.user("admin-ky", "admin", "xa-ky");
        key = created(admin.post("/api/v1/alerts/keys", new JsonObject().put("name", "Đài KTTV"))).json()
                .getString("key");
        assertThat(admin.put("/api/v1/alerts/areas", new JsonObject().put("areas", new JsonArray()
                .add(new JsonObject().put("name", "Thôn Ký").put("zones", new JsonArray().add("thon-ky")))))
                .status()).isEqualTo(200);
    }

    static String cap(String identifier) {
        return CapTargetingIT.cap(identifier, "Moderate", "Thôn Ký", "");
    }

    static String signed(String xml, TestSigner keyOf, TestSigner certificateOf) throws Exception {
        Document doc = PARSER.document(xml.getBytes(StandardCharsets.UTF_8));
        CapSigner.sign(doc, keyOf.key(), certificateOf.certificate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Api.Reply post(String xml) {
        return AlertsIT.post(xml, "application/cap+xml", key);
    }

    private static void trust(String name, TestSigner signer) throws Exception {
        created(admin.post("/api/v1/alerts/authorities", new JsonObject().put("name", name)
                .put("certificate", signer.pem())));
    }

    @Test
    void onlyAdminsManageAuthoritiesAndEachChangeIsAudited() throws Exception {
        assertRefused(province.clerkA.get("/api/v1/alerts/authorities"), 403, "forbidden");
        assertRefused(province.clerkA.post("/api/v1/alerts/authorities", new JsonObject().put("name", "X")
                .put("certificate", stranger.pem())), 403, "forbidden");
        assertRefused(admin.post("/api/v1/alerts/authorities", new JsonObject().put("name", "Rác")
                .put("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")), 400,
                "invalid_certificate");
        long id = created(admin.post("/api/v1/alerts/authorities", new JsonObject().put("name", "Tạm")
                .put("certificate", rotated.pem()))).json().getLong("id");
        assertRefused(admin.post("/api/v1/alerts/authorities", new JsonObject().put("name", "Tạm lại")
                .put("certificate", rotated.pem())), 409, "duplicate_authority");
        JsonObject listed = admin.get("/api/v1/alerts/authorities").json();
        assertThat(listed.getJsonArray("authorities").stream().map(JsonObject.class::cast)
                .anyMatch(a -> a.getLong("id") == id && a.getString("subject").contains("2027"))).isTrue();
        assertThat(admin.delete("/api/v1/alerts/authorities/" + id).status()).isEqualTo(204);
        assertRefused(admin.delete("/api/v1/alerts/authorities/" + id), 404, "not_found");
        assertThat(admin.get("/api/v1/audit?action=alert.authority.add&target=alert-authority:" + id).array())
                .hasSize(1);
        assertThat(admin.get("/api/v1/audit?action=alert.authority.remove&target=alert-authority:" + id).array())
                .hasSize(1);
    }

    @Test
    void whenSignaturesAreRequiredOnlyATrustedUntamperedSignatureGetsThrough() throws Exception {
        trust("Đài KTTV khu vực", authority);
        trust("Đài KTTV cũ", expired);
        assertThat(admin.put("/api/v1/alerts/signatures", new JsonObject().put("required", true)).json()
                .getBoolean("requireSignatures")).isTrue();

        assertRefused(post(cap(unique("UNSIGNED"))), 403, "signature_required");
        String good = signed(cap(unique("SIGNED")), authority, authority);
        assertRefused(post(good.replace("Nước sông đang lên nhanh.", "Không có gì.")), 422, "signature_mismatch");
        assertRefused(post(signed(cap(unique("WRONGKEY")), stranger, authority)), 422, "signature_mismatch");
        assertRefused(post(signed(cap(unique("STRANGER")), stranger, stranger)), 403, "signer_untrusted");
        assertRefused(post(signed(cap(unique("OLD")), expired, expired)), 422, "certificate_expired");

        Api.Reply accepted = post(good);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonObject detail = admin.get("/api/v1/alerts/" + accepted.json().getLong("id")).json();
        assertThat(detail.getString("signer")).contains("Đài KTTV khu vực");

        List<String> refused = admin.get("/api/v1/audit?action=alert.refused&limit=100").array().stream()
                .map(JsonObject.class::cast).map(e -> e.getString("detail")).toList();
        for (String code : List.of("signature_required", "signature_mismatch", "signer_untrusted",
                "certificate_expired")) {
            assertThat(refused).as("audited " + code).anyMatch(d -> d.contains(code));
        }

        // Rotation: the next certificate is trusted beside the current one, then the old one goes.
        trust("Đài KTTV khu vực 2027", rotated);
        assertThat(post(signed(cap(unique("ROTATED")), rotated, rotated)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/alerts/signatures", new JsonObject().put("required", false)).status())
                .isEqualTo(200);
        assertThat(post(cap(unique("UNSIGNED-OK"))).status()).as("unsigned allowed again").isEqualTo(201);
    }

    @Test
    void aRevokedCertificatesMessagesAreRefusedAndAuditedEvenWhenATrustedAuthorityIssuedIt() throws Exception {
        trust("CA Đài KTTV", ca);
        assertThat(post(signed(cap(unique("BEFORE")), stolen, stolen)).status()).as("issued by a trusted CA")
                .isEqualTo(201);
        assertRefused(province.clerkA.post("/api/v1/alerts/revocations", new JsonObject()
                .put("certificate", stolen.pem())), 403, "forbidden");

        JsonObject revoked = created(admin.post("/api/v1/alerts/revocations", new JsonObject()
                .put("certificate", stolen.pem()).put("reason", "Khóa bị lộ"))).json();

        assertThat(revoked.getString("subject")).contains("Trạm đo bị mất khóa");
        assertRefused(admin.post("/api/v1/alerts/revocations", new JsonObject().put("certificate", stolen.pem())), 409,
                "duplicate_revocation");
        assertRefused(post(signed(cap(unique("AFTER")), stolen, stolen)), 403, "certificate_revoked");
        assertThat(post(signed(cap(unique("OTHER")), station, station)).status()).as("the CA's other station")
                .isEqualTo(201);
        assertThat(admin.get("/api/v1/alerts/revocations").array().encode()).contains(revoked.getString("fingerprint"));
        assertThat(admin.get("/api/v1/audit?action=alert.authority.revoke&target=alert-revocation:"
                + revoked.getLong("id")).array()).hasSize(1);
        assertThat(admin.get("/api/v1/audit?action=alert.refused&limit=100").array().encode())
                .contains("certificate_revoked");
    }

    @Test
    void loaPublishesItsAlertsAsCapSignedWithItsOwnKey() throws Exception {
        long id = created(post(cap(unique("PUBLISH")))).json().getLong("id");

        Api.Reply published = admin.get("/api/v1/alerts/" + id + ".cap");

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.headers().firstValue("Content-Type").orElse("")).startsWith("application/cap+xml");
        byte[] xml = published.bytes();
        Document doc = PARSER.document(xml);
        assertThat(PARSER.parse(doc).infos().get(0).areas().get(0).areaDesc()).isEqualTo("Thôn Ký");
        X509Certificate loa = certificateIn(new String(xml, StandardCharsets.UTF_8));
        assertThat(CapSignatures.verify(doc, List.of(loa), true, Instant.now())).contains("Loa");
        Document tampered = PARSER.document(new String(xml, StandardCharsets.UTF_8).replace("Thôn Ký", "Thôn Khác")
                .getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CapSignatures.verify(tampered, List.of(loa), true,
                Instant.now())).hasMessageContaining("không khớp");
        assertThat(certificateIn(admin.get("/api/v1/alerts/" + id + ".cap").body())).as("the key is kept")
                .isEqualTo(loa);
        assertRefused(province.clerkB.get("/api/v1/alerts/" + id + ".cap"), 404, "not_found");

        // A JSON alert is published as CAP too, its time in CAP's form.
        long json = created(AlertsIT.post(new JsonObject().put("headline", "Sạt lở").put("zones", new JsonArray()
                .add("thon-ky")).put("severity", "Minor").encode(), "application/json", key)).json().getLong("id");
        byte[] jsonCap = admin.get("/api/v1/alerts/" + json + ".cap").bytes();
        assertThat(CapSignatures.verify(PARSER.document(jsonCap), List.of(loa), true, Instant.now())).contains("Loa");
    }

    @Test
    void loaPublishesItsUnitsAlertsAsAnAtomFeedOfSchemaValidSignedCap() throws Exception {
        String identifier = unique("FEED");
        String withExpiry = cap(identifier).replace("<certainty>Observed</certainty>", "<certainty>Observed</certainty>"
                + "<expires>" + AlertsIT.capTime(java.time.OffsetDateTime.now().plusHours(2)) + "</expires>");
        long id = created(post(withExpiry)).json().getLong("id");

        Api.Reply feed = admin.get("/api/v1/alerts/feed.atom");

        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document atom = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.bytes()));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        org.w3c.dom.NodeList links = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        String href = null;
        for (int i = 0; i < links.getLength(); i++) {
            org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(i);
            if (link.getAttribute("href").endsWith("/api/v1/alerts/" + id + ".cap")) {
                assertThat(link.getAttribute("type")).isEqualTo("application/cap+xml");
                href = link.getAttribute("href");
            }
        }
        assertThat(href).as("an entry linking to the alert's CAP").isNotNull().startsWith(server.baseUrl());
        byte[] xml = admin.get(href.substring(server.baseUrl().length())).bytes();
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CapParser.class.getResource("/cap/CAP-v1.2.xsd")).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new ByteArrayInputStream(xml)));
        var published = PARSER.parse(PARSER.document(xml));
        assertThat(published.identifier()).isEqualTo(identifier);
        assertThat(published.infos().get(0).expires()).as("its expiry published").isNotNull();
        assertThat(CapSignatures.verify(PARSER.document(xml), List.of(certificateIn(new String(xml,
                StandardCharsets.UTF_8))), true, Instant.now())).contains("Loa");
        assertThat(province.clerkB.get("/api/v1/alerts/feed.atom").body()).as("another unit's feed")
                .doesNotContain(identifier);
    }

    private static X509Certificate certificateIn(String xml) throws Exception {
        Matcher m = Pattern.compile("<(?:\\w+:)?X509Certificate>([^<]+)<").matcher(xml);
        assertThat(m.find()).as("a certificate in the signature").isTrue();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(1).replace("&#13;", ""))));
    }
}
