package vn.loa.server.alert;

import java.time.Instant;
import java.util.List;

/**
 * Where an alert goes besides the loudspeakers: the display boards of its zones, as a banner. The boards' banner
 * support (issue 6) was not in the server when alerts were built, so the server wires {@link #NONE}; the boards
 * implement this and the server passes theirs to {@link AlertService}.
 */
public interface AlertBanners {

    /**
     * Shows {@code headline} (and {@code text}) on the boards below {@code zones} until withdrawn or until
     * {@code expires} (null: until withdrawn). Must not block.
     */
    void show(long alertId, List<String> zones, String severity, String headline, String text, Instant expires);

    /**
     * The alert's banner stands for the banners its own EMERGENCY announcements would raise, so a board shows one
     * banner, with the alert's end (a board cut off takes it down then). Must not block.
     */
    default void covers(List<Long> announcementIds) {
    }

    /** Takes the banner of an alert down (Cancel, or replaced by an Update). Must not block. */
    void withdraw(long alertId);

    /** No boards: banners go nowhere. */
    AlertBanners NONE = new AlertBanners() {
        @Override
        public void show(long alertId, List<String> zones, String severity, String headline, String text,
                Instant expires) {
        }

        @Override
        public void withdraw(long alertId) {
        }
    };
}
