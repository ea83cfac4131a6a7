package vn.loa.server.announcement;

import vn.loa.core.model.Announcement;

/** The way from the announcement lifecycle to the air: start what is due, take back what is cancelled. */
public interface AirControl {

    /** Called after an announcement was put in SCHEDULED: airs it now if its time has come. Must not block. */
    void scheduled(Announcement announcement);

    /** Called after an announcement was cancelled: takes it off air wherever it plays or waits. Must not block. */
    void cancelled(long announcementId);

    /**
     * Called after a SCHEDULED one-off announcement was moved to a later time: takes back what was planned or sent
     * ahead for the old time (agents' prefetched file included) and plans it anew. Must not block.
     */
    default void rescheduled(Announcement announcement) {
        cancelled(announcement.id());
        scheduled(announcement);
    }

    /** Does nothing: for a server that only stores announcements. */
    AirControl NONE = new AirControl() {
        @Override
        public void scheduled(Announcement announcement) {
        }

        @Override
        public void cancelled(long announcementId) {
        }
    };
}
