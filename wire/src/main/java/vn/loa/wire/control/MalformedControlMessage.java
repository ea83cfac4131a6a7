package vn.loa.wire.control;

/** A control frame that is not a valid message; the message says what is wrong, for the peer's log. */
public final class MalformedControlMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedControlMessage(String message) {
        super(message, null, false, false);
    }
}
