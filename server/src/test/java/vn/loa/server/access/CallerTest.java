package vn.loa.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller communeClerk = new Caller("clerk", Role.CLERK, "xa-a", "/root/xa-a/", "10.0.0.1");

    @Test
    void clerkCoversTheirCommuneAndItsVillagesOnly() {
        assertThat(communeClerk.covers("/root/xa-a/")).isTrue();
        assertThat(communeClerk.covers("/root/xa-a/thon-1/")).isTrue();
        assertThat(communeClerk.covers("/root/xa-b/")).isFalse();
        assertThat(communeClerk.covers("/root/")).isFalse();
        assertThat(communeClerk.covers("/root/xa-ab/")).as("a sibling whose id starts alike").isFalse();
    }

    @Test
    void clerkIsConcernedByTheUnitsAboveThem() {
        assertThat(communeClerk.overlaps("/root/")).isTrue();
        assertThat(communeClerk.overlaps("/root/xa-b/")).isFalse();
    }

    @Test
    void adminMayDoEverythingEachRoleMay() {
        for (Role role : Role.values()) {
            for (Action action : Action.values()) {
                if (role.may(action)) {
                    assertThat(Role.ADMIN.may(action)).isTrue();
                }
            }
        }
        assertThat(Role.CLERK.may(Action.APPROVE)).isFalse();
        assertThat(Role.TECHNICIAN.may(Action.COMPOSE)).isFalse();
    }
}
