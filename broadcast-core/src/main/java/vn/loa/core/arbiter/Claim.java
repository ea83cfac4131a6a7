package vn.loa.core.arbiter;

import java.util.Objects;
import vn.loa.core.model.Priority;

/**
 * A programme's request to be heard in a zone: who it is, how urgent, and what to do if cut off.
 *
 * @param programmeId the programme (announcement, live session, relay) this claim is for; unique per arbiter
 */
public record Claim(String programmeId, Priority priority, PreemptionPolicy policy) {

    public Claim {
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(policy, "policy");
    }
}
