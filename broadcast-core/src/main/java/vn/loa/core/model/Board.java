package vn.loa.core.model;

/**
 * A public electronic display board (bảng tin điện tử) in a zone.
 *
 * @param driver how content reaches it: {@code web} (kiosk browser player) or {@code ddp} (LED matrix); null means web
 */
public record Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver) {
}
