package vn.loa.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.user.PasswordHasher;
import vn.loa.server.access.Role;
import vn.loa.server.user.User;
import vn.loa.server.user.UserRepository;
import vn.loa.server.zone.ZoneRepository;

/**
 * First-start set-up of an empty database: the root unit, the first user {@code admin} and the token signing key.
 * Runs in one transaction, so a crash half-way leaves an empty database that the next start sets up again.
 */
final class Bootstrap {

    static final String ROOT_ZONE = "root";
    static final String ADMIN = "admin";

    /** What start-up must tell the operator: the generated admin password, if one was generated now. */
    record Outcome(String signingKey, Optional<String> generatedPassword) {
    }

    private Bootstrap() {
    }

    static Outcome run(Jdbi jdbi, String rootName, String adminPassword, PasswordHasher hasher, Clock clock) {
        SecureRandom random = new SecureRandom();
        return jdbi.inTransaction(h -> {
            String key = h.createQuery("SELECT setting_value FROM setting WHERE setting_key = 'jwt.key'").mapTo(String.class)
                    .findOne().orElse(null);
            if (key == null) {
                key = randomText(random, 48);
                h.createUpdate("INSERT INTO setting (setting_key, setting_value) VALUES ('jwt.key', :v)")
                        .bind("v", key).execute();
            }
            UserRepository users = new UserRepository();
            if (users.any(h)) {
                return new Outcome(key, Optional.empty());
            }
            ZoneRepository zones = new ZoneRepository();
            Zone root = zones.find(h, ROOT_ZONE).orElseGet(() -> {
                Zone z = new Zone(ROOT_ZONE, rootName, null, "/" + ROOT_ZONE + "/");
                zones.insert(h, z, clock.instant());
                return z;
            });
            boolean generate = adminPassword == null || adminPassword.isBlank();
            String password = generate ? randomText(random, 12) : adminPassword;
            users.insert(h, new User(ADMIN, "Quản trị viên", Role.ADMIN, root.id(), root.path(), true),
                    hasher.hash(password), clock.instant());
            if (generate) {
                // A password printed on a console may be read by others: the admin replaces it at first sign-in.
                users.mustChangePassword(h, ADMIN, true);
            }
            return new Outcome(key, generate ? Optional.of(password) : Optional.empty());
        });
    }

    private static String randomText(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
