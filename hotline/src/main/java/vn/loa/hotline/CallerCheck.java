package vn.loa.hotline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Decides what an INVITE gets before it is answered: refused (unknown or backed-off number, a wrong digest answer), a
 * digest challenge (the number's phone has a SIP password), busy (too many unauthenticated calls already wait at the
 * PIN prompt), or answered, authenticated or not. Holds the count of calls waiting for their PIN. Thread-safe.
 */
final class CallerCheck {

    /** What the INVITE gets. {@code status} is the SIP status for a refusal or challenge, 200 for an answer. */
    record Decision(int status, String reason, boolean stale, boolean authenticated) {

        static Decision refuse(int status, String reason) {
            return new Decision(status, reason, false, false);
        }

        static Decision challenge(boolean stale) {
            return new Decision(Response.UNAUTHORIZED, "Unauthorized", stale, false);
        }

        boolean answered() {
            return status == Response.OK;
        }
    }

    private final CallerGate gate;
    private final SipDigest digest;
    private final int maxWaiting;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    CallerCheck(CallerGate gate, SipDigest digest, int maxWaiting) {
        this.gate = gate;
        this.digest = digest;
        this.maxWaiting = maxWaiting;
    }

    /**
     * The decision for {@code request} from {@code number} at {@code address}. An unauthenticated call that is
     * answered counts as waiting for its PIN until {@link #pinDone} is called for {@code callId}.
     */
    Decision check(Request request, String number, String address, String callId) {
        CallerGate.Admission admission = gate.admit(number, address);
        if (admission.verdict() != CallerGate.Verdict.ACCEPTED) {
            return Decision.refuse(Response.FORBIDDEN,
                    admission.verdict() == CallerGate.Verdict.LOCKED ? "Number locked" : "Number not authorised");
        }
        if (admission.sipHa1() != null) {
            AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
            if (auth == null) {
                return Decision.challenge(false);
            }
            switch (digest.verify(auth, request.getMethod(), number, admission.sipHa1())) {
                case ACCEPTED -> {
                    return new Decision(Response.OK, "OK", false, true);
                }
                case STALE -> {
                    return Decision.challenge(true);
                }
                default -> {
                    gate.authenticationFailed(number, address);
                    return Decision.refuse(Response.FORBIDDEN, "Authentication failed");
                }
            }
        }
        if (!enter(callId)) {
            return Decision.refuse(Response.BUSY_HERE, "Too many calls waiting for a PIN");
        }
        return new Decision(Response.OK, "OK", false, false);
    }

    private synchronized boolean enter(String callId) {
        if (waiting.size() >= maxWaiting) {
            return false;
        }
        waiting.add(callId);
        return true;
    }

    /** The call no longer waits at the PIN prompt: its PIN was accepted, or it ended. */
    void pinDone(String callId) {
        waiting.remove(callId);
    }

    /** Unauthenticated calls waiting for their PIN now. */
    int waiting() {
        return waiting.size();
    }
}
