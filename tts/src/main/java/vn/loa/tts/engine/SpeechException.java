package vn.loa.tts.engine;

/**
 * Thrown when an engine cannot speak: the binary is missing, the process crashed or hung and was killed, a cloud
 * service refused or timed out, or every engine of a fallback chain failed.
 *
 * <p>The message names the engine and says what happened in words an operator can act on.
 */
public class SpeechException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String engine;

    public SpeechException(String engine, String message) {
        super(engine + ": " + message);
        this.engine = engine;
    }

    public SpeechException(String engine, String message, Throwable cause) {
        super(engine + ": " + message, cause);
        this.engine = engine;
    }

    /** The name of the engine that failed. */
    public String engine() {
        return engine;
    }
}
