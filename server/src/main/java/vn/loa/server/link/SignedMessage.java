package vn.loa.server.link;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * An envelope on the wire: {@code {"payload": base64url(UTF-8 JSON of the envelope), "signature": base64url(Ed25519
 * over the payload's bytes)}}. The signature covers the exact bytes carried, so neither side needs a canonical JSON
 * form. A pure codec: no clock, no database.
 */
public record SignedMessage(String payload, String signature) {

    public static SignedMessage sign(Envelope envelope, PrivateKey key) {
        byte[] bytes = envelope.json().encode().getBytes(StandardCharsets.UTF_8);
        return new SignedMessage(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                LinkKeys.sign(key, bytes));
    }

    public JsonObject json() {
        return new JsonObject().put("payload", payload).put("signature", signature);
    }

    /** The message of its JSON form; {@link IllegalArgumentException} when a part is missing. */
    public static SignedMessage of(JsonObject json) {
        Object payload = json == null ? null : json.getValue("payload");
        Object signature = json == null ? null : json.getValue("signature");
        if (!(payload instanceof String p) || !(signature instanceof String s)) {
            throw new IllegalArgumentException("a signed message has a 'payload' and a 'signature' (strings)");
        }
        return new SignedMessage(p, s);
    }

    /** The envelope as its sender wrote it, before anyone checked who that was; for finding the sender's key. */
    public Envelope unverified() {
        try {
            return Envelope.of(new JsonObject(new String(bytes(), StandardCharsets.UTF_8)));
        } catch (DecodeException e) {
            throw new IllegalArgumentException("the payload is not JSON", e);
        }
    }

    /** True when the signature is {@code key}'s over the payload. */
    public boolean signedBy(PublicKey key) {
        return LinkKeys.verify(key, bytes(), signature);
    }

    private byte[] bytes() {
        try {
            return Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the payload is not base64url", e);
        }
    }
}
