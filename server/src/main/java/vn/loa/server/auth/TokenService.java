package vn.loa.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import vn.loa.server.refusal.Refusal;

/**
 * Issues and checks the bearer tokens of the API: HS256 JWTs that carry the user's name and their session id, and
 * expire. The role and unit are not in the token: {@link Sessions} reads them from the database on each request.
 *
 * <p>The signing key is kept in the database so that tokens survive a restart and every server of a cluster accepts
 * them. Thread-safe.
 */
public final class TokenService {

    private final JWTAuth jwt;
    private final Duration ttl;

    public TokenService(Vertx vertx, String signingKey, Duration ttl) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(signingKey)));
        this.ttl = ttl;
    }

    /** What a valid token says: whose it is and which session it belongs to. */
    public record Claims(String username, String sessionId) {
    }

    public String issue(String username, String sessionId) {
        JsonObject claims = new JsonObject()
                .put("sub", username)
                .put("sid", sessionId);
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttl.toSeconds()));
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    /**
     * The claims of a valid, unexpired token; fails with {@code Refusal.unauthenticated()} otherwise, also for a token of
     * an older version that names no session.
     */
    public Future<Claims> verify(String token) {
        return jwt.authenticate(new TokenCredentials(token))
                .compose(user -> {
                    JsonObject p = user.principal();
                    String sub = p.getString("sub");
                    String sid = p.getString("sid");
                    return sub == null || sid == null ? Future.failedFuture(Refusal.unauthenticated())
                            : Future.succeededFuture(new Claims(sub, sid));
                })
                .recover(e -> Future.failedFuture(Refusal.unauthenticated()));
    }
}
