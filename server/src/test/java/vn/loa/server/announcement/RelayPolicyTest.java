package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class RelayPolicyTest {

    private final RelayPolicy policy = new RelayPolicy(Set.of());

    @Test
    void aMalformedOrForeignSchemeUrlIsRefusedAsInvalidNotThrownAsAnError() {
        for (String bad : new String[] {"javascript:alert(1)", "http://", "file:///etc/passwd", "http://a b/x.mp3",
                "vov1.mp3", "http://radio.vn/" + "x".repeat(2000)}) {
            assertThatThrownBy(() -> policy.check(bad)).as(bad).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.code()).isEqualTo("invalid_relay_url"));
        }
    }

    @Test
    void aWellFormedUrlOfAPrivateHostIsRefusedUnlessAllowed() {
        assertThat(RelayPolicy.wellFormed("icy://radio.vn:8000/vov1")).isEqualTo("icy://radio.vn:8000/vov1");
        assertThatThrownBy(() -> policy.check("http://10.1.2.3/vov1.mp3")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.code()).isEqualTo("relay_url_private"));
        new RelayPolicy(Set.of("10.1.2.3")).check("http://10.1.2.3/vov1.mp3");
    }
}
