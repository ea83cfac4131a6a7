package vn.loa.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which free zones a member claims on a tick (ADR 0038, 0049): its share, and a dead owner's zones whatever the share. */
class LeaseShareTest {

    @Test
    void aZoneWhoseOwnerIsNoLongerUpIsClaimedEvenWhenTheShareSaysTheMemberHasEnough() {
        // Hazelcast still lists the killed member "c" for seconds: three up by its list, one zone each.
        int share = LeaseKeeper.share(3, 3);
        assertThat(LeaseKeeper.toClaim(Map.of("thon-c", "c"), Set.of("a", "b"), share, 1))
                .as("c's lease ran out and c is not up").containsExactly("thon-c");
    }

    @Test
    void aZoneGivenBackByALiveMemberGoesOnlyToAMemberShortOfItsShare() {
        int share = LeaseKeeper.share(3, 3);
        assertThat(LeaseKeeper.toClaim(Map.of("thon-c", "c"), Set.of("a", "b", "c"), share, 1)).isEmpty();
        assertThat(LeaseKeeper.toClaim(Map.of("thon-c", "c"), Set.of("a", "b", "c"), share, 0))
                .containsExactly("thon-c");
    }

    @Test
    void zonesNeverHeldAreSharedOutInOrderUpToTheShare() {
        int share = LeaseKeeper.share(4, 2);
        assertThat(share).isEqualTo(2);
        assertThat(LeaseKeeper.toClaim(Map.of("thon-d", "", "thon-b", "", "thon-a", "", "thon-c", ""),
                Set.of("a", "b"), share, 0)).containsExactly("thon-a", "thon-b");
        assertThat(LeaseKeeper.share(1, 0)).as("alone, even before this member counts itself").isEqualTo(1);
    }
}
