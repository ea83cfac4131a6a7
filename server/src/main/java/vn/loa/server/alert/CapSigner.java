package vn.loa.server.alert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;

/**
 * Signs a CAP document with an enveloped XML-DSig signature over the whole message (exclusive C14N, SHA-256, ECDSA or
 * RSA by the key), carrying the signer's certificate: the form {@link CapSignatures} accepts.
 */
public final class CapSigner {

    private CapSigner() {
    }

    /** Appends the signature as the last child of the document's root. */
    public static void sign(Document doc, PrivateKey key, X509Certificate certificate) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            String method = "EC".equals(key.getAlgorithm()) ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                    : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
            SignedInfo info = factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), factory.newSignatureMethod(method, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate))));
            factory.newXMLSignature(info, keyInfo).sign(new DOMSignContext(key, doc.getDocumentElement()));
        } catch (java.security.GeneralSecurityException | javax.xml.crypto.MarshalException
                | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the CAP message", e);
        }
    }
}
