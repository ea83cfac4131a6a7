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

/**
 * Issues and checks the bearer tokens of the API: HS256 JWTs that carry the user's name, role and unit, and expire.
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

    public String issue(String username, Role role, String unitId, String unitPath) {
        JsonObject claims = new JsonObject()
                .put("sub", username)
                .put("role", role.wireName())
                .put("unit", unitId)
                .put("unitPath", unitPath);
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttl.toSeconds()));
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    /** The caller a valid, unexpired token names; fails with {@code ApiError.unauthorized()} otherwise. */
    public Future<Caller> verify(String token, String address) {
        return jwt.authenticate(new TokenCredentials(token))
                .map(user -> {
                    JsonObject p = user.principal();
                    return new Caller(p.getString("sub"), Role.fromWire(p.getString("role")), p.getString("unit"),
                            p.getString("unitPath"), address);
                })
                .recover(e -> Future.failedFuture(vn.loa.server.http.ApiError.unauthorized()));
    }
}
