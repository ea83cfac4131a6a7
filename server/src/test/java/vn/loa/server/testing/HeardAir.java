package vn.loa.server.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.core.model.Announcement;
import vn.loa.server.announcement.AirControl;

/** The air as the lifecycle sees it, in a unit test: it only notes what it is told ({@code "scheduled 3"}). */
public final class HeardAir implements AirControl {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void scheduled(Announcement announcement) {
        heard.add("scheduled " + announcement.id());
    }

    @Override
    public void cancelled(long announcementId) {
        heard.add("cancelled " + announcementId);
    }

    /** What it was told, in order. */
    public List<String> heard() {
        return List.copyOf(heard);
    }
}
