package vn.loa.server.display;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.zone.ZoneRepository;

/**
 * The emergency banners up now, in memory (an emergency outlives no restart: its source raises it again). Each holds
 * the paths of its zones, so "does it cover this board" is a prefix test.
 *
 * <p>Thread-safe. {@link #show} resolves zone ids with one query on the caller's thread.
 */
public final class Banners implements BoardBanners {

    /**
     * A banner: its text, the zone paths it covers, when it was raised and when it ends (null: when cleared); a
     * notice's slide also names its pictures (board media ids, ADR 0061), none for a banner.
     */
    public record Banner(String id, String text, List<String> zonePaths, Instant raised, Instant until,
            List<String> pictures) {

        boolean covers(String boardZonePath, Instant now) {
            return (until == null || now.isBefore(until)) && zonePaths.stream().anyMatch(boardZonePath::startsWith);
        }
    }

    private final Jdbi jdbi;
    private final ZoneRepository zones;
    private final Clock clock;
    private final Map<String, Banner> up = new ConcurrentHashMap<>();
    /** Banners another stands for (an alert's for its announcements'): never raised, taken down if up. */
    private final java.util.Set<String> superseded = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Banner>> listeners = new CopyOnWriteArrayList<>();

    public Banners(Jdbi jdbi, ZoneRepository zones, Clock clock) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
    }

    /** Called with a banner whenever it goes up or comes down (then with the banner as it was). */
    public void onChange(Consumer<Banner> listener) {
        listeners.add(listener);
    }

    @Override
    public String show(List<String> zoneIds, String text, Instant until) {
        String id = "b-" + UUID.randomUUID();
        show(id, zoneIds, text, until);
        return id;
    }

    /** Shows (or replaces) the banner with this id. */
    public void show(String id, List<String> zoneIds, String text, Instant until) {
        show(id, zoneIds, text, until, List.of());
    }

    /** Shows (or replaces) the notice slide with this id, with its pictures. */
    public void show(String id, List<String> zoneIds, String text, Instant until, List<String> pictures) {
        if (superseded.contains(id)) {
            return;
        }
        List<String> paths = jdbi.withHandle(h -> zoneIds.stream()
                .map(z -> zones.find(h, z).map(Zone::path).orElse(null))
                .filter(java.util.Objects::nonNull).toList());
        Banner banner = new Banner(id, text, paths, clock.instant(), until, List.copyOf(pictures));
        up.put(id, banner);
        listeners.forEach(l -> l.accept(banner));
    }

    /** The banner {@code bannerId} is stood for by another: it is taken down and never raised again. */
    public void supersede(String bannerId) {
        superseded.add(bannerId);
        clear(bannerId);
    }

    @Override
    public void clear(String bannerId) {
        Banner gone = up.remove(bannerId);
        if (gone != null) {
            listeners.forEach(l -> l.accept(gone));
        }
    }

    /** Gives a banner that is up an end (a notice slide lingers after it went off air); no-op if it is not up. */
    public void endAt(String id, Instant until) {
        Banner ended = up.computeIfPresent(id, (k, b) -> new Banner(b.id(), b.text(), b.zonePaths(), b.raised(), until,
                b.pictures()));
        if (ended != null) {
            listeners.forEach(l -> l.accept(ended));
        }
    }

    /** Every banner over a board in this zone now, newest first. */
    public List<Banner> allOver(String boardZonePath) {
        Instant now = clock.instant();
        up.values().removeIf(b -> b.until() != null && !now.isBefore(b.until()));
        return up.values().stream().filter(b -> b.covers(boardZonePath, now))
                .sorted(Comparator.comparing(Banner::raised).reversed()).toList();
    }

    /** The newest banner over a board in this zone now, if any. */
    public Optional<Banner> over(String boardZonePath) {
        return allOver(boardZonePath).stream().findFirst();
    }

    /** The earliest end among banners with an end, so the boards can be told when it passes. */
    public Optional<Instant> nextExpiry() {
        return up.values().stream().map(Banner::until).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder());
    }
}
