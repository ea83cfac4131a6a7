package vn.loa.server.report;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the broadcast log (sổ nhật ký phát thanh): one time an announcement was on air, from the moment it went
 * on air to the moment it left (null while it still airs), where, from what source, who wrote and who approved it, and
 * how its loudspeakers took it.
 *
 * @param zonePaths the paths of {@code zones}, in the same order
 * @param outcome {@code DONE}, {@code FAILED}, {@code CANCELLED}, or {@code ON_AIR} while it still airs
 * @param approvedBy who approved it (display name), or null when it needed no approval (an emergency, a bulletin)
 * @param deliveries this airing's loudspeakers; empty when a later airing of the same series replaced their rows
 */
public record Airing(long announcement, String title, String source, String priority, List<String> zones,
        List<String> zonePaths, Instant start, Instant end, String outcome, String createdBy, String approvedBy,
        List<Delivery> deliveries) {

    /** How one loudspeaker (or a zone's multicast group) took the airing. */
    public record Delivery(String node, String name, String zonePath, String state, String detail) {
    }

    /** Seconds on air, up to {@code now} while it still airs. */
    public long seconds(Instant now) {
        return Math.max(0, java.time.Duration.between(start, end == null ? now : end).toSeconds());
    }

    /** True when it went to the zone at {@code zonePath}: aimed at it, at a zone above it, or at one inside it. */
    public boolean reaches(String zonePath) {
        return zonePaths.stream().anyMatch(p -> p.startsWith(zonePath) || zonePath.startsWith(p));
    }

    /** Deliveries in {@code state}. */
    public long count(String state) {
        return deliveries.stream().filter(d -> d.state().equals(state)).count();
    }
}
