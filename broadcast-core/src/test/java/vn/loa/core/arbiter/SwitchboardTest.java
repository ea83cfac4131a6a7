package vn.loa.core.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Priority;

class SwitchboardTest {

    private final List<ArbiterEvent> log = new ArrayList<>();
    private final Switchboard switchboard =
            new Switchboard(new SteppingInstantSource(Instant.parse("2026-11-28T01:00:00Z")), log::add);

    private static final Claim PROGRAMME = new Claim("programme", Priority.SCHEDULED, PreemptionPolicy.RESUME);
    private static final Claim EMERGENCY = new Claim("storm-warning", Priority.EMERGENCY, PreemptionPolicy.DROP);

    @Test
    void emergencyPreemptsScheduledProgrammeInItsZones() {
        switchboard.submit(PROGRAMME, Set.of("thon-1", "thon-2", "thon-3"));

        switchboard.submit(EMERGENCY, Set.of("thon-1", "thon-2"));

        assertThat(switchboard.onAir("thon-1")).contains(EMERGENCY);
        assertThat(switchboard.onAir("thon-2")).contains(EMERGENCY);
        assertThat(switchboard.onAir("thon-3")).as("a zone the emergency does not cover").contains(PROGRAMME);
        assertThat(log).filteredOn(e -> e.kind() == ArbiterEvent.Kind.PREEMPTED)
                .extracting(ArbiterEvent::zone).containsExactly("thon-1", "thon-2");
    }

    @Test
    void preemptedProgrammeResumesInEveryZoneOnceTheEmergencyEnds() {
        switchboard.submit(PROGRAMME, Set.of("thon-1", "thon-2"));
        switchboard.submit(EMERGENCY, Set.of("thon-1", "thon-2"));

        switchboard.zones().forEach(z -> z.finished("storm-warning"));

        assertThat(switchboard.onAir("thon-1")).contains(PROGRAMME);
        assertThat(switchboard.onAir("thon-2")).contains(PROGRAMME);
    }

    @Test
    void withdrawingAProgrammeFreesAllItsZones() {
        switchboard.submit(PROGRAMME, Set.of("thon-1", "thon-2"));

        switchboard.withdraw("programme");

        assertThat(switchboard.onAir("thon-1")).isEmpty();
        assertThat(switchboard.onAir("thon-2")).isEmpty();
        assertThat(switchboard.onAir("never-used")).isEmpty();
    }
}
