package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Priority;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.zone.ZoneRepository;

/**
 * The air's first decision, without a socket: which nodes a notice goes to and why one is left out (not connected,
 * outside its on-hours), on an embedded database.
 */
class AirTargetsTest {

    /** 08:00 in Vietnam. */
    private static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant ELEVEN_AT_NIGHT = EIGHT.plus(Duration.ofHours(15));

    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();
    private final AirTargets targets = new AirTargets(new ZoneRepository(), new NodeRepository(), new NodeSessions(),
            node -> Optional.empty());

    @BeforeEach
    void commune() {
        db.zone("xa", null);
        db.zone("thon", "xa");
        db.zone("xa-ben", null);
        node("loa-cho", "thon", "rtp", "10.0.0.5:5004", "05:00-21:00");
        node("loa-dinh", "thon", "agent", null, null);
        node("loa-ben", "xa-ben", "rtp", "10.0.9.9:5004", null);
        jdbi.useHandle(h -> h.execute("UPDATE zone SET multicast = '239.1.1.1:5004' WHERE id = 'xa'"));
    }

    @Test
    void aNoticeToTheCommuneReachesItsHamletsSpeakersAndItsMulticastGroupButNotTheNeighbours() {
        Map<String, AirTargets.Target> reached = below(List.of("xa"), Priority.SCHEDULED, EIGHT);
        assertThat(reached).containsOnlyKeys("loa-cho", "loa-dinh", "multicast:xa");
        assertThat(reached.get("loa-cho").address()).isEqualTo(new InetSocketAddress("10.0.0.5", 5004));
        assertThat(reached.get("multicast:xa").address()).isEqualTo(new InetSocketAddress("239.1.1.1", 5004));
        assertThat(reached.get("loa-dinh").address()).as("its agent is not connected").isNull();
        assertThat(reached.get("loa-dinh").unreachable()).contains("agent not connected");
    }

    @Test
    void aSpeakerOutsideItsOnHoursIsSkippedForANoticeButNotForAnEmergency() {
        AirTargets.Target notice = below(List.of("thon"), Priority.SCHEDULED, ELEVEN_AT_NIGHT).get("loa-cho");
        assertThat(notice.address()).isNull();
        assertThat(notice.unreachable()).isEqualTo(AirTargets.OFF_HOURS);
        AirTargets.Target emergency = below(List.of("thon"), Priority.EMERGENCY, ELEVEN_AT_NIGHT).get("loa-cho");
        assertThat(emergency.address()).isEqualTo(new InetSocketAddress("10.0.0.5", 5004));
    }

    private Map<String, AirTargets.Target> below(List<String> zones, Priority priority, Instant at) {
        return jdbi.withHandle(h -> targets.below(h, zones, priority, at)).values().stream()
                .flatMap(List::stream).collect(Collectors.toMap(t -> t.node().id(), t -> t));
    }

    private void node(String id, String zone, String kind, String address, String onHours) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO node (id, name, zone_id, kind, address, codec, on_hours, "
                        + "created_at, updated_at) VALUES (:id, :id, :zone, :kind, :address, 'PCMU', :hours, "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .bind("id", id).bind("zone", zone).bind("kind", kind).bind("address", address).bind("hours", onHours)
                .execute());
    }
}
