package vn.loa.server.display.campaign;

import java.util.List;

/**
 * Boards gathered to receive campaigns: every board in a zone's subtree ({@code zoneId}, null for none), now and
 * later, and boards added by hand.
 */
public record DisplayGroup(String id, String name, String zoneId, List<String> boards) {

    public DisplayGroup {
        boards = List.copyOf(boards);
    }
}
