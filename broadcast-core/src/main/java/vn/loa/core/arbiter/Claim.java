package vn.loa.core.arbiter;

import java.util.Objects;
import vn.loa.core.model.Priority;

/**
 * A programme's request to be heard in a zone: who it is, how urgent, and what to do if cut off.
 *
 * @param programmeId the programme (announcement, live session, relay) this claim is for; unique per arbiter
 * @param raised      waits ahead of the claims of its priority that are not raised, without interrupting any: a
 *                    bulletin the province sent as ưu tiên (TT 39/2020) before the commune's own queued notices
 */
public record Claim(String programmeId, Priority priority, PreemptionPolicy policy, boolean raised) {

    public Claim {
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(policy, "policy");
    }

    /** A claim that waits in the order it came among its priority. */
    public Claim(String programmeId, Priority priority, PreemptionPolicy policy) {
        this(programmeId, priority, policy, false);
    }
}
