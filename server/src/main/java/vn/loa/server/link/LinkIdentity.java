package vn.loa.server.link;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.db.Rows;
import vn.loa.server.secret.SecretCipher;

/**
 * This server's own Ed25519 key pair, made at first use and kept in {@code link_identity}, the private key sealed
 * with the server's secret key (ADR 0023) so a database copy alone cannot sign as this system. Immutable once loaded.
 */
public final class LinkIdentity {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinkIdentity.class);

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private LinkIdentity(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static LinkIdentity loadOrCreate(Jdbi jdbi, SecretCipher cipher, Instant now) {
        return jdbi.inTransaction(h -> {
            var row = h.createQuery("SELECT public_key, private_key FROM link_identity WHERE id = 1")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
            if (row.isPresent()) {
                try {
                    return new LinkIdentity(LinkKeys.publicKey(row.get()[0]),
                            LinkKeys.privateKey(cipher.open(row.get()[1])));
                } catch (IllegalStateException sealedWithAnotherKey) {
                    // The server's secret key changed (LOA_SECRET_KEY, secret.key): the old private key is lost as a
                    // plugin's secrets are. The server still starts, under a new key the other side must learn again.
                    LOG.error("Không mở được khóa liên thông bằng khóa bí mật hiện tại của máy chủ; đã tạo khóa mới: "
                            + "hãy liên kết lại với cấp trên (PUT /api/v1/upstream) và các cấp dưới. / The link key "
                            + "could not be opened with this server's secret key; a new one was made: link again.");
                    h.execute("DELETE FROM link_identity WHERE id = 1");
                }
            }
            KeyPair pair = LinkKeys.generate();
            h.createUpdate("INSERT INTO link_identity (id, public_key, private_key, created_at) VALUES (1, :pub, :priv, "
                            + ":at)")
                    .bind("pub", LinkKeys.encode(pair.getPublic()))
                    .bind("priv", cipher.seal(LinkKeys.encode(pair.getPrivate()))).bind("at", Rows.utc(now)).execute();
            return new LinkIdentity(pair.getPublic(), pair.getPrivate());
        });
    }

    public String publicKeyText() {
        return LinkKeys.encode(publicKey);
    }

    public SignedMessage sign(Envelope envelope) {
        return SignedMessage.sign(envelope, privateKey);
    }
}
