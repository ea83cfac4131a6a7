package vn.loa.display;

/**
 * Content a board cannot show (a decompression bomb, a corrupt video, an unknown format), with a stable code and a
 * message a clerk can read.
 */
public final class ContentException extends RuntimeException {

    private final String code;

    public ContentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ContentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** {@code image_too_large}, {@code unsupported_format}, {@code corrupt_media}, ... */
    public String code() {
        return code;
    }
}
