package vn.loa.server.zone;

import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Zone;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.ReadOnlyMirror;
import vn.loa.server.refusal.Refusal;

/**
 * Checks that a zone named in a request exists and lies in the caller's subtree; used by every resource that points at
 * zones (nodes, boards, announcements). A zone outside the subtree is reported exactly like a missing one, so a clerk
 * learns nothing about the next commune.
 */
public final class ZoneGuard {

    private final ZoneRepository zones;

    public ZoneGuard(ZoneRepository zones) {
        this.zones = zones;
    }

    public Zone inScope(Handle h, Caller caller, String zoneId) {
        if (ReadOnlyMirror.named(zoneId)) {
            throw ReadOnlyMirror.refusal(zoneId, null);
        }
        return zones.find(h, zoneId)
                .filter(z -> caller.covers(z.path()))
                .orElseThrow(() -> Refusal.invalid("unknown_zone",
                        "Khu vực '" + zoneId + "' không tồn tại hoặc nằm ngoài đơn vị của bạn."));
    }
}
