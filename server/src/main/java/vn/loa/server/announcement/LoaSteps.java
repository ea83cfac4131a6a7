package vn.loa.server.announcement;

import java.util.Optional;
import vn.loa.core.model.Announcement;

/**
 * What the air, the programme clock, the relays and the hotline need of the lifecycle: Loa's own steps and the stored
 * announcement they act on.
 *
 * <p>It exists to break a loop: {@link AnnouncementService} hands what it broadcasts to the air ({@link AirControl}),
 * and the air reports back how it went (on air, done, failed). With this narrow door the air is built first, on the
 * steps, and the service after it, on the air; neither is connected to the other after construction.
 */
public interface LoaSteps {

    /**
     * A step Loa takes by itself, recorded with the actor {@code loa}; false when the announcement was no longer in
     * the step's starting state (cancelled meanwhile, say).
     */
    boolean advance(long id, LoaStep step, String reason);

    /** The stored announcement, for Loa's own use (no caller, no scope). */
    Optional<Announcement> find(long id);
}
