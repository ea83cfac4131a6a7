package vn.loa.server.air;

import java.util.Optional;
import java.util.function.Function;
import vn.loa.core.model.Announcement;

/**
 * What an announcement sounds like when it carries a programme session: its run order played item by item rather than
 * its text (ADR 0053). Asked before an announcement's own content on every airing.
 */
public interface SessionAir {

    /** No sessions: every announcement sounds as its content. */
    SessionAir NONE = (a, unitPath, plain) -> Optional.empty();

    /**
     * The session {@code a} carries, or empty when it carries none; {@code plain} is what any announcement sounds like
     * (for the notices and the time signal inside the session). Blocks briefly on the database.
     */
    Optional<Sound> of(Announcement a, String unitPath, Function<Announcement, Sound> plain);
}
