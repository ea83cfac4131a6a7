package vn.loa.scheduler.session;

import java.time.Duration;
import java.util.List;

/** What a session is filled from on its day: the server reads it from its database; tests make it up. */
public interface Material {

    /** An uploaded recording's length; zero when there is no such recording. */
    Duration lengthOf(String audioId);

    /** How long the speech engine is expected to take to say {@code text}. */
    Duration spoken(String text);

    /** The day's approved notices for the zone, in the order they air (priority, then approval). */
    List<Notice> notices();

    /** The recordings smart blocks choose from. */
    List<Recording> library();
}
