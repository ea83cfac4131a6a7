package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class RefusalStatusTest {

    @Test
    void everyKindHasAStatusOfItsOwnAndComesBackFromIt() {
        Set<Integer> statuses = new HashSet<>();
        for (Refusal.Kind kind : EnumSet.allOf(Refusal.Kind.class)) {
            int status = RefusalStatus.of(kind);
            assertThat(status).as(kind.name()).isBetween(400, 599);
            assertThat(statuses.add(status)).as(kind + " shares " + status).isTrue();
            assertThat(RefusalStatus.kindOf(status)).isEqualTo(kind);
        }
    }

    @Test
    void aServicesRefusalIsAnsweredWithItsKindsStatusCodeAndField() {
        ApiError answered = ErrorResponder.classify(Refusal.invalid("weak_password", "Mật khẩu quá ngắn.", "password"), 500);

        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.code()).isEqualTo("weak_password");
        assertThat(answered.getMessage()).isEqualTo("Mật khẩu quá ngắn.");
        assertThat(answered.field()).isEqualTo("password");
        assertThat(ErrorResponder.classify(Refusal.notFound("tin", "7"), 500).status()).isEqualTo(404);
        assertThat(ErrorResponder.classify(new Refusal(Refusal.Kind.NO_SPACE, "insufficient_storage", "Hết đĩa."), 500)
                .status()).isEqualTo(507);
    }
}
