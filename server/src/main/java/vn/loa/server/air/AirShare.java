package vn.loa.server.air;

/**
 * How this server shares the air with the other members of a cluster (ADR 0038): which zone streams it may send now,
 * and the news it gives the others. Alone, it holds every zone and has no one to tell.
 *
 * <p>{@link #holds} is asked before every packet leaves (fencing), from the pacing thread: it must answer at once.
 */
public interface AirShare {

    /** One server, no cluster: every zone is its own. */
    AirShare ALONE = new AirShare() {
        @Override
        public boolean holds(String zone) {
            return true;
        }

        @Override
        public void aired(long announcementId) {
        }

        @Override
        public void cancelled(long announcementId) {
        }
    };

    /** Whether this member may send {@code zone}'s streams now: it holds the zone's lease and the lease still runs. */
    boolean holds(String zone);

    /** An announcement went on air here: the members holding its other zones air it there. */
    void aired(long announcementId);

    /** An announcement was cancelled here: the other members take it off their air too. */
    void cancelled(long announcementId);

    /**
     * The web address of the member whose lease on {@code zone} runs now ({@code http://host:port}), where an agent
     * this member sends on should go; empty while none holds it, and alone. Blocks (the database).
     */
    default String ownerOf(String zone) {
        return "";
    }
}
