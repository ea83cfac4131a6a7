package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.TestSigner;

/** Signature checks on CAP messages signed here with keys and certificates keytool makes for the test. */
class CapSignaturesTest {

    static final String CAP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>KTTV-2026-1</identifier>
              <sender>kttv@nchmf.gov.vn</sender>
              <sent>2026-12-01T10:00:00+07:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <category>Met</category>
                <event>Lũ quét</event>
                <urgency>Immediate</urgency>
                <severity>Severe</severity>
                <certainty>Observed</certainty>
                <area><areaDesc>Thôn Đông</areaDesc></area>
              </info>
            </alert>
            """;

    private static final CapParser PARSER = new CapParser();
    private static TestSigner authority;
    private static TestSigner stranger;
    private static TestSigner ca;
    private static TestSigner issued;
    private static TestSigner expired;
    private final Instant now = Instant.now();

    @BeforeAll
    static void keys() throws Exception {
        authority = TestSigner.selfSigned("Trung tâm Dự báo KTTV");
        stranger = TestSigner.selfSigned("Kẻ mạo danh");
        ca = TestSigner.selfSigned("CA thử nghiệm");
        issued = ca.issue("Đài KTTV tỉnh");
        expired = TestSigner.make("Chứng thư cũ", "-3d", 1);
    }

    static byte[] signed(String xml, PrivateKey key, X509Certificate certificate) throws Exception {
        Document doc = PARSER.document(xml.getBytes(StandardCharsets.UTF_8));
        CapSigner.sign(doc, key, certificate);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private String verify(byte[] xml, List<X509Certificate> trusted, boolean required) {
        return CapSignatures.verify(PARSER.document(xml), trusted, required, now);
    }

    @Test
    void aMessageSignedByATrustedAuthorityNamesItsSigner() throws Exception {
        byte[] xml = signed(CAP, authority.key(), authority.certificate());
        assertThat(verify(xml, List.of(stranger.certificate(), authority.certificate()), true))
                .contains("Trung tâm Dự báo KTTV");
        assertThat(PARSER.parse(PARSER.document(xml)).identifier()).as("the schema allows the signature")
                .isEqualTo("KTTV-2026-1");
    }

    @Test
    void aCertificateIssuedByATrustedCaIsTrusted() throws Exception {
        byte[] xml = signed(CAP, issued.key(), issued.certificate());
        assertThat(verify(xml, List.of(ca.certificate()), true)).contains("Đài KTTV tỉnh");
    }

    @Test
    void tamperedWrongKeyUntrustedExpiredAndUnsignedAreRefusedEachWithItsCode() throws Exception {
        byte[] good = signed(CAP, authority.key(), authority.certificate());
        byte[] tampered = new String(good, StandardCharsets.UTF_8).replace("Severe", "Minor")
                .getBytes(StandardCharsets.UTF_8);
        assertCode(() -> verify(tampered, List.of(authority.certificate()), false), "signature_mismatch");

        byte[] wrongKey = signed(CAP, stranger.key(), authority.certificate());
        assertCode(() -> verify(wrongKey, List.of(authority.certificate()), false), "signature_mismatch");

        byte[] strangers = signed(CAP, stranger.key(), stranger.certificate());
        assertCode(() -> verify(strangers, List.of(authority.certificate()), false), "signer_untrusted");
        assertCode(() -> verify(strangers, List.of(), false), "signer_untrusted");

        byte[] old = signed(CAP, expired.key(), expired.certificate());
        assertCode(() -> verify(old, List.of(expired.certificate()), false), "certificate_expired");

        byte[] unsigned = CAP.getBytes(StandardCharsets.UTF_8);
        assertCode(() -> verify(unsigned, List.of(authority.certificate()), true), "signature_required");
        assertThat(verify(unsigned, List.of(authority.certificate()), false)).isNull();
    }

    @Test
    void aSignatureThatDoesNotCoverTheWholeMessageIsRefused() throws Exception {
        String partial = new String(signed(CAP, authority.key(), authority.certificate()), StandardCharsets.UTF_8)
                .replace("URI=\"\"", "URI=\"#nothing\"");
        assertCode(() -> verify(partial.getBytes(StandardCharsets.UTF_8), List.of(authority.certificate()), false),
                "signature_invalid");
    }

    private static void assertCode(Runnable check, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).as(r.getMessage()).isEqualTo(code);
            assertThat(r.getMessage()).doesNotContain("Exception");
        });
    }
}
