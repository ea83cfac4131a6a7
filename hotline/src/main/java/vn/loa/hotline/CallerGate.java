package vn.loa.hotline;

/**
 * Who may use the hotline: the server's list of authorised numbers, their PINs and lockouts, and the record of each
 * call. Implemented by the server (SQL, audit); the hotline calls it from its own threads and may block.
 */
public interface CallerGate {

    /** What the gate says of a calling number before the call is answered. */
    enum Admission { ACCEPTED, UNKNOWN, LOCKED }

    /** What the gate says of a PIN; LOCKED means this wrong PIN was the last one allowed. */
    enum PinCheck { ACCEPTED, WRONG, LOCKED }

    Admission admit(String number, String address);

    PinCheck checkPin(String number, String pin, String address);

    /** A call ended: who, how it went, and where its recording is. */
    void ended(CallReport report);
}
