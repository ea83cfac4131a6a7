package vn.loa.node;

/** A command line the agent cannot run with; the message, in Vietnamese and English, says what to change. */
public final class BadArgumentsException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadArgumentsException(String message) {
        super(message, null, false, false);
    }
}
