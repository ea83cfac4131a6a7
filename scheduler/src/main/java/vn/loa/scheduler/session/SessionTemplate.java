package vn.loa.scheduler.session;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A daily or weekly session of one zone (buổi phát, e.g. 06:00–06:45): its parts in airing order, the jingle between
 * the items of a smart block, the overrun rule, and the fallback that covers dead air (a stream URL, or recordings
 * with a tag).
 *
 * @param days the weekdays it airs; empty means every day
 */
public record SessionTemplate(long id, String zone, String name, Set<DayOfWeek> days, LocalTime start, LocalTime end,
        List<SessionPart> parts, String betweenJingle, OverrunRule overrun, String fallbackUrl, String fallbackTag) {

    public SessionTemplate {
        days = Set.copyOf(days);
        parts = List.copyOf(parts);
    }

    /** How long a session lasts. */
    public Duration length() {
        return Duration.between(start, end);
    }

    /** The Quartz cron rule (with seconds) that starts the session on its days, in station time. */
    public String cron() {
        String weekdays = days.isEmpty() || days.size() == 7 ? "*" : days.stream().sorted()
                .map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        return start.getSecond() + " " + start.getMinute() + " " + start.getHour() + " ? * " + weekdays;
    }

    /** What a session's time signal says at its start: the normaliser reads the digits as words. */
    public String timeSignal() {
        return start.getMinute() == 0 ? "Bây giờ là " + start.getHour() + " giờ."
                : "Bây giờ là " + start.getHour() + " giờ " + start.getMinute() + " phút.";
    }
}
