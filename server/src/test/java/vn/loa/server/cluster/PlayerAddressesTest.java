package vn.loa.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a board's player is given to move to: the configured public addresses win over the members' own. */
class PlayerAddressesTest {

    private static final List<String> SEEN = List.of("http://10.0.0.1:8080", "http://10.0.0.2:8080");

    @Test
    void playersBehindAProxyAreGivenTheConfiguredAddressesNotTheMembersOwn() {
        assertThat(Cluster.forPlayers(List.of("https://a.example", "https://b.example"), SEEN))
                .containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void withoutAConfiguredListPlayersAreGivenTheMembersSeen() {
        assertThat(Cluster.forPlayers(List.of(), SEEN)).isEqualTo(SEEN);
    }

    @Test
    void aServerAloneGivesNone() {
        assertThat(Cluster.alone().addresses()).isEmpty();
    }
}
