package vn.loa.server.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;

/**
 * The announcement store in memory, for unit tests: transactions run one at a time and a transaction that throws
 * leaves the rows as they were. Zones are known by the paths given at construction.
 */
public final class MemoryAnnouncementStore implements AnnouncementStore {

    private final Map<String, String> zonePaths;
    private Map<Long, Announcement> announcements = new HashMap<>();
    private Map<Long, List<Transition>> history = new HashMap<>();
    private long lastId;

    /** @param zonePaths each zone id's path ({@code thon -> /xa/thon/}) */
    public MemoryAnnouncementStore(Map<String, String> zonePaths) {
        this.zonePaths = Map.copyOf(zonePaths);
    }

    @Override
    public synchronized <T> T inTransaction(Function<Rows, T> work) {
        Map<Long, Announcement> announcementsBefore = new HashMap<>(announcements);
        Map<Long, List<Transition>> historyBefore = new HashMap<>();
        history.forEach((id, list) -> historyBefore.put(id, new ArrayList<>(list)));
        long lastIdBefore = lastId;
        try {
            return work.apply(new MemoryRows());
        } catch (RuntimeException | Error e) {
            announcements = announcementsBefore;
            history = historyBefore;
            lastId = lastIdBefore;
            throw e;
        }
    }

    private final class MemoryRows implements Rows {

        @Override
        public long insert(Announcement a) {
            a.zones().forEach(this::pathOf);
            long id = ++lastId;
            announcements.put(id, new Announcement(id, a.title(), a.text(), a.audioId(), a.relayUrl(), a.zones(),
                    a.priority(), a.voice(), a.repeat(), a.chime(), a.schedule(), a.state(), a.createdBy(),
                    a.createdAt(), a.createdAt(), a.playlist()));
            return id;
        }

        @Override
        public void update(long id, AnnouncementDraft d, Instant at) {
            d.zones().forEach(this::pathOf);
            Announcement a = announcements.get(id);
            if (a != null) {
                announcements.put(id, new Announcement(id, d.title(), d.text(), d.audioId(), d.relayUrl(), d.zones(),
                        d.priority(), d.voice(), d.repeat(), d.chime(), d.schedule(), a.state(), a.createdBy(),
                        a.createdAt(), at, d.playlist()));
            }
        }

        @Override
        public Optional<Announcement> find(long id) {
            return Optional.ofNullable(announcements.get(id));
        }

        @Override
        public List<String> zonePaths(long id) {
            return find(id).map(a -> a.zones().stream().map(this::pathOf).toList()).orElse(List.of());
        }

        @Override
        public boolean moveState(long id, AnnouncementState from, AnnouncementState to, Instant at) {
            Announcement a = announcements.get(id);
            if (a == null || a.state() != from) {
                return false;
            }
            announcements.put(id, a.withState(to, at));
            return true;
        }

        @Override
        public void recordTransition(long id, AnnouncementState from, AnnouncementState to, String actor,
                String reason, Instant at) {
            if (!announcements.containsKey(id)) {
                throw new IllegalArgumentException("no announcement " + id);
            }
            history.computeIfAbsent(id, k -> new ArrayList<>()).add(new Transition(from == null ? null : from.name(),
                    to.name(), actor, reason, at));
        }

        @Override
        public List<Transition> transitions(long id) {
            return List.copyOf(history.getOrDefault(id, List.of()));
        }

        @Override
        public List<Delivery> deliveries(long id) {
            return List.of(); // the air writes deliveries; nothing in memory does
        }

        /** A zone's path; an unknown zone is refused as the database's foreign key refuses it. */
        private String pathOf(String zone) {
            String path = zonePaths.get(zone);
            if (path == null) {
                throw new IllegalArgumentException("no zone " + zone);
            }
            return path;
        }
    }
}
