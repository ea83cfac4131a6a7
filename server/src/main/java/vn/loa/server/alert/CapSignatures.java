package vn.loa.server.alert;

import java.security.Key;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.loa.server.refusal.Refusal;

/**
 * Checks the XML-DSig enveloped signature of a CAP message with the JDK's {@code javax.xml.crypto.dsig} API, secure
 * validation on, against the certificates an admin trusts (ADR 0046). The signature must cover the whole message
 * ({@code URI=""} with the enveloped transform) and name its key by an X.509 certificate or a key value; the key is
 * trusted when its certificate is a trusted one or was issued by one, and neither has expired. Pure: no I/O.
 */
public final class CapSignatures {

    static final String DSIG_NS = XMLSignature.XMLNS;

    private CapSignatures() {
    }

    /**
     * The subject of the trusted certificate that signed {@code doc}, null when it is unsigned and signatures are not
     * required; otherwise a {@link Refusal} with its own code for each reason.
     */
    public static String verify(Document doc, List<X509Certificate> trusted, boolean required, Instant now) {
        return verify(doc, trusted, java.util.Set.of(), required, now);
    }

    /**
     * As {@link #verify(Document, List, boolean, Instant)}, refusing (403 {@code certificate_revoked}) a message whose
     * signing certificate, or the trusted certificate vouching for it, has its SHA-256 fingerprint in {@code revoked}.
     */
    public static String verify(Document doc, List<X509Certificate> trusted, java.util.Set<String> revoked,
            boolean required, Instant now) {
        List<Element> signatures = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                signatures.add(e);
            }
        }
        if (signatures.isEmpty()) {
            if (required) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "signature_required", "Đơn vị chỉ nhận bản tin CAP có chữ "
                        + "ký số (XML-DSig) của cơ quan cảnh báo tin cậy; bản tin này không có chữ ký.");
            }
            return null;
        }
        if (signatures.size() > 1) {
            throw invalid("Bản tin có nhiều hơn một chữ ký <Signature>; Loa nhận đúng một chữ ký bao trọn bản tin.");
        }
        TrustSelector selector = new TrustSelector(trusted, revoked, now);
        DOMValidateContext context = new DOMValidateContext(selector, signatures.get(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature signature;
        boolean valid;
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            signature = factory.unmarshalXMLSignature(context);
            requireWholeMessage(signature);
            valid = signature.validate(context);
        } catch (MarshalException e) {
            throw invalid("Chữ ký <Signature> sai cấu trúc: " + e.getMessage());
        } catch (XMLSignatureException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KeySelectorException && selector.refusal != null) {
                throw selector.refusal;
            }
            throw invalid("Không kiểm được chữ ký (thuật toán bị cấm hoặc không hỗ trợ?): " + e.getMessage());
        }
        if (selector.refusal != null) {
            throw selector.refusal;
        }
        if (!valid) {
            throw new Refusal(Refusal.Kind.UNUSABLE, "signature_mismatch", "Chữ ký số không khớp nội dung: bản tin "
                    + "đã bị sửa sau khi ký, hoặc được ký bằng khóa khác với chứng thư đi kèm.");
        }
        return selector.signer;
    }

    private static void requireWholeMessage(XMLSignature signature) {
        List<?> references = signature.getSignedInfo().getReferences();
        boolean whole = references.size() == 1 && "".equals(((Reference) references.get(0)).getURI())
                && ((Reference) references.get(0)).getTransforms().stream()
                        .anyMatch(t -> Transform.ENVELOPED.equals(((Transform) t).getAlgorithm()));
        if (!whole) {
            throw invalid("Chữ ký phải bao trọn bản tin: đúng một <Reference URI=\"\"> với phép biến đổi enveloped.");
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.UNUSABLE, "signature_invalid", message);
    }

    /** Picks the key from KeyInfo and accepts it only when a trusted, unexpired certificate vouches for it. */
    private static final class TrustSelector extends KeySelector {

        private final List<X509Certificate> trusted;
        private final java.util.Set<String> revoked;
        private final Date now;
        private Refusal refusal;
        private String signer;

        TrustSelector(List<X509Certificate> trusted, java.util.Set<String> revoked, Instant now) {
            this.trusted = trusted;
            this.revoked = revoked;
            this.now = Date.from(now);
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw refuse(invalid("Chữ ký thiếu <KeyInfo>: cần chứng thư X.509 hoặc khóa công khai của người ký."));
            }
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object entry : data.getContent()) {
                        if (entry instanceof X509Certificate certificate) {
                            PublicKey key = vouched(certificate);
                            return () -> key;
                        }
                    }
                } else if (item instanceof KeyValue value) {
                    try {
                        PublicKey key = value.getPublicKey();
                        for (X509Certificate t : trusted) {
                            if (Arrays.equals(t.getPublicKey().getEncoded(), key.getEncoded())) {
                                unrevoked(t);
                                unexpired(t);
                                signer = t.getSubjectX500Principal().getName();
                                return () -> key;
                            }
                        }
                    } catch (java.security.KeyException e) {
                        throw refuse(invalid("Khóa công khai trong <KeyValue> không đọc được."));
                    }
                    throw refuse(untrusted("khóa công khai trong <KeyValue>"));
                }
            }
            throw refuse(invalid("<KeyInfo> không có chứng thư X.509 hay khóa công khai nào."));
        }

        private PublicKey vouched(X509Certificate certificate) throws KeySelectorException {
            for (X509Certificate t : trusted) {
                boolean same = t.equals(certificate);
                boolean issued = !same && t.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                        && verifies(certificate, t.getPublicKey());
                if (same || issued) {
                    unrevoked(certificate);
                    unrevoked(t);
                    unexpired(certificate);
                    unexpired(t);
                    signer = certificate.getSubjectX500Principal().getName();
                    return certificate.getPublicKey();
                }
            }
            throw refuse(untrusted("chứng thư '" + certificate.getSubjectX500Principal().getName() + "'"));
        }

        private void unrevoked(X509Certificate certificate) throws KeySelectorException {
            if (revoked.contains(AlertAuthorities.fingerprint(certificate))) {
                throw refuse(new Refusal(Refusal.Kind.FORBIDDEN, "certificate_revoked", "Chứng thư '"
                        + certificate.getSubjectX500Principal().getName() + "' đã bị thu hồi; bản tin ký bằng nó bị "
                        + "từ chối."));
            }
        }

        private void unexpired(X509Certificate certificate) throws KeySelectorException {
            try {
                certificate.checkValidity(now);
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw refuse(new Refusal(Refusal.Kind.UNUSABLE, "certificate_expired", "Chứng thư '"
                        + certificate.getSubjectX500Principal().getName() + "' chỉ có hiệu lực từ "
                        + certificate.getNotBefore().toInstant() + " đến " + certificate.getNotAfter().toInstant()
                        + "; bản tin ký bằng nó bị từ chối."));
            }
        }

        private static boolean verifies(X509Certificate certificate, Key issuer) {
            try {
                certificate.verify((PublicKey) issuer);
                return true;
            } catch (java.security.GeneralSecurityException e) {
                return false;
            }
        }

        private KeySelectorException refuse(Refusal why) {
            refusal = why;
            return new KeySelectorException(why.getMessage());
        }

        private static Refusal untrusted(String what) {
            return new Refusal(Refusal.Kind.FORBIDDEN, "signer_untrusted", "Bản tin được ký bằng " + what
                    + ", không thuộc cơ quan cảnh báo nào đơn vị tin cậy. Quản trị viên thêm chứng thư tại POST "
                    + "/api/v1/alerts/authorities.");
        }
    }
}
