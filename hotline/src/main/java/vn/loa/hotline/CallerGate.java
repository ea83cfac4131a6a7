package vn.loa.hotline;

/**
 * Who may use the hotline: the server's list of authorised numbers, their PINs and back-offs, their phones' SIP
 * credentials, and the record of each call. Implemented by the server (SQL, audit); the hotline calls it from its own
 * threads and may block.
 *
 * <p>The calling number is a hint (caller ID can be forged): it names whose PIN to ask for. A back-off applies to the
 * number and the address it called from together, so wrong PINs from elsewhere never shut the owner out.
 */
public interface CallerGate {

    /** What the gate says of a calling number and address before the call is answered. */
    enum Verdict { ACCEPTED, UNKNOWN, LOCKED }

    /**
     * The gate's answer before the call is answered.
     *
     * @param sipHa1 the digest HA1 of the number's phone when it has a SIP password (then the call must authenticate),
     *               else null
     */
    record Admission(Verdict verdict, String sipHa1) {
    }

    /** What the gate says of a PIN; LOCKED means this wrong PIN was the last one allowed for now. */
    enum PinCheck { ACCEPTED, WRONG, LOCKED }

    Admission admit(String number, String address);

    PinCheck checkPin(String number, String pin, String address);

    /** A call for {@code number} answered the digest challenge wrongly (a forged caller ID or a wrong password). */
    void authenticationFailed(String number, String address);

    /** A call ended: who, how it went, and where its recording is. */
    void ended(CallReport report);
}
