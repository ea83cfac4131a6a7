package vn.loa.server.display;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import vn.loa.server.alert.AlertBanners;

/**
 * Alerts (CAP, the alert API) on the boards: a banner per alert, up until the alert is cancelled or replaced, or
 * expires (CAP {@code <expires>}). Zones are
 * resolved on the executor, so the alert service never waits.
 */
final class AlertBoardBanners implements AlertBanners {

    private final Banners banners;
    private final Executor executor;

    AlertBoardBanners(Banners banners, Executor executor) {
        this.banners = banners;
        this.executor = executor;
    }

    static String bannerId(long alertId) {
        return "alert-" + alertId;
    }

    @Override
    public void show(long alertId, List<String> zones, String severity, String headline, String text,
            Instant expires) {
        String body = text == null || text.isBlank() ? headline : headline + "\n" + text;
        executor.execute(() -> banners.show(bannerId(alertId), zones, body, expires));
    }

    @Override
    public void covers(List<Long> announcementIds) {
        announcementIds.forEach(id -> banners.supersede(EmergencyBanners.bannerId(id)));
    }

    @Override
    public void withdraw(long alertId) {
        executor.execute(() -> banners.clear(bannerId(alertId)));
    }
}
