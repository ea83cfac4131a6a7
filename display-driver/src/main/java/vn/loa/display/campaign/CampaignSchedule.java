package vn.loa.display.campaign;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.loa.display.screen.PlaylistItem;

/**
 * What a board plays at a moment among the campaigns scheduled to it: the rotation campaigns of the highest priority
 * playing then (several of equal priority play one after another, in order of id); when none plays, the board's own
 * playlist in its own layout (the fallback). Interrupts and overlays of every priority play on top. Pure.
 */
public final class CampaignSchedule {

    private CampaignSchedule() {
    }

    /**
     * What to play.
     *
     * @param rotation   the items in rotation (the board's own when {@code fallback})
     * @param layout     the layout a campaign asks for; null: the board's own
     * @param interrupts the interrupt campaigns playing now
     * @param overlay    the text of the overlay campaign of highest priority playing now, or null
     */
    public record Selection(List<PlaylistItem> rotation, String layout, boolean fallback, List<Campaign> interrupts,
            String overlay) {
    }

    public static Selection at(List<Campaign> campaigns, List<PlaylistItem> ownPlaylist, ZonedDateTime local) {
        List<Campaign> playing = campaigns.stream().filter(c -> c.playsAt(local))
                .sorted(Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::id)).toList();
        List<Campaign> interrupts = playing.stream().filter(c -> c.mode() == Campaign.Mode.INTERRUPT
                && !c.items().isEmpty() && c.shareSeconds() > 0).toList();
        String overlay = playing.stream().filter(c -> c.mode() == Campaign.Mode.OVERLAY && !c.items().isEmpty())
                .map(c -> c.items().get(0).title()).findFirst().orElse(null);
        List<Campaign> rotation = playing.stream().filter(c -> c.mode() == Campaign.Mode.ROTATION
                && c.items().stream().anyMatch(i -> i.playsAt(local))).toList();
        if (rotation.isEmpty()) {
            return new Selection(ownPlaylist.stream().filter(i -> i.playsAt(local)).toList(), null, true, interrupts,
                    overlay);
        }
        int top = rotation.get(0).priority();
        List<PlaylistItem> items = new ArrayList<>();
        String layout = null;
        for (Campaign c : rotation) {
            if (c.priority() == top) {
                c.items().stream().filter(i -> i.playsAt(local)).forEach(items::add);
                layout = layout == null ? c.layout() : layout;
            }
        }
        return new Selection(List.copyOf(items), layout, false, interrupts, overlay);
    }
}
