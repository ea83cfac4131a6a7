package vn.loa.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.core.model.Priority;
import vn.loa.server.access.Role;

class UnitPolicyTest {

    @Test
    void byDefaultFourEyesCoversEmergenciesOnlyAndNoOneNeedsTotp() {
        UnitPolicy p = UnitPolicy.DEFAULT;
        assertThat(p.fourEyes().covers(Priority.EMERGENCY)).isTrue();
        assertThat(p.fourEyes().covers(Priority.SCHEDULED)).isFalse();
        for (Role role : Role.values()) {
            assertThat(p.requiresTotp(role)).isFalse();
        }
    }

    @Test
    void requiredTotpBindsLeadersOnly() {
        UnitPolicy p = new UnitPolicy(true, FourEyes.OFF, "xa-a");
        assertThat(p.requiresTotp(Role.ADMIN)).isTrue();
        assertThat(p.requiresTotp(Role.APPROVER)).isTrue();
        assertThat(p.requiresTotp(Role.CLERK)).isFalse();
        assertThat(p.requiresTotp(Role.TECHNICIAN)).isFalse();
    }

    @Test
    void theRuleForAllCoversEveryPriorityAndOffNone() {
        for (Priority priority : Priority.values()) {
            assertThat(FourEyes.ALL.covers(priority)).isTrue();
            assertThat(FourEyes.OFF.covers(priority)).isFalse();
        }
        assertThat(FourEyes.fromWire("emergency")).isEqualTo(FourEyes.EMERGENCY);
    }
}
