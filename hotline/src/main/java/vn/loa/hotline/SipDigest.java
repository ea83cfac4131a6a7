package vn.loa.hotline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * SIP digest authentication as a server does it (RFC 2617 / RFC 7616 with MD5, the algorithm desk phones and
 * softphones speak): the challenge's nonce, and the check of a phone's answer against the stored
 * HA1 = MD5(user:realm:password). JAIN-SIP parses the headers; its own {@code DigestServerAuthenticationHelper}
 * answers only proxy challenges, ignores {@code qop}/{@code nc} and never checks a nonce, so the arithmetic is here.
 *
 * <p>Nonces are stateless (issue time and an HMAC under a key made at start), live {@link #NONCE_MILLIS}, and an
 * answer is accepted once: a captured INVITE cannot be replayed. Thread-safe.
 */
public final class SipDigest {

    /** How long a nonce may be answered: enough for a phone to resend its INVITE, too short to collect many. */
    static final long NONCE_MILLIS = 60_000;
    private static final int MAX_REMEMBERED = 20_000;

    /** What the check of an answer found. */
    public enum Verdict { ACCEPTED, STALE, WRONG }

    private final String realm;
    private final LongSupplier millis;
    private final SecretKeySpec key;
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    public SipDigest(String realm, LongSupplier millis) {
        this.realm = realm;
        this.millis = millis;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A fresh nonce: issue time, then an HMAC of it, both hex. */
    public String nonce() {
        String issued = Long.toHexString(millis.getAsLong());
        return issued + "." + mac(issued);
    }

    /** The challenge of a 401: our realm, a fresh nonce, MD5 with {@code qop=auth}; stale when an old nonce came. */
    public WWWAuthenticateHeader challenge(HeaderFactory headers, boolean stale) throws ParseException {
        WWWAuthenticateHeader challenge = headers.createWWWAuthenticateHeader("Digest");
        challenge.setRealm(realm);
        challenge.setNonce(nonce());
        challenge.setAlgorithm("MD5");
        challenge.setQop("auth");
        if (stale) {
            challenge.setParameter("stale", "true");
        }
        return challenge;
    }

    /**
     * Checks a phone's answer for {@code method}: the user must be {@code user}, the realm ours, the nonce ours and
     * fresh, the response right for {@code ha1} and not seen before. STALE asks the phone to answer a new nonce.
     */
    public Verdict verify(AuthorizationHeader auth, String method, String user, String ha1) {
        String nonce = auth.getNonce();
        if (!user.equals(auth.getUsername()) || !realm.equals(auth.getRealm()) || nonce == null) {
            return Verdict.WRONG;
        }
        if (!ours(nonce)) {
            return Verdict.STALE;
        }
        String uri = auth.getParameter("uri") != null ? auth.getParameter("uri") : String.valueOf(auth.getURI());
        String expected = response(ha1, nonce, auth.getParameter("nc"), auth.getCNonce(), auth.getQop(), method, uri);
        String given = auth.getResponse() == null ? "" : auth.getResponse().toLowerCase(java.util.Locale.ROOT);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG;
        }
        forgetOld();
        return used.putIfAbsent(given, millis.getAsLong()) == null ? Verdict.ACCEPTED : Verdict.STALE;
    }

    /** HA1 = MD5(user:realm:password), what is stored instead of the password. */
    public static String ha1(String user, String realm, String password) {
        return md5(user + ":" + realm + ":" + password);
    }

    /** The expected response (RFC 2617 3.2.2.1): with {@code qop=auth} the nonce count and client nonce count in. */
    static String response(String ha1, String nonce, String nc, String cnonce, String qop, String method, String uri) {
        String ha2 = md5(method + ":" + uri);
        if (qop != null && !qop.isEmpty()) {
            return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        }
        return md5(ha1 + ":" + nonce + ":" + ha2);
    }

    private boolean ours(String nonce) {
        int dot = nonce.indexOf('.');
        if (dot < 1 || dot > 16) {
            return false;
        }
        String issued = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(mac(issued).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        long age = millis.getAsLong() - Long.parseUnsignedLong(issued, 16);
        return age >= 0 && age <= NONCE_MILLIS;
    }

    private void forgetOld() {
        long now = millis.getAsLong();
        used.values().removeIf(at -> now - at > NONCE_MILLIS);
        if (used.size() > MAX_REMEMBERED) {
            used.clear(); // the nonces they answered expire soon; a flood must not grow memory
        }
    }

    private String mac(String text) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(ByteBuffer.wrap(hmac.doFinal(text.getBytes(StandardCharsets.US_ASCII)))
                    .array(), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
