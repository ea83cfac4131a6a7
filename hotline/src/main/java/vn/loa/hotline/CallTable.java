package vn.loa.hotline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * The hotline's calls by SIP Call-ID: ringing while the caller is checked and answered, then live with their dialog
 * and, for a call over TCP, the connection ({@code address:port}) it keeps open while it lasts.
 */
final class CallTable {

    /** A call taken out of the table, with its dialog (null if it was never answered). */
    record Ended(HotlineCall call, Dialog dialog) {
    }

    private final Map<String, HotlineCall> calls = new ConcurrentHashMap<>();
    private final Map<String, ServerTransaction> ringing = new ConcurrentHashMap<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, String> tcpCalls = new ConcurrentHashMap<>();
    private final Consumer<String> pinDone;

    /** {@code pinDone} is told when a call is over, so it no longer counts as waiting for its PIN. */
    CallTable(Consumer<String> pinDone) {
        this.pinDone = pinDone;
    }

    /** True for a call already ringing or live: its INVITE again is a retransmission or a re-INVITE. */
    boolean has(String callId) {
        return calls.containsKey(callId) || ringing.containsKey(callId);
    }

    /** Calls ringing or live. */
    int size() {
        return calls.size() + ringing.size();
    }

    void ringing(String callId, ServerTransaction invite) {
        ringing.put(callId, invite);
    }

    /** No longer ringing (answered, refused or cancelled); the INVITE's transaction, or null if it was not. */
    ServerTransaction stopRinging(String callId) {
        return ringing.remove(callId);
    }

    /** The call is answered: live in {@code dialog}, over {@code tcpConnection} (null over UDP). */
    void live(String callId, HotlineCall call, Dialog dialog, String tcpConnection) {
        calls.put(callId, call);
        dialogs.put(callId, dialog);
        if (tcpConnection != null) {
            tcpCalls.put(callId, tcpConnection);
        }
    }

    HotlineCall get(String callId) {
        return calls.get(callId);
    }

    /** The Call-ID of a live call. */
    Optional<String> callIdOf(HotlineCall call) {
        return calls.entrySet().stream().filter(e -> e.getValue() == call).map(Map.Entry::getKey).findFirst();
    }

    /** Takes the call out: it no longer waits for a PIN nor holds its TCP connection open. */
    Ended end(String callId) {
        HotlineCall call = calls.remove(callId);
        Dialog dialog = dialogs.remove(callId);
        pinDone.accept(callId);
        tcpCalls.remove(callId);
        return new Ended(call, dialog);
    }

    /** True while a live call came over this TCP connection ({@code address:port}). */
    boolean holdsTcp(String connection) {
        return tcpCalls.containsValue(connection);
    }

    void forEachLive(Consumer<HotlineCall> action) {
        calls.values().forEach(action);
    }

    /** Ends every live call (the hotline stops). */
    void endAll() {
        calls.values().forEach(HotlineCall::end);
        calls.clear();
    }
}
