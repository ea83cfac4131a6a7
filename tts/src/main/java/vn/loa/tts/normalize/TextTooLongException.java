package vn.loa.tts.normalize;

/**
 * Thrown when a text is longer than the normaliser accepts, so a caller can answer "too long" instead of tying up a
 * worker for minutes.
 */
public final class TextTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int length;
    private final int limit;

    public TextTooLongException(int length, int limit) {
        super("the text has " + length + " characters; Loa reads at most " + limit
                + " characters in one notice, so split it into several notices");
        this.length = length;
        this.limit = limit;
    }

    public int length() {
        return length;
    }

    public int limit() {
        return limit;
    }
}
