package vn.loa.core.model;

import java.time.Instant;

/** What became of one announcement at one node: sent, received, played, or failed and why. */
public record Delivery(long announcementId, String nodeId, DeliveryState state, String detail, Instant updatedAt) {
}
