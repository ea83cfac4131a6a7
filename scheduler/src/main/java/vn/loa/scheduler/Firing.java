package vn.loa.scheduler;

import java.time.Instant;

/**
 * What the programme clock calls when an item's time comes: the service behind the thin Quartz job. Called on a
 * Quartz worker thread; an implementation hands the airing over and returns quickly.
 */
public interface Firing {

    /** The item is due at {@code due} and fires now, at {@code firedAt} (later than due after downtime). */
    void fire(String item, Instant due, Instant firedAt);

    /**
     * The item was due at {@code due} but the clock was down longer than the late limit, so this airing is skipped
     * (a repeating item keeps its later airings).
     */
    void missed(String item, Instant due);
}
