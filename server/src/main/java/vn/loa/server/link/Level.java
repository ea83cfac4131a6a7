package vn.loa.server.link;

import vn.loa.core.model.Announcement;
import vn.loa.core.model.Priority;

/**
 * The three levels of a bulletin from the information-source system (TT 39/2020, guides 1273 and 2455/BTTTT-TTCS).
 * An upstream Loa derives the level from its announcement: EMERGENCY is khẩn cấp; a notice the upstream gave a time
 * is ưu tiên (it airs at that time, the commune does not move it); any other is thông thường (the commune decides
 * when).
 */
public enum Level {
    /** Thông thường: arrives APPROVED (or SUBMITTED), the commune places it in its programme. */
    THONG_THUONG,
    /** Ưu tiên: airs as soon as its window opens. */
    UU_TIEN,
    /** Khẩn cấp: airs at once as EMERGENCY. */
    KHAN_CAP;

    public static Level of(Announcement a) {
        if (a.priority() == Priority.EMERGENCY) {
            return KHAN_CAP;
        }
        return a.schedule().at() != null && a.schedule().cron() == null ? UU_TIEN : THONG_THUONG;
    }
}
